"""Share links for a story: plain addresses of the networks' own share pages.

Nothing is loaded from the networks (no widget, script, image or frame): a reader's
visit tells them nothing until the reader follows a link.
"""

from urllib.parse import quote

from django.conf import settings


def share_links(*, url: str, title: str) -> list[tuple[str, str]]:
    """(network name, share address) for each configured channel, in their order.

    The settings hold address templates with {url} and {title}; both go in percent-encoded,
    so a headline cannot add parameters or change the address.
    """
    values = {"url": quote(url, safe=""), "title": quote(title, safe="")}
    return [
        (name, template.format(**values))
        for name, template in settings.NEWSROOM.get("SHARE_CHANNELS", [])
    ]


def mail_link(*, url: str, title: str) -> str:
    """A mailto: address with the headline as subject and the story's address as body."""
    return f"mailto:?subject={quote(title, safe='')}&body={quote(url, safe='')}"
