"""The site's web fonts: Source Serif Pro and Source Sans Pro, made from PyPI packages.

The fonts come from PyPI by name (`font-source-serif-pro`, `font-source-sans-pro`: Adobe's
fonts under the SIL Open Font License, repackaged by the Python Fonts project); nothing is
vendored. FontFinder is a staticfiles finder: the first time the static files are listed
or one of them is asked for, it subsets each face with fontTools to the characters the
site prints and writes WOFF2 files to FONTS_BUILD_DIR. From there they are static files
like any other: `collectstatic` hashes and compresses them (so `make serve`, the Docker
image and production serve them from STATIC_ROOT), and runserver and the test server
find them through this finder. site.css names them in its @font-face rules.
"""

import hashlib
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass, replace
from importlib import import_module, metadata
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

URL_PREFIX = "fonts"

# Latin (Basic, Latin-1, Extended-A: the names of the edition languages and of people in
# the news), the punctuation editors type (dashes, curly quotes, ellipsis, bullets), the
# euro, the trade mark, arrows (the site's "More in World →") and the minus sign. site.css
# names the same ranges in unicode-range, so anything else falls back to the system font.
UNICODES = (
    "U+0000-00FF, U+0100-017F, U+0192, U+0218-021B, U+02C6, U+02DA, U+02DC, "
    "U+2000-206F, U+20AC, U+2122, U+2190-2193, U+2212"
)
# The Russian edition's letters (and the numero sign), in files of their own: a browser
# fetches them only for a page that prints Cyrillic (unicode-range), so the English and
# German pages carry not a byte more. The italic face draws no Cyrillic.
CYRILLIC = "U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116"


@dataclass(frozen=True)
class Face:
    package: str  # the PyPI distribution, imported by its module name
    module: str
    source: str  # a file in the package's files/ folder
    output: str  # the file name under static/fonts/
    unicodes: str = UNICODES  # the characters kept, as site.css's unicode-range names them

    def source_path(self) -> Path:
        return Path(import_module(self.module).font_directory) / self.source


LATIN_FACES = (
    Face(
        "font-source-serif-pro",
        "font_source_serif_pro",
        "SourceSerifPro-Regular.ttf",
        "source-serif-400.woff2",
    ),
    Face(
        "font-source-serif-pro",
        "font_source_serif_pro",
        "SourceSerifPro-It.ttf",
        "source-serif-400-italic.woff2",
    ),
    Face(
        "font-source-serif-pro",
        "font_source_serif_pro",
        "SourceSerifPro-Bold.ttf",
        "source-serif-700.woff2",
    ),
    Face(
        "font-source-sans-pro",
        "font_source_sans_pro",
        "SourceSansPro-Regular.ttf",
        "source-sans-400.woff2",
    ),
    Face(
        "font-source-sans-pro",
        "font_source_sans_pro",
        "SourceSansPro-Bold.ttf",
        "source-sans-700.woff2",
    ),
)
FACES = (
    *LATIN_FACES,
    # The same upright faces cut to CYRILLIC (the italic draws none): source-serif-400-cyrillic…
    *(
        replace(
            face,
            output=face.output.replace(".woff2", "-cyrillic.woff2"),
            unicodes=CYRILLIC,
        )
        for face in LATIN_FACES
        if "italic" not in face.output
    ),
)
# The OFL asks that the licence travel with the fonts: both packages carry the same text.
LICENCE = ("font_source_serif_pro", "LICENSE.txt", "OFL.txt")

_build_lock = threading.Lock()


def build_dir() -> Path:
    return Path(getattr(settings, "FONTS_BUILD_DIR", settings.BASE_DIR / "build" / "fonts"))


def _recipe() -> str:
    """What the built files depend on: when it changes, they are made again."""
    versions = {face.package: metadata.version(face.package) for face in FACES}
    recipe = {
        "faces": [[face.source, face.output, face.unicodes] for face in FACES],
        "versions": versions,
        "fonttools": metadata.version("fonttools"),
    }
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()


def _write_atomically(target: Path, data: bytes) -> None:
    # Several test workers or app servers may build at once: each writes its own temporary
    # file and renames it, so nobody reads half a font.
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, target)


def _subset(face: Face) -> bytes:
    from fontTools import subset

    # fontTools reports every glyph it keeps, and the ranges' code points no face draws.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    # Copyright, names, version, licence and its URL: the OFL wants them kept.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(str(face.source_path()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(face.unicodes.replace(" ", "")))
    subsetter.subset(font)
    with tempfile.TemporaryFile() as out:
        subset.save_font(font, out, options)
        out.seek(0)
        return out.read()


def build_fonts(*, force: bool = False) -> Path:
    """Make the subsetted WOFF2 files unless they are already made from the same recipe."""
    directory = build_dir()
    stamp = directory / "recipe.sha256"
    recipe = _recipe()
    with _build_lock:
        made = all((directory / face.output).exists() for face in FACES)
        if not force and made and stamp.exists() and stamp.read_text() == recipe:
            return directory
        directory.mkdir(parents=True, exist_ok=True)
        for face in FACES:
            _write_atomically(directory / face.output, _subset(face))
        module, source, output = LICENCE
        licence = Path(import_module(module).font_directory) / source
        _write_atomically(directory / output, licence.read_bytes())
        _write_atomically(stamp, recipe.encode())
    return directory


def font_files() -> list[str]:
    return [face.output for face in FACES] + [LICENCE[2]]


class FontFinder(BaseFinder):
    """Finds static/fonts/* in the build folder, building it on first use."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._storage = None

    def storage(self) -> FileSystemStorage:
        if self._storage is None:
            self._storage = FileSystemStorage(location=build_fonts())
            self._storage.prefix = URL_PREFIX
        return self._storage

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        find_all = kwargs.get("all", find_all)  # Django 5.2 still passes the old name
        prefix = URL_PREFIX + "/"
        if not path.startswith(prefix) or path[len(prefix) :] not in font_files():
            return [] if find_all else None
        match = self.storage().path(path[len(prefix) :])
        return [match] if find_all else match

    def list(self, ignore_patterns):
        storage = self.storage()
        for name in font_files():
            yield name, storage
