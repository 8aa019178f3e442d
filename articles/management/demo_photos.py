"""Demo photos drawn with Pillow on the spot: no downloads, no one else's pictures."""

import io
import itertools
import random

from PIL import Image, ImageDraw, ImageFilter, ImageOps

SIZE = (1280, 720)

# (top of the sky, horizon) colour pairs: dusk, morning, noon, storm, night …
SKIES = [
    ("#1b2a4a", "#f2a65a"),
    ("#0f3b5c", "#bfe3ef"),
    ("#2c4f7c", "#e8d3b0"),
    ("#3a3f47", "#9aa5b1"),
    ("#0c1022", "#3d4a7a"),
    ("#5a2d5c", "#f6a57a"),
    ("#1f5f8b", "#f4f1de"),
]


def _sky(rng: random.Random) -> Image.Image:
    top, horizon = rng.choice(SKIES)
    gradient = Image.linear_gradient("L").resize(SIZE)
    return ImageOps.colorize(gradient, black=top, white=horizon).convert("RGB")


def _sun(draw: ImageDraw.ImageDraw, rng: random.Random, colour="#fff1c9") -> None:
    x, y, r = rng.randint(150, SIZE[0] - 150), rng.randint(90, 260), rng.randint(35, 80)
    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def skyline(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _sun(draw, rng)
    width, height = SIZE
    x = rng.randint(-40, 120)
    while x < width:
        w, h = rng.randint(40, 110), rng.randint(120, 420)
        top = height - 110 - h
        draw.rectangle((x, top, x + w, height), fill=(22, 24, 32))
        lit = rng.random() * 0.4
        for wy in range(top + 12, height - 130, 24):
            for wx in range(x + 8, x + w - 12, 16):
                if rng.random() < lit:
                    draw.rectangle((wx, wy, wx + 7, wy + 10), fill="#f5d77a")
        x += w + rng.randint(2, 24)
    draw.rectangle((0, height - 110, width, height), fill=(40, 42, 48))
    for lane in range(4):
        y = height - 80 + lane * 18
        draw.line((0, y, width, y), fill=(70, 72, 78), width=2)
    return picture


def harbour(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _sun(draw, rng)
    width, height = SIZE
    sea_top = int(height * 0.62)
    draw.rectangle((0, sea_top, width, height), fill=(24, 58, 84))
    for _ in range(160):
        x, y = rng.randint(0, width), rng.randint(sea_top + 4, height)
        draw.line((x, y, x + rng.randint(20, 80), y), fill=(70, 112, 140), width=2)
    hull_x, hull_w = rng.randint(150, 600), rng.randint(380, 560)
    draw.polygon(
        [(hull_x, sea_top - 10), (hull_x + hull_w, sea_top - 10),
         (hull_x + hull_w - 40, sea_top + 40), (hull_x + 30, sea_top + 40)],
        fill=(150, 30, 34),
    )  # fmt: skip
    stacks = rng.randint(4, 8)
    for index in range(stacks):
        cx = hull_x + 40 + index * (hull_w - 120) // stacks
        colour = rng.choice([(40, 90, 150), (200, 140, 40), (60, 130, 80), (180, 60, 50)])
        draw.rectangle((cx, sea_top - 60, cx + 45, sea_top - 10), fill=colour)
    draw.rectangle(
        (hull_x + hull_w - 110, sea_top - 110, hull_x + hull_w - 60, sea_top - 10), fill="#e8e8e8"
    )
    for crane in range(rng.randint(2, 4)):
        cx = width - 120 - crane * 150
        draw.line((cx, sea_top, cx, sea_top - 260), fill=(230, 120, 40), width=10)
        draw.line((cx - 120, sea_top - 250, cx + 60, sea_top - 250), fill=(230, 120, 40), width=8)
    return picture


def mountains(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _sun(draw, rng)
    width, height = SIZE
    for layer, shade in enumerate([(92, 104, 122), (62, 76, 92), (38, 52, 60)]):
        base = int(height * (0.5 + 0.14 * layer))
        x = -100
        while x < width:
            peak_w, peak_h = rng.randint(220, 420), rng.randint(120, 300 - layer * 60)
            peak = (x + peak_w // 2, base - peak_h)
            draw.polygon(
                [(x, height), (x, base), peak, (x + peak_w, base), (x + peak_w, height)], fill=shade
            )
            if layer == 0:
                snow = peak_h // 4
                draw.polygon(
                    [peak, (peak[0] - snow, peak[1] + snow), (peak[0] + snow, peak[1] + snow)],
                    fill="#f4f6f8",
                )
            x += peak_w - rng.randint(40, 120)
    draw.rectangle((0, int(height * 0.86), width, height), fill=(52, 84, 48))
    return picture


def stadium(rng: random.Random) -> Image.Image:
    width, height = SIZE
    picture = Image.new("RGB", SIZE, rng.choice(["#10182c", "#1a2238", "#0d1b2a"]))
    draw = ImageDraw.Draw(picture)
    stands_bottom = int(height * 0.45)
    for _ in range(5000):
        x, y = rng.randint(0, width), rng.randint(60, stands_bottom)
        colour = rng.choice(
            [(200, 40, 40), (240, 240, 240), (40, 70, 160), (230, 190, 40), (60, 60, 70)]
        )
        draw.point((x, y), fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(1.2))
    draw = ImageDraw.Draw(picture)
    pitch = [(0, height), (width, height), (width - 160, stands_bottom), (160, stands_bottom)]
    draw.polygon(pitch, fill=(46, 128, 58))
    for stripe in range(0, 8, 2):
        y0 = stands_bottom + stripe * (height - stands_bottom) // 8
        y1 = stands_bottom + (stripe + 1) * (height - stands_bottom) // 8
        draw.rectangle((0, y0, width, y1), fill=(52, 140, 64))
    draw.polygon(pitch, outline="#f4f4f4", width=4)
    draw.line((width // 2, stands_bottom, width // 2, height), fill="#f4f4f4", width=4)
    draw.ellipse(
        (width // 2 - 120, height - 210, width // 2 + 120, height - 60), outline="#f4f4f4", width=4
    )
    for x in (80, width - 80):
        draw.line((x, 0, x, 120), fill=(120, 120, 130), width=8)
        draw.rectangle((x - 40, 0, x + 40, 30), fill="#fffbe6")
    return picture


def laboratory(rng: random.Random) -> Image.Image:
    width, height = SIZE
    gradient = Image.radial_gradient("L").resize(SIZE)
    picture = ImageOps.colorize(gradient, black="#1d4e89", white="#06101f").convert("RGB")
    draw = ImageDraw.Draw(picture)
    atoms = [(rng.randint(80, width - 80), rng.randint(80, height - 80)) for _ in range(14)]
    for a, b in itertools.pairwise(atoms):
        draw.line((*a, *b), fill=(150, 200, 240), width=5)
    for x, y in atoms:
        r = rng.randint(18, 46)
        colour = rng.choice(["#f25c54", "#f7b267", "#4ecdc4", "#e8f1f2", "#7b9acc"])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline="#ffffff", width=3)
    return picture


def market_chart(rng: random.Random) -> Image.Image:
    width, height = SIZE
    picture = Image.new("RGB", SIZE, "#0e1a24")
    draw = ImageDraw.Draw(picture)
    for y in range(80, height, 80):
        draw.line((0, y, width, y), fill=(34, 52, 66), width=1)
    price = height // 2
    points = []
    for index, x in enumerate(range(40, width - 40, 24)):
        opened = price
        price = max(120, min(height - 120, price + rng.randint(-40, 38)))
        colour = (46, 204, 113) if price < opened else (231, 76, 60)
        draw.line(
            (x + 6, min(price, opened) - 14, x + 6, max(price, opened) + 14), fill=colour, width=2
        )
        draw.rectangle((x, min(price, opened), x + 12, max(price, opened) + 2), fill=colour)
        points.append((x + 6, price - 30 - 10 * (index % 3)))
    draw.line(points, fill=(241, 196, 15), width=3)
    return picture


SCENES_BY_SECTION = {
    "world": [skyline, harbour, mountains],
    "russia": [skyline, mountains, harbour],
    "society": [skyline, harbour],
    "opinion": [skyline, mountains],
    "science": [laboratory, mountains],
    "sport": [stadium],
    "incidents": [harbour, skyline, mountains],
    "business": [market_chart, harbour, skyline],
}


def news_photo(rng: random.Random, section: str) -> bytes:
    picture = rng.choice(SCENES_BY_SECTION[section])(rng)
    return _jpeg(picture, quality=80)


def portrait(rng: random.Random, size: int = 400) -> bytes:
    """A neutral head-and-shoulders silhouette on a studio backdrop."""
    top, horizon = rng.choice(SKIES)
    gradient = Image.radial_gradient("L").resize((size, size))
    picture = ImageOps.colorize(gradient, black=horizon, white=top).convert("RGB")
    draw = ImageDraw.Draw(picture)
    skin = rng.choice(["#f1c7a6", "#d9a27e", "#a86f4c", "#7a4a2e", "#e8b894"])
    jacket = rng.choice(["#2d3e50", "#5a2a27", "#38423b", "#1f2a44", "#6b5b4b"])
    hair = rng.choice(["#2b1d14", "#5b3b22", "#c9b38a", "#1a1a1a", "#8c8c8c"])
    draw.ellipse((size * 0.16, size * 0.7, size * 0.84, size * 1.35), fill=jacket)
    draw.rectangle((size * 0.44, size * 0.55, size * 0.56, size * 0.74), fill=skin)
    draw.ellipse((size * 0.33, size * 0.2, size * 0.67, size * 0.62), fill=skin)
    draw.chord((size * 0.31, size * 0.15, size * 0.69, size * 0.52), 180, 360, fill=hair)
    return _jpeg(picture, quality=82)


def _jpeg(picture: Image.Image, *, quality: int) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()
