"""Language editions: one installation, one edition per language.

The editions are settings.LANGUAGES (from NEWSROOM_EDITIONS); the default one,
settings.LANGUAGE_CODE, lives at the root of the site (/world/), the others under
their code (/ru/world/). Which edition a request reads is decided by its address
alone (EditionMiddleware), never by the browser's Accept-Language or a cookie: a
page's address says what it holds, so every cache can keep it as one copy.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


@dataclass(frozen=True)
class Edition:
    code: str
    name: str  # in the language itself, as a reader looks for it
    search_config: str  # PostgreSQL's text search configuration: its stemmer
    locale: str  # Open Graph's og:locale

    @property
    def is_default(self) -> bool:
        return self.code == settings.LANGUAGE_CODE

    @property
    def prefix(self) -> str:
        """The start of every address of the edition: "/" or "/ru/"."""
        return "/" if self.is_default else f"/{self.code}/"

    def __str__(self):
        return self.name


# The editions a newsroom may run; each has a gettext catalogue in locale/.
KNOWN_EDITIONS = {
    edition.code: edition
    for edition in [
        Edition("en", "English", "english", "en_GB"),
        Edition("ru", "Русский", "russian", "ru_RU"),
        Edition("de", "Deutsch", "german", "de_DE"),
        Edition("fr", "Français", "french", "fr_FR"),
        Edition("pt", "Português", "portuguese", "pt_PT"),
        Edition("es", "Español", "spanish", "es_ES"),
    ]
}


def edition_codes() -> list[str]:
    """The installation's edition codes, the default first, as settings list them."""
    return [code for code, _ in settings.LANGUAGES]


def all_editions() -> list["Edition"]:
    """The installation's editions, the default first, as settings list them."""
    return [edition(code) for code in edition_codes()]


def edition_position(code: str) -> int:
    """Where an edition comes in the installation's order (the default first); a code
    the site does not run comes last."""
    codes = edition_codes()
    return codes.index(code) if code in codes else len(codes)


def edition(code: str) -> Edition:
    return KNOWN_EDITIONS[code]


def current_edition() -> Edition:
    """The edition of the request being answered (the default outside a request)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return edition(code if code in KNOWN_EDITIONS else settings.LANGUAGE_CODE)


def edition_choices() -> list[tuple[str, str]]:
    """For model and form fields: the choices follow settings, with no migration."""
    return [(code, edition(code).name) for code in edition_codes()]


def default_edition() -> str:
    return settings.LANGUAGE_CODE


class EditionMiddleware:
    """Reads the edition from the address and answers in its language.

    Django's LocaleMiddleware would also consult Accept-Language for addresses
    without a prefix and mark them `Vary: Accept-Language`: one copy per browser
    language in every cache, for pages that do not vary at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        code = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = code
        # For this request only: the thread goes back to its language afterwards, so a
        # Russian page leaves no Russian behind for whatever the thread does next.
        with translation.override(code):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        return response
