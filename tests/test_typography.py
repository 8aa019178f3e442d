"""The site's type (issue 11, "Typography"): self-hosted, subsetted fonts with swap, one scale."""

import io
import re
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from newsroom import fonts

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def font_faces(css: str) -> list[dict[str, str]]:
    faces = []
    for body in re.findall(r"@font-face\s*{([^}]*)}", css):
        declarations = dict(
            (name.strip(), value.strip())
            for name, value in re.findall(r"([\w-]+)\s*:\s*([^;]+);", body)
        )
        faces.append(declarations)
    return faces


def test_every_font_face_swaps_and_is_one_of_ours():
    faces = font_faces(SITE_CSS.read_text())

    assert {face["font-family"] for face in faces} == {'"Source Serif"', '"Source Sans"'}
    served = {face.output: face for face in fonts.FACES}
    for face in faces:
        assert face["font-display"] == "swap"
        url = re.fullmatch(r'url\("\.\./fonts/([\w.-]+)"\) format\("woff2"\)', face["src"])
        assert url and url[1] in served, face["src"]
        # The same characters as the file's subset: Latin, or the Russian edition's Cyrillic.
        assert face["unicode-range"] == served[url[1]].unicodes
    assert len(faces) == len(served)


def test_one_type_scale_sets_every_font_size():
    css = SITE_CSS.read_text()
    sizes = re.findall(r"font-size\s*:\s*([^;]+);", css)
    shorthands = re.findall(r"\bfont\s*:\s*([^;]+);", css)

    assert len(sizes) > 40
    off_scale = [size for size in sizes if not re.fullmatch(r"var\(--step-(-?\d)\)", size)]
    assert off_scale == []
    assert [font for font in shorthands if font != "inherit" and "var(--step-" not in font] == []
    # And every step used is defined once, in :root.
    used = set(re.findall(r"var\((--step--?\d)\)", css))
    defined = re.findall(r"(--step--?\d)\s*:", css)
    assert used <= set(defined) and len(defined) == len(set(defined))


@pytest.mark.django_db
def test_pages_preload_the_two_faces_of_the_first_screen(client, html):
    soup = html(client.get("/"))

    preloads = soup.select('link[rel="preload"][as="font"]')
    assert [link["href"] for link in preloads] == [
        "/static/fonts/source-serif-700.woff2",
        "/static/fonts/source-sans-400.woff2",
    ]
    assert all(link.has_attr("crossorigin") and link["type"] == "font/woff2" for link in preloads)


def test_the_fonts_are_built_from_the_packages_and_subsetted(tmp_path, settings):
    settings.FONTS_BUILD_DIR = tmp_path / "fonts"

    built = fonts.build_fonts()

    for face in fonts.FACES:
        data = (built / face.output).read_bytes()
        assert data[:4] == b"wOF2"
        assert len(data) < 40_000  # the whole face is 200-300 kB as TTF
        cmap = TTFont(io.BytesIO(data)).getBestCmap()
        if face.unicodes == fonts.CYRILLIC:  # the Russian edition's letters, and only them
            assert all(ord(char) in cmap for char in "ЖжЁё№")
            assert ord("A") not in cmap
            continue
        assert all(ord(char) in cmap for char in "Aé—“”…Łő€")
        if "italic" not in face.output:  # the italic draws no arrows: the fallback does
            assert ord("→") in cmap
        assert 0x0416 not in cmap  # Cyrillic Zhe: in a file of its own
    assert "SIL OPEN FONT LICENSE" in (built / "OFL.txt").read_text().upper()


# As every live-server test here: restoring the database's rows after it, rather than
# recreating them, keeps the next test's serialized rows from colliding with them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_font_files_are_served(live_server):
    for name in fonts.font_files():
        with urllib.request.urlopen(f"{live_server.url}/static/fonts/{name}") as response:
            assert response.status == 200
            body = response.read()
        if name.endswith(".woff2"):
            assert body[:4] == b"wOF2"
