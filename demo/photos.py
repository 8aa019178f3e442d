"""Demo photos drawn with Pillow on the spot: no downloads, no one else's pictures."""

import io
import itertools
import random
from functools import partial

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

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


# Subject scenes (text.SUBJECTS): simple shapes, but each shows what its caption says.
W, H = SIZE


def _ground(draw, top: int, colour) -> None:
    draw.rectangle((0, top, W, H), fill=colour)


def _person(
    draw,
    x: int,
    feet: int,
    *,
    height: int = 150,
    colour=(40, 60, 90),
    rng=None,
    arms_up: bool = False,
    stride: int = 0,
) -> None:
    """A figure from head to feet; `stride` spreads the legs of someone running."""
    skin = rng.choice(["#f1c7a6", "#d9a27e", "#a86f4c", "#7a4a2e"]) if rng else "#d9a27e"
    head = height // 7
    body_top, hips = feet - height + 2 * head, feet - height * 45 // 100
    draw.ellipse((x - head, feet - height, x + head, feet - height + 2 * head), fill=skin)
    draw.rounded_rectangle((x - head * 3 // 2, body_top, x + head * 3 // 2, hips), 8, fill=colour)
    leg = max(4, head // 2)
    draw.line((x - head // 2, hips, x - head // 2 - stride, feet), fill=(30, 30, 40), width=leg)
    draw.line((x + head // 2, hips, x + head // 2 + stride, feet), fill=(30, 30, 40), width=leg)
    if arms_up:
        for side in (-1, 1):
            draw.line(
                (x + side * head, body_top + 6, x + side * head * 3, feet - height),
                fill=colour,
                width=leg,
            )


def _crowd(draw, rng, *, feet: int, count: int, height: int, colours, placards=False) -> None:
    for _ in range(count):
        x = rng.randint(0, W)
        y = feet + rng.randint(-30, 30)
        _person(
            draw, x, y, height=height + rng.randint(-20, 20), colour=rng.choice(colours), rng=rng
        )
        if placards and rng.random() < 0.45:
            top = y - height - rng.randint(60, 90)
            draw.line((x, top + 40, x, y - height // 2), fill=(110, 80, 50), width=5)
            draw.rectangle(
                (x - 45, top, x + 45, top + 50),
                fill=rng.choice(["#ffffff", "#ffe066", "#f25c54", "#bde0fe"]),
            )
            for line in range(2):
                draw.line(
                    (x - 32, top + 15 + line * 18, x + 32, top + 15 + line * 18),
                    fill=(40, 40, 40),
                    width=4,
                )


def _flags(draw, rng, *, left: int, right: int, top: int, count: int) -> None:
    palettes = [
        ("#c8102e", "#ffffff", "#012169"),
        ("#009246", "#ffffff", "#ce2b37"),
        ("#ffcd00", "#0033a0", "#ffffff"),
        ("#00843d", "#ffd100", "#d52b1e"),
    ]
    step = (right - left) // max(count, 1)
    for index in range(count):
        x = left + index * step + step // 2
        draw.line((x, top, x, top + 260), fill=(200, 200, 205), width=5)
        stripes = rng.choice(palettes)
        for band, colour in enumerate(stripes):
            draw.rectangle((x + 3, top + band * 22, x + 103, top + (band + 1) * 22), fill=colour)


def _columned_building(draw, rng, *, stone=(222, 216, 200), columns: int = 8) -> tuple:
    left, right, top, base = 140, W - 140, 170, H - 120
    draw.polygon([(left - 30, top), (W // 2, top - 90), (right + 30, top)], fill=stone)
    draw.rectangle((left - 30, top, right + 30, top + 30), fill=tuple(c - 20 for c in stone))
    draw.rectangle((left, top + 30, right, base), fill=tuple(c - 35 for c in stone))
    step = (right - left) // columns
    for index in range(columns + 1):
        x = left + index * step
        draw.rectangle((x - 14, top + 30, x + 14, base), fill=stone)
    for step_index in range(4):
        draw.rectangle(
            (
                left - 50 - step_index * 20,
                base + step_index * 20,
                right + 50 + step_index * 20,
                base + (step_index + 1) * 20,
            ),
            fill=tuple(c - 10 * step_index for c in stone),
        )
    return left, right, top, base


def conference(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#3b3f4a")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, W, 260), fill="#5b4a3a")  # wood panelling
    for x in range(0, W, 160):
        draw.line((x, 0, x, 260), fill="#4a3c2f", width=6)
    _flags(draw, rng, left=380, right=900, top=20, count=2)
    for row_y, height in ((330, 170), (640, 230)):
        for x in range(120, W - 60, 150):
            _person(
                draw,
                x,
                row_y + height // 2,
                height=height,
                rng=rng,
                colour=rng.choice([(30, 34, 48), (50, 50, 60), (70, 40, 40)]),
            )
    draw.polygon([(60, 420), (W - 60, 420), (W - 10, 560), (10, 560)], fill="#e9e4d8")
    for x in range(150, W - 100, 150):
        draw.rectangle((x, 450, x + 60, 470), fill="#ffffff")
        draw.line((x + 80, 430, x + 95, 500), fill="#222222", width=4)  # microphone
    return picture


def parliament(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _columned_building(draw, rng)
    _ground(draw, H - 40, (120, 120, 116))
    _flags(draw, rng, left=60, right=W - 60, top=H - 330, count=6)
    return picture


def central_bank(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _columned_building(draw, rng, stone=(176, 176, 172), columns=6)
    _ground(draw, H - 40, (90, 90, 92))
    return picture


def embassy(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((260, 150, W - 260, H - 120), fill=(196, 180, 150))
    for row in range(3):
        for x in range(300, W - 300, 110):
            draw.rectangle((x, 180 + row * 110, x + 60, 250 + row * 110), fill=(60, 70, 90))
    _flags(draw, rng, left=W // 2 - 60, right=W // 2 + 60, top=40, count=1)
    _ground(draw, H - 120, (110, 110, 108))
    for x in range(0, W, 26):  # railings and gates
        draw.line((x, H - 260, x, H - 110), fill=(20, 20, 24), width=6)
    draw.line((0, H - 250, W, H - 250), fill=(20, 20, 24), width=8)
    draw.rounded_rectangle((470, H - 170, 800, H - 80), 30, fill=(16, 18, 22))
    draw.rectangle((530, H - 210, 740, H - 160), fill=(26, 30, 36))
    for x in (530, 740):
        draw.ellipse((x - 30, H - 110, x + 30, H - 50), fill=(8, 8, 8))
    return picture


def flood(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    water = int(H * 0.6)
    for x in range(40, W, 230):
        top = rng.randint(230, 300)
        draw.rectangle(
            (x, top, x + 170, water + 40), fill=rng.choice(["#d8c3a5", "#c9ada7", "#e0d7c6"])
        )
        draw.polygon([(x - 20, top), (x + 85, top - 90), (x + 190, top)], fill="#7f4f3a")
        for wx in (x + 25, x + 105):
            draw.rectangle((wx, top + 40, wx + 40, top + 90), fill="#40505e")
    draw.rectangle((0, water, W, H), fill=(120, 96, 64))
    for _ in range(200):
        x, y = rng.randint(0, W), rng.randint(water, H)
        draw.line((x, y, x + rng.randint(20, 60), y), fill=(150, 124, 88), width=2)
    return picture


def ballots(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#c9cfd6")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 420, W, H), fill="#8d6e55")  # table
    box = (420, 180, 860, 520)
    for _ in range(60):
        x, y = rng.randint(box[0] + 10, box[2] - 60), rng.randint(300, box[3] - 40)
        draw.rectangle((x, y, x + 60, y + 34), fill="#fdfdf8", outline="#9aa0a6")
    draw.rectangle(box, outline="#3a6ea5", width=8)
    draw.rectangle((box[0], box[1], box[2], box[1] + 40), fill="#3a6ea5")
    draw.rectangle((590, 188, 690, 200), fill="#1b2a4a")
    for x in (120, 980):  # tally sheets
        draw.rectangle((x, 470, x + 180, 690), fill="#ffffff")
        for line in range(8):
            draw.line((x + 15, 495 + line * 24, x + 165, 495 + line * 24), fill="#b0b6bd", width=2)
    return picture


def checkpoint(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, 470, (92, 96, 92))
    draw.polygon([(300, H), (W - 300, H), (760, 470), (520, 470)], fill=(60, 62, 66))
    draw.rectangle((880, 300, 1060, 470), fill="#e7e2d6")  # border post
    draw.rectangle((860, 280, 1080, 310), fill="#2c4f7c")
    for index in range(4):  # lorries queued towards the horizon
        scale = 1 - index * 0.2
        x, bottom = int(560 - index * 40), int(H - 40 - index * 70)
        w, h = int(360 * scale), int(170 * scale)
        draw.rectangle(
            (x - w // 2, bottom - h, x + w // 2, bottom),
            fill=rng.choice(["#e8e8e8", "#2d6a9f", "#b23a48"]),
        )
        draw.rectangle(
            (x - w // 2 + 8, bottom - h - int(60 * scale), x + w // 2 - 8, bottom - h),
            fill=(40, 44, 52),
        )
    for stripe in range(10):  # the barrier
        colour = "#d62828" if stripe % 2 else "#ffffff"
        draw.rectangle((700 + stripe * 18, 430, 718 + stripe * 18, 446), fill=colour)
    return picture


def heating(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, H - 120, "#f4f6f8")
    for x in range(40, W - 200, 260):
        top = rng.randint(180, 260)
        draw.rectangle((x, top, x + 220, H - 120), fill=(150, 150, 156))
        draw.rectangle((x, top - 12, x + 220, top), fill="#f4f6f8")  # snow on the roof
        for row in range(top + 20, H - 140, 40):
            for col in range(x + 14, x + 200, 34):
                lit = "#f5d77a" if rng.random() < 0.4 else (70, 74, 86)
                draw.rectangle((col, row, col + 18, row + 22), fill=lit)
    chimney = W - 140
    draw.rectangle((chimney, 120, chimney + 50, H - 120), fill=(170, 80, 70))
    for ring in range(7):  # steam
        r = 30 + ring * 14
        cy = 110 - ring * 30
        draw.ellipse(
            (chimney + 25 - r + ring * 18, cy - r // 2, chimney + 25 + r + ring * 18, cy + r // 2),
            fill="#e8ecef",
        )
    return picture


def bridge(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    river = int(H * 0.58)
    draw.rectangle((0, river, W, H), fill=(46, 84, 110))
    for x in range(0, W, 40):
        draw.polygon(
            [(x, river), (x + 20, river - rng.randint(40, 90)), (x + 40, river)], fill=(40, 90, 50)
        )
    deck = river - 110
    draw.rectangle((0, deck, W, deck + 26), fill=(200, 200, 196))
    for x in range(60, W, 200):
        draw.rectangle((x, deck + 26, x + 36, H - 60), fill=(170, 170, 166))
    for x in range(0, W, 30):
        draw.line((x, deck - 20, x, deck), fill=(90, 90, 96), width=3)
    draw.line((0, deck - 20, W, deck - 20), fill=(90, 90, 96), width=4)
    return picture


def rural_building(rng: random.Random, *, clinic: bool = False) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, H - 150, "#f4f6f8" if clinic else (86, 120, 60))
    wall = "#f2f2ee" if clinic else (150, 104, 70)
    draw.rectangle((240, 300, 1040, H - 150), fill=wall)
    draw.polygon([(200, 300), (640, 150), (1080, 300)], fill=(90, 96, 110))
    for x in range(300, 1000, 160):
        draw.rectangle((x, 360, x + 80, 450), fill=(70, 90, 120))
    draw.rectangle((600, 440, 680, H - 150), fill=(80, 60, 50))
    if clinic:
        draw.rectangle((610, 200, 670, 220), fill="#d62828")
        draw.rectangle((630, 180, 650, 240), fill="#d62828")
    else:  # scaffolding along the wall and a ladder to the roof
        for x in range(230, 620, 70):
            draw.line((x, 260, x, H - 150), fill=(200, 160, 60), width=6)
        for y in (330, 420, 510):
            draw.line((230, y, 600, y), fill=(200, 160, 60), width=6)
    return picture


def wildfire(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#6b4a3a")
    gradient = Image.linear_gradient("L").resize(SIZE)
    picture = ImageOps.colorize(gradient, black="#4a3f3a", white="#e07a2f").convert("RGB")
    draw = ImageDraw.Draw(picture)
    for _ in range(40):  # smoke
        x, y, r = rng.randint(0, W), rng.randint(0, 300), rng.randint(60, 140)
        draw.ellipse((x - r, y - r // 2, x + r, y + r // 2), fill=(90, 84, 80))
    for x in range(-20, W, 28):
        top = rng.randint(330, 430)
        draw.polygon([(x, H), (x + 20, top), (x + 40, H)], fill=(20, 30, 22))
    for _ in range(70):
        x, r = rng.randint(0, W), rng.randint(20, 50)
        top = rng.randint(380, 520)
        draw.polygon(
            [(x - r, 560), (x, top), (x + r, 560)],
            fill=rng.choice(["#ff8c1a", "#ffb703", "#f25c05"]),
        )
    _ground(draw, 560, (30, 24, 20))
    return picture


def airliner(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, H - 160, (88, 110, 70))
    draw.polygon([(0, H), (W, H), (W, H - 120), (0, H - 60)], fill=(60, 62, 66))
    for x in range(40, W, 120):
        draw.rectangle((x, H - 95 + x // 40, x + 60, H - 88 + x // 40), fill="#ffffff")
    # the plane, climbing to the right
    draw.polygon([(300, 360), (900, 220), (940, 240), (340, 400)], fill="#f4f4f4")
    draw.polygon([(560, 300), (700, 420), (760, 410), (660, 280)], fill="#d8d8d8")
    draw.polygon([(330, 370), (280, 270), (320, 268), (390, 360)], fill="#2c4f7c")
    for x in range(420, 860, 30):
        y = 372 - (x - 300) * 140 // 600
        draw.ellipse((x, y - 14, x + 10, y - 4), fill="#2c3e50")
    return picture


def harvest(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, 380, (222, 182, 80))
    for y in range(400, H, 22):
        draw.line((0, y, W, y + rng.randint(-6, 6)), fill=(196, 150, 60), width=3)
    x, y = rng.randint(300, 700), 520
    draw.rectangle((x, y - 160, x + 300, y), fill="#c1121f")
    draw.rectangle((x + 190, y - 240, x + 290, y - 160), fill="#9d0208")
    draw.rectangle((x + 205, y - 225, x + 275, y - 175), fill="#a8dadc")
    draw.rectangle((x - 180, y - 40, x, y), fill="#6a040f")  # the header
    for tooth in range(x - 180, x, 16):
        draw.line((tooth, y, tooth + 6, y + 20), fill="#333333", width=4)
    for cx, r in ((x + 60, 60), (x + 240, 45)):
        draw.ellipse((cx - r, y - r + 20, cx + r, y + r + 20), fill="#1a1a1a")
    return picture


def old_factory(rng: random.Random, *, fence: bool = False) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, H - 130, (96, 96, 90))
    draw.rectangle((120, 260, 1000, H - 130), fill=(146, 70, 52))
    for x in range(120, 1000, 110):  # saw-tooth roof
        draw.polygon([(x, 260), (x + 110, 200), (x + 110, 260)], fill=(110, 56, 44))
    for row in range(2):
        for x in range(160, 960, 100):
            draw.rectangle((x, 310 + row * 130, x + 60, 400 + row * 130), fill=(50, 60, 66))
            if not fence and rng.random() < 0.4:
                draw.line(
                    (x, 310 + row * 130, x + 60, 400 + row * 130), fill=(180, 180, 170), width=3
                )
    draw.rectangle((1060, 60, 1120, H - 130), fill=(126, 60, 46))
    if fence:
        for x in range(0, W, 22):
            draw.line((x, H - 230, x, H - 60), fill=(60, 64, 70), width=4)
        draw.line((0, H - 220, W, H - 220), fill=(60, 64, 70), width=5)
    return picture


def cranes_site(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, H - 110, (120, 104, 84))
    draw.rectangle((340, 300, 900, H - 110), fill=(170, 170, 166))
    for y in range(300, H - 110, 60):
        draw.line((340, y, 900, y), fill=(120, 120, 118), width=6)
    for x in range(340, 900, 70):
        draw.line((x, 300, x, H - 110), fill=(130, 130, 128), width=4)
    for base, jib in ((240, 700), (1020, -560)):
        draw.line((base, H - 110, base, 90), fill="#f4a300", width=14)
        draw.line(
            (base - 100 * (1 if jib > 0 else -1), 100, base + jib, 100), fill="#f4a300", width=10
        )
        draw.line((base + jib // 2, 100, base + jib // 2, 260), fill=(60, 60, 60), width=3)
    return picture


def placards(rng: random.Random, *, march: bool = False) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    if march:
        for x in range(0, W, 200):
            draw.rectangle(
                (x, 120, x + 180, 460), fill=rng.choice([(180, 170, 160), (150, 140, 130)])
            )
        _ground(draw, 460, (120, 118, 112))
        draw.rectangle((260, 330, 1020, 400), fill="#f25c54")  # banner
        for line in range(2):
            draw.line((320, 352 + line * 22, 960, 352 + line * 22), fill="#ffffff", width=8)
        _crowd(
            draw,
            rng,
            feet=640,
            count=40,
            height=190,
            colours=[(40, 60, 90), (120, 40, 40), (50, 90, 60), (90, 90, 90)],
            placards=True,
        )
    else:
        draw.rectangle((0, 150, W, 520), fill=(150, 80, 60))  # brick workplace
        for x in range(60, W, 160):
            draw.rectangle((x, 220, x + 80, 320), fill=(60, 70, 80))
        _ground(draw, 520, (110, 110, 106))
        for x in range(100, W, 140):
            _person(
                draw,
                x,
                660,
                height=230,
                rng=rng,
                colour=rng.choice([(200, 60, 50), (40, 60, 90), (60, 60, 60)]),
            )
            top = 660 - 230 - 70
            draw.line((x, top + 40, x, 660 - 140), fill=(110, 80, 50), width=5)
            draw.rectangle((x - 55, top, x + 55, top + 60), fill=rng.choice(["#ffffff", "#ffe066"]))
            draw.line((x - 40, top + 22, x + 40, top + 22), fill="#c1121f", width=6)
            draw.line((x - 40, top + 40, x + 30, top + 40), fill="#333333", width=5)
    return picture


def ambulance(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 140, W, 560), fill=(220, 222, 224))  # hospital
    for row in range(3):
        for x in range(40, W, 120):
            draw.rectangle((x, 170 + row * 110, x + 70, 240 + row * 110), fill=(110, 150, 180))
    _ground(draw, 560, (80, 82, 86))
    x, bottom = 380, 650
    draw.rectangle((x, bottom - 210, x + 380, bottom - 40), fill="#ffd60a")
    draw.polygon(
        [
            (x + 380, bottom - 150),
            (x + 470, bottom - 120),
            (x + 480, bottom - 40),
            (x + 380, bottom - 40),
        ],
        fill="#ffd60a",
    )
    for col in range(x, x + 380, 40):
        draw.rectangle((col, bottom - 110, col + 20, bottom - 90), fill="#2a9d8f")
        draw.rectangle((col + 20, bottom - 90, col + 40, bottom - 70), fill="#2a9d8f")
    draw.rectangle((x + 20, bottom - 230, x + 100, bottom - 210), fill="#1d4ed8")
    for cx in (x + 80, x + 400):
        draw.ellipse((cx - 40, bottom - 80, cx + 40, bottom), fill="#1a1a1a")
    return picture


def city_bus(rng: random.Random) -> Image.Image:
    picture = skyline(rng)
    draw = ImageDraw.Draw(picture)
    x, bottom = 260, H - 40
    draw.rounded_rectangle((x, bottom - 260, x + 700, bottom - 30), 30, fill="#2a9d5f")
    for col in range(x + 30, x + 680, 110):
        draw.rectangle((col, bottom - 230, col + 90, bottom - 150), fill="#cfe8ef")
    draw.rectangle((x + 590, bottom - 140, x + 660, bottom - 40), fill="#1b4332")
    for cx in (x + 140, x + 560):
        draw.ellipse((cx - 45, bottom - 80, cx + 45, bottom + 10), fill="#111111")
    for index in range(3):
        _person(
            draw,
            x + 760 + index * 70,
            bottom - 20,
            height=200,
            rng=rng,
            colour=rng.choice([(40, 60, 90), (150, 60, 40), (90, 90, 90)]),
        )
    draw.line((1180, bottom, 1180, bottom - 300), fill=(60, 60, 60), width=8)  # the stop
    draw.rectangle(
        (1140, bottom - 340, 1220, bottom - 290), fill="#ffffff", outline="#2a9d5f", width=6
    )
    return picture


def to_let(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((200, 80, 1080, H), fill=(196, 170, 140))
    for row in range(5):
        for x in range(240, 1040, 140):
            y = 110 + row * 120
            draw.rectangle((x, y, x + 90, y + 80), fill=(70, 84, 100))
            if rng.random() < 0.3:  # a "to let" board in the window
                draw.rectangle((x + 10, y + 20, x + 80, y + 60), fill="#ffffff")
                draw.rectangle((x + 10, y + 20, x + 80, y + 32), fill="#d62828")
    return picture


def food_bank(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#e9e2d0")
    draw = ImageDraw.Draw(picture)
    for shelf in (200, 380):
        draw.rectangle((0, shelf, W, shelf + 14), fill="#8d6e55")
        for x in range(20, W - 40, 44):
            colour = rng.choice(["#c1121f", "#2a9d8f", "#f4a261", "#e9c46a", "#264653", "#ffffff"])
            draw.rectangle((x, shelf - 70, x + 36, shelf), fill=colour)
            draw.rectangle((x, shelf - 50, x + 36, shelf - 30), fill="#fdfdf8")
    draw.rectangle((0, 520, W, H), fill="#6b705c")  # table
    for x in range(60, W, 300):
        draw.rectangle((x, 440, x + 240, 600), fill="#c8a165")
        draw.polygon([(x, 440), (x + 40, 400), (x + 200, 400), (x + 240, 440)], fill="#b08a50")
        for tin in range(x + 30, x + 200, 50):
            draw.ellipse(
                (tin, 410, tin + 40, 440), fill=rng.choice(["#c1121f", "#2a9d8f", "#e9c46a"])
            )
    return picture


def reopened_hall(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    _columned_building(draw, rng, stone=(236, 226, 206), columns=5)
    draw.rectangle((420, 250, 860, 320), fill="#c1121f")  # the reopening banner
    draw.line((460, 285, 820, 285), fill="#ffffff", width=10)
    _ground(draw, H - 40, (150, 146, 140))
    _crowd(
        draw,
        rng,
        feet=H - 30,
        count=14,
        height=150,
        colours=[(40, 60, 90), (120, 40, 40), (90, 90, 90)],
    )
    return picture


def battery_cells(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#dfe6ea")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 470, W, H), fill="#37474f")  # bench
    for index in range(8):
        x = 150 + index * 125
        draw.rectangle((x, 220, x + 80, 480), fill="#1d3557")
        draw.rectangle((x, 220, x + 80, 260), fill="#a8dadc")
        draw.rectangle((x + 28, 200, x + 52, 220), fill="#9aa0a6")
        draw.line((x + 40, 200, x + 40 + (125 if index < 7 else 0), 160), fill="#e63946", width=4)
    draw.rectangle((900, 520, 1180, 680), fill="#212529")  # meter
    draw.rectangle((930, 545, 1150, 610), fill="#2a9d8f")
    return picture


def observatory(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#070b1f")
    draw = ImageDraw.Draw(picture)
    for _ in range(500):
        x, y = rng.randint(0, W), rng.randint(0, H - 200)
        r = rng.choice([1, 1, 1, 2, 3])
        draw.ellipse((x - r, y - r, x + r, y + r), fill="#ffffff")
    draw.polygon(
        [(0, H), (0, H - 150), (300, H - 240), (700, H - 180), (W, H - 260), (W, H)],
        fill=(20, 22, 30),
    )
    for cx, r in ((520, 150), (920, 100)):
        base = H - 190 if cx < 700 else H - 200
        draw.rectangle((cx - r, base, cx + r, base + 100), fill=(225, 228, 232))
        draw.pieslice((cx - r, base - r, cx + r, base + r), 180, 360, fill=(240, 242, 246))
        draw.rectangle((cx - r // 6, base - r, cx + r // 6, base), fill=(20, 22, 40))  # open slit
    return picture


def seabed(rng: random.Random) -> Image.Image:
    gradient = Image.linear_gradient("L").resize(SIZE)
    picture = ImageOps.colorize(gradient, black="#1f6f8b", white="#051923").convert("RGB")
    draw = ImageDraw.Draw(picture)
    draw.polygon(
        [(0, H), (0, H - 140), (400, H - 100), (800, H - 170), (W, H - 120), (W, H)],
        fill=(52, 60, 56),
    )
    for _ in range(14):  # fish
        x, y = rng.randint(50, W - 100), rng.randint(80, H - 220)
        colour = rng.choice(["#ffb703", "#fb8500", "#8ecae6", "#e5e5e5"])
        draw.ellipse((x, y, x + 70, y + 30), fill=colour)
        draw.polygon([(x, y + 15), (x - 25, y), (x - 25, y + 30)], fill=colour)
    for x in range(100, W, 180):  # sponges and a pale sea cucumber
        draw.ellipse(
            (x, H - 200, x + 50, H - 120), fill=rng.choice(["#e76f51", "#f4a261", "#d8f3dc"])
        )
    return picture


def ice_camp(rng: random.Random) -> Image.Image:
    picture = mountains(rng)
    draw = ImageDraw.Draw(picture)
    _ground(draw, int(H * 0.72), "#eef3f7")
    for x in (220, 420):
        draw.polygon([(x, 600), (x + 80, 520), (x + 160, 600)], fill="#d62828")
    draw.line((780, 600, 840, 330), fill=(60, 60, 70), width=10)  # drilling tower
    draw.line((900, 600, 840, 330), fill=(60, 60, 70), width=10)
    draw.rectangle((800, 560, 880, 610), fill="#457b9d")
    return picture


def vials(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#f1f5f9")
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((120, 220, W - 120, H - 80), 30, fill="#457b9d")
    for row in range(3):
        for x in range(180, W - 200, 90):
            y = 260 + row * 120
            draw.rectangle((x, y, x + 50, y + 90), fill="#e8f4f8", outline="#9aa0a6", width=2)
            draw.rectangle((x, y, x + 50, y + 20), fill="#e63946")
            draw.rectangle((x + 4, y + 50, x + 46, y + 86), fill="#a8dadc")
    draw.line((300, 160, 900, 120), fill="#adb5bd", width=18)  # syringe
    draw.line((900, 120, 980, 114), fill="#6c757d", width=4)
    return picture


def wetland(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    water = int(H * 0.62)
    draw.rectangle((0, water, W, H), fill=(70, 100, 120))
    for _ in range(300):  # reeds
        x = rng.randint(0, W)
        draw.line(
            (x, H, x + rng.randint(-10, 10), water - rng.randint(0, 120)),
            fill=(110, 120, 60),
            width=3,
        )
    for _ in range(18):  # birds
        x, y = rng.randint(60, W - 60), rng.randint(80, water - 150)
        span = rng.randint(20, 40)
        draw.line((x - span, y - span // 3, x, y), fill=(20, 20, 24), width=5)
        draw.line((x, y, x + span, y - span // 3), fill=(20, 20, 24), width=5)
    return picture


def robot_arm(rng: random.Random) -> Image.Image:
    picture = laboratory(rng)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, H - 180, W, H), fill="#37474f")
    base = (420, H - 180)
    elbow, wrist = (560, 300), (860, 260)
    draw.rectangle((360, H - 220, 480, H - 180), fill="#333333")
    for a, b in ((base, elbow), (elbow, wrist)):
        draw.line((*a, *b), fill="#f77f00", width=44)
    for x, y in (base, elbow, wrist):
        draw.ellipse((x - 32, y - 32, x + 32, y + 32), fill="#333333")
    draw.line((wrist[0] + 10, wrist[1], wrist[0] + 50, wrist[1] + 80), fill="#adb5bd", width=12)
    draw.line((wrist[0] - 10, wrist[1], wrist[0] - 10, wrist[1] + 90), fill="#adb5bd", width=12)
    return picture


def football(rng: random.Random, *, goal: bool = False, dugout: bool = False) -> Image.Image:
    picture = stadium(rng)
    draw = ImageDraw.Draw(picture)
    if goal:
        left, top, right, bottom = 300, 360, 980, 640
        draw.rectangle((left, top, right, bottom), outline="#ffffff", width=12)
        for x in range(left, right, 28):
            draw.line((x, top, x + 40, bottom), fill=(220, 220, 220), width=2)
        for y in range(top, bottom, 28):
            draw.line((left, y, right, y), fill=(220, 220, 220), width=2)
        draw.ellipse((720, 520, 800, 600), fill="#ffffff", outline="#222222", width=4)
    elif dugout:
        draw.rectangle((200, 380, 1080, 620), fill=(30, 40, 60))
        draw.rectangle((220, 400, 1060, 430), fill=(200, 220, 240))  # perspex roof edge
        for x in range(250, 1040, 70):
            draw.rectangle((x, 520, x + 54, 600), fill="#1d4ed8")
    else:
        for index in range(6):
            x = 180 + index * 170
            _person(
                draw,
                x,
                560 + (index % 2) * 60,
                height=200,
                rng=rng,
                colour="#c1121f" if index % 2 else "#1d4ed8",
                stride=18,
            )
        draw.ellipse((640, 640, 670, 670), fill="#ffffff")
    return picture


def podium(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#1b263b")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 470, W, H), fill="#b5452b")  # track
    for y in range(500, H, 44):
        draw.line((0, y, W, y), fill="#f1f1f1", width=3)
    blocks = (
        (640, 300, "#ffd700", True),
        (430, 360, "#c0c0c0", False),
        (850, 400, "#cd7f32", False),
    )
    for x, top, medal, winner in blocks:
        draw.rectangle((x - 100, top, x + 100, 520), fill="#f1f1f1")
        _person(
            draw,
            x,
            top,
            height=220,
            rng=rng,
            colour=rng.choice(["#1d4ed8", "#c1121f", "#2a9d8f"]),
            arms_up=winner,
        )
        draw.ellipse((x - 14, top - 150, x + 14, top - 122), fill=medal)
    return picture


def shirt(rng: random.Random) -> Image.Image:
    picture = stadium(rng)
    draw = ImageDraw.Draw(picture)
    colour = rng.choice(["#c1121f", "#1d4ed8", "#2a9d5f"])
    draw.polygon(
        [
            (460, 200),
            (560, 170),
            (720, 170),
            (820, 200),
            (900, 320),
            (820, 360),
            (800, 320),
            (800, 640),
            (480, 640),
            (480, 320),
            (460, 360),
            (380, 320),
        ],
        fill=colour,
    )
    draw.ellipse((600, 160, 680, 210), fill=(20, 20, 30))
    draw.line((590, 330, 690, 330), fill="#ffffff", width=22)  # the number 9, drawn
    draw.ellipse((585, 320, 695, 440), outline="#ffffff", width=22)
    draw.line((683, 380, 650, 560), fill="#ffffff", width=22)
    for x in (420, 860):
        draw.ellipse((x - 40, 600, x + 40, 680), fill="#d9a27e")  # hands holding it up
    return picture


def runners(rng: random.Random) -> Image.Image:
    picture = skyline(rng)
    draw = ImageDraw.Draw(picture)
    draw.polygon([(0, H), (W, H), (W, 520), (0, 520)], fill=(70, 72, 78))
    draw.rectangle((0, 500, W, 520), fill=(160, 160, 156))
    for _ in range(24):  # spectators behind the barrier
        _person(draw, rng.randint(0, W), 510, height=110, rng=rng, colour=(60, 60, 70))
    vests = ["#ffb703", "#fb5607", "#3a86ff", "#8338ec", "#06d6a0", "#ff006e"]
    for row, (feet, height) in enumerate(((600, 150), (650, 180), (710, 210))):
        for _ in range(8 + row * 2):
            _person(
                draw,
                rng.randint(20, W - 20),
                feet + rng.randint(-10, 10),
                height=height,
                rng=rng,
                colour=rng.choice(vests),
                stride=height // 6,
            )
    return picture


def ice_rink(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#f3f7fa")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, W, 240), fill="#1b263b")
    for _ in range(3000):
        draw.point(
            (rng.randint(0, W), rng.randint(0, 230)),
            fill=rng.choice([(200, 40, 40), (240, 240, 240), (40, 70, 160)]),
        )
    draw.rectangle((0, 240, W, 290), fill="#ffffff", outline="#1d4ed8", width=6)  # boards
    draw.line((0, 420, W, 420), fill="#1d4ed8", width=12)
    draw.line((640, 290, 640, H), fill="#c1121f", width=12)
    for index in range(4):
        x = 250 + index * 240
        _person(
            draw,
            x,
            560 + (index % 2) * 60,
            height=220,
            rng=rng,
            colour="#c1121f" if index % 2 else "#1b263b",
            stride=28,
        )
        draw.line((x + 30, 480, x + 90, 580 + (index % 2) * 60), fill=(110, 80, 50), width=8)
    draw.ellipse((720, 600, 750, 612), fill="#111111")  # the puck
    return picture


def tennis_court(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#2a7a4b")
    draw = ImageDraw.Draw(picture)
    court = (240, 80, W - 240, H - 80)
    draw.rectangle(court, fill="#1f5fa8", outline="#ffffff", width=8)
    draw.rectangle((300, 80, W - 300, H - 80), outline="#ffffff", width=6)
    draw.line((300, 220, W - 300, 220), fill="#ffffff", width=6)
    draw.line((300, H - 220, W - 300, H - 220), fill="#ffffff", width=6)
    draw.line((W // 2, 220, W // 2, H - 220), fill="#ffffff", width=6)
    draw.line((200, H // 2, W - 200, H // 2), fill="#e5e5e5", width=10)  # the net
    draw.ellipse((820, 250, 846, 276), fill="#d9ed22")
    _person(draw, 560, 200, height=120, rng=rng, colour="#ffffff")
    _person(draw, 720, 640, height=150, rng=rng, colour="#ffffff", arms_up=True)
    return picture


def building_fire(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    for _ in range(30):
        x, y, r = rng.randint(200, 900), rng.randint(20, 260), rng.randint(60, 130)
        draw.ellipse((x - r, y - r // 2, x + r, y + r // 2), fill=(50, 48, 48))
    draw.rectangle((200, 280, 900, H - 100), fill=(120, 110, 100))
    for x in range(240, 880, 100):
        draw.rectangle(
            (x, 330, x + 60, 400), fill="#ff8c1a" if rng.random() < 0.5 else (40, 40, 44)
        )
    for _ in range(25):
        x, r = rng.randint(220, 880), rng.randint(20, 50)
        draw.polygon(
            [(x - r, 290), (x, rng.randint(150, 240)), (x + r, 290)],
            fill=rng.choice(["#ff8c1a", "#ffb703", "#f25c05"]),
        )
    _ground(draw, H - 100, (60, 62, 66))
    draw.rectangle((880, H - 210, 1240, H - 90), fill="#c1121f")  # engine and ladder
    draw.line((940, H - 210, 760, 330), fill="#d9d9d9", width=16)
    for cx in (940, 1180):
        draw.ellipse((cx - 35, H - 120, cx + 35, H - 50), fill="#111111")
    return picture


def ferry(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    sea = int(H * 0.6)
    draw.rectangle((0, sea, W, H), fill=(70, 90, 104))
    for _ in range(120):
        x, y = rng.randint(0, W), rng.randint(sea, H)
        draw.line((x, y, x + 40, y), fill=(120, 140, 150), width=2)
    draw.polygon(
        [(260, sea - 30), (1000, sea - 30), (940, sea + 50), (320, sea + 50)], fill="#f8f9fa"
    )
    draw.rectangle((300, sea - 10, 980, sea + 6), fill="#c1121f")
    draw.rectangle((400, sea - 120, 880, sea - 30), fill="#f1f3f5")
    for x in range(420, 860, 50):
        draw.rectangle((x, sea - 100, x + 30, sea - 76), fill="#264653")
    draw.rectangle((620, sea - 180, 680, sea - 120), fill="#e9c46a")  # funnel
    draw.polygon(
        [(1080, sea + 80), (1200, sea + 80), (1180, sea + 110), (1100, sea + 110)], fill="#fb8500"
    )
    return picture


def storm_lines(rng: random.Random) -> Image.Image:
    gradient = Image.linear_gradient("L").resize(SIZE)
    picture = ImageOps.colorize(gradient, black="#1c1f26", white="#5c6370").convert("RGB")
    draw = ImageDraw.Draw(picture)
    _ground(draw, H - 150, (52, 70, 46))
    draw.polygon([(0, H), (W, H), (W, H - 80), (0, H - 40)], fill=(60, 62, 66))
    for _ in range(200):  # rain
        x, y = rng.randint(0, W), rng.randint(0, H)
        draw.line((x, y, x - 10, y + 30), fill=(140, 150, 160), width=1)
    draw.line((380, H - 150, 560, 160), fill=(120, 124, 130), width=14)  # a leaning pylon
    draw.line((700, H - 150, 560, 160), fill=(120, 124, 130), width=14)
    draw.line((470, 260, 660, 260), fill=(120, 124, 130), width=10)
    for end in (H - 60, H - 30):
        draw.line((470, 260, 1100, end), fill=(20, 20, 20), width=4)
        draw.line((660, 260, 0, end - 100), fill=(20, 20, 20), width=4)
    draw.line((900, 40, 860, 140, 920, 140, 860, 260), fill="#fff3b0", width=6)  # lightning
    return picture


def tram(rng: random.Random) -> Image.Image:
    picture = skyline(rng)
    draw = ImageDraw.Draw(picture)
    for y in (H - 40, H - 20):
        draw.line((0, y, W, y), fill=(150, 150, 150), width=6)
    draw.line((0, 160, W, 160), fill=(30, 30, 30), width=3)  # overhead wire
    draw.rounded_rectangle((200, H - 320, 920, H - 50), 40, fill="#d62828")
    for x in range(240, 900, 110):
        draw.rectangle((x, H - 290, x + 80, H - 200), fill="#cfe8ef")
    draw.line((560, H - 320, 600, 160), fill=(30, 30, 30), width=5)
    for x in (1000, 1160):  # emergency vehicles
        draw.rectangle((x - 60, H - 170, x + 60, H - 50), fill="#f8f9fa")
        draw.rectangle((x - 30, H - 190, x + 30, H - 170), fill="#1d4ed8")
    return picture


def cordon(rng: random.Random, *, police_car: bool = False) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#141a2b")
    draw = ImageDraw.Draw(picture)
    for x in range(0, W, 240):
        draw.rectangle((x, rng.randint(60, 200), x + 220, 520), fill=(36, 40, 52))
    _ground(draw, 520, (48, 50, 56))
    for x, colour in ((240, "#1d4ed8"), (720, "#d62828"), (1080, "#1d4ed8")):
        glow = Image.new("L", SIZE, 0)
        ImageDraw.Draw(glow).ellipse((x - 140, 260, x + 140, 540), fill=120)
        picture.paste(colour, (0, 0), glow.filter(ImageFilter.GaussianBlur(40)))
        draw = ImageDraw.Draw(picture)
        draw.rectangle((x - 130, 450, x + 130, 580), fill="#f1f3f5")
        draw.rectangle((x - 40, 430, x + 40, 450), fill=colour)
        for cx in (x - 80, x + 80):
            draw.ellipse((cx - 30, 550, cx + 30, 610), fill="#111111")
        if police_car:
            draw.rectangle((x - 130, 500, x + 130, 524), fill="#1d4ed8")
    if not police_car:
        for index in range(0, W, 60):  # police tape
            draw.line((index, 630, index + 30, 632), fill="#ffd60a", width=14)
            draw.line((index + 30, 632, index + 60, 630), fill="#111111", width=14)
    else:
        draw.line((620, 520, 620, 120), fill=(90, 90, 96), width=10)  # street lamp
        draw.ellipse((580, 100, 660, 140), fill="#fff3b0")
    return picture


def rockfall(rng: random.Random) -> Image.Image:
    picture = mountains(rng)
    draw = ImageDraw.Draw(picture)
    draw.polygon([(0, H), (W, H), (W, 520), (0, 600)], fill=(70, 72, 78))
    draw.line((0, 640, W, 580), fill="#ffffff", width=4)
    draw.polygon([(300, 620), (520, 380), (760, 580)], fill=(110, 90, 70))  # the slide
    for _ in range(40):
        x, y, r = rng.randint(300, 800), rng.randint(520, 640), rng.randint(12, 40)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([(120, 116, 110), (90, 86, 80)]))
    return picture


def helicopter(rng: random.Random) -> Image.Image:
    picture = mountains(rng)
    draw = ImageDraw.Draw(picture)
    x, y = rng.randint(400, 800), 220
    draw.ellipse((x - 120, y - 50, x + 80, y + 50), fill="#d62828")
    draw.rectangle((x + 60, y - 14, x + 260, y + 6), fill="#d62828")
    draw.line((x + 250, y - 40, x + 270, y + 30), fill="#333333", width=6)
    draw.line((x - 280, y - 70, x + 260, y - 80), fill="#333333", width=8)  # rotor
    draw.line((x - 20, y - 50, x - 20, y - 76), fill="#333333", width=8)
    draw.ellipse((x - 110, y - 36, x - 30, y + 10), fill="#a8dadc")
    draw.line((x - 90, y + 60, x + 40, y + 60), fill="#333333", width=6)
    return picture


def chart(rng: random.Random, *, rising: bool) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#0e1a24")
    draw = ImageDraw.Draw(picture)
    for y in range(80, H, 80):
        draw.line((0, y, W, y), fill=(34, 52, 66), width=1)
    points, price = [], 520 if rising else 200
    for x in range(40, W - 40, 20):
        price += rng.randint(-18, 8) if rising else rng.randint(-8, 18)
        price = max(60, min(H - 60, price))
        points.append((x, price))
    colour = (46, 204, 113) if rising else (231, 76, 60)
    draw.polygon(
        [*points, (points[-1][0], H), (points[0][0], H)], fill=tuple(c // 4 for c in colour)
    )
    draw.line(points, fill=colour, width=6)
    return picture


def towers(rng: random.Random) -> Image.Image:
    picture = _sky(rng)
    draw = ImageDraw.Draw(picture)
    for left, top, tint in ((240, 80, (110, 150, 190)), (700, 150, (80, 120, 150))):
        draw.rectangle((left, top, left + 340, H), fill=tint)
        for y in range(top + 20, H, 36):
            draw.line((left, y, left + 340, y), fill=tuple(c + 40 for c in tint), width=3)
        for x in range(left + 40, left + 340, 60):
            draw.line((x, top, x, H), fill=tuple(c - 30 for c in tint), width=2)
    return picture


def office(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#eef1f4")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, W, 300), fill="#cfe3ef")  # the windows
    for x in range(0, W, 160):
        draw.line((x, 0, x, 300), fill="#9fb3c2", width=8)
    _ground(draw, 420, "#b8a58c")
    for row, (y, scale) in enumerate(((430, 0.8), (560, 1.0))):
        for x in range(80 + row * 60, W, 300):
            w = int(220 * scale)
            draw.rectangle((x, y, x + w, y + 20), fill="#ffffff")
            draw.rectangle(
                (x + 40, y - int(90 * scale), x + 40 + int(120 * scale), y - 8), fill="#1b263b"
            )
            draw.rectangle(
                (x + 48, y - int(82 * scale), x + 32 + int(120 * scale), y - 16), fill="#3a86ff"
            )
        draw.ellipse((W - 150, y - 110, W - 60, y), fill="#2a9d5f")  # plants
    return picture


def production_line(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE, "#cfd4d9")
    draw = ImageDraw.Draw(picture)
    for x in range(0, W, 200):
        draw.line((x, 0, x + 100, 160), fill="#a0a7ae", width=10)  # roof trusses
    _ground(draw, 480, "#6c757d")
    draw.rectangle((0, 440, W, 480), fill="#343a40")  # conveyor
    for x in range(40, W, 180):
        draw.rectangle((x, 380, x + 100, 440), fill="#adb5bd")
    for x in range(120, W, 220):
        _person(draw, x, 660, height=230, rng=rng, colour="#1d4ed8")
        draw.ellipse((x - 22, 660 - 236, x + 22, 660 - 206), fill="#ffd60a")  # hard hat
    return picture


SCENES = {
    "talks": conference,
    "coalition": parliament,
    "floods": flood,
    "summit": conference,
    "diplomats": embassy,
    "ballots": ballots,
    "border": checkpoint,
    "heating": heating,
    "bridge": bridge,
    "repair": rural_building,
    "wildfires": wildfire,
    "flights": airliner,
    "harvest": harvest,
    "factory": old_factory,
    "clinic": partial(rural_building, clinic=True),
    "homes": cranes_site,
    "union": placards,
    "waits": ambulance,
    "bus": city_bus,
    "survey": to_let,
    "foodbank": food_bank,
    "reopening": reopened_hall,
    "protest": partial(placards, march=True),
    "battery": battery_cells,
    "telescope": observatory,
    "species": seabed,
    "core": ice_camp,
    "trial": vials,
    "wildlife": wetland,
    "robot": robot_arm,
    "league": football,
    "hattrick": partial(football, goal=True),
    "coach": partial(football, dugout=True),
    "championships": podium,
    "transfer": shirt,
    "runners": runners,
    "overtime": ice_rink,
    "tennis": tennis_court,
    "fire": building_fire,
    "ferry": ferry,
    "power": storm_lines,
    "accident": tram,
    "emergency": cordon,
    "road": rockfall,
    "police": partial(cordon, police_car=True),
    "rescue": helicopter,
    "jobs": partial(old_factory, fence=True),
    "profit-up": partial(chart, rising=True),
    "profit-down": partial(chart, rising=False),
    "deal": towers,
    "rates": central_bank,
    "investors": office,
    "port": harbour,
    "strike": production_line,
}


def subject_photo(rng: random.Random, subject: str, look: str = "") -> bytes:
    """The photo of one story subject (text.SUBJECTS), as JPEG bytes.

    `look` (text.LOOKS) is another photographer's take on the same scene: a new draw of its
    random composition, seen from the other side or closer, in another light.
    """
    picture = SCENES[subject](rng)
    if look:
        picture = _relit(_reframed(picture, look), look)
    return _jpeg(picture, quality=80)


# The light of each look (text.LOOKS): a wash of colour over the scene and its brightness.
LIGHT = {
    "morning": ("#d6e8ff", 0.22, 1.08),
    "evening": ("#ff8c3a", 0.28, 0.88),
    "night": ("#0a1840", 0.5, 0.62),
}


def _reframed(picture: Image.Image, look: str) -> Image.Image:
    if look == "evening":  # closer in, on the left of the scene
        box = (0, SIZE[1] // 8, SIZE[0] * 4 // 5, SIZE[1])
        return picture.crop(box).resize(SIZE, Image.Resampling.LANCZOS)
    return ImageOps.mirror(picture)  # from the other side


def _relit(picture: Image.Image, look: str) -> Image.Image:
    colour, strength, brightness = LIGHT[look]
    washed = Image.blend(picture, Image.new("RGB", SIZE, colour), strength)
    return ImageEnhance.Brightness(washed).enhance(brightness)
