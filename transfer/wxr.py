"""Reading a WordPress export (WXR: the RSS file of Tools → Export), one record at a time.

The file is streamed: each author, category, tag and item is read, handed on and dropped
from the tree, so memory holds one item (with its comments) whatever the file's size.
defusedxml refuses the entity tricks (billion laughs, external entities) a hostile file
could carry; a real export never declares an entity.

WXR 1.0, 1.1 and 1.2 differ only in the address of their namespaces
(http://wordpress.org/export/1.2/ and …/1.2/excerpt/), so names are read by prefix:
`wp:post_id`, `excerpt:encoded`, `content:encoded`, `dc:creator`.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
WORDPRESS_NAMESPACE = ("http://wordpress.org/export/", "https://wordpress.org/export/")


class WXRError(ValueError):
    """The file is not a WordPress export we can read; the message says why."""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""

    @property
    def address(self) -> str:
        """What identifies the WordPress site across imports: its own address."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


@dataclass
class Author:
    login: str
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    """A category or a tag as the export's header lists it."""

    taxonomy: str  # "category" or "post_tag"
    term_id: str
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class Item:
    post_id: int
    post_type: str
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_name: str = ""
    status: str = ""
    password: str = ""
    # (taxonomy, slug, name) in the export's order: domain="category" or "post_tag".
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


Record = Site | Author | Term | Item


def short_name(tag: str) -> str:
    """'{http://wordpress.org/export/1.2/}post_id' → 'wp:post_id', whatever the version."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if uri.startswith(WORDPRESS_NAMESPACE):
        return f"{'excerpt' if uri.rstrip('/').endswith('excerpt') else 'wp'}:{local}"
    prefix = NAMESPACES.get(uri)
    return f"{prefix}:{local}" if prefix else local


# Bodies keep their own whitespace: WordPress makes paragraphs of its blank lines.
TEXT_AS_IS = {"content:encoded", "excerpt:encoded"}


def text_of(element: Element, name: str) -> str:
    for child in element:
        if short_name(child.tag) == name:
            return (child.text or "").strip() if name not in TEXT_AS_IS else child.text or ""
    return ""


SITE_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "wxr_version",
}
ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_date": "post_date",
    "wp:post_date_gmt": "post_date_gmt",
    "wp:post_name": "post_name",
    "wp:status": "status",
    "wp:post_password": "password",
}


def read_author(element: Element) -> Author:
    return Author(
        login=text_of(element, "wp:author_login"),
        display_name=text_of(element, "wp:author_display_name"),
        first_name=text_of(element, "wp:author_first_name"),
        last_name=text_of(element, "wp:author_last_name"),
    )


def read_term(element: Element, kind: str) -> Term | None:
    if kind == "wp:category":
        return Term(
            taxonomy="category",
            term_id=text_of(element, "wp:term_id"),
            slug=text_of(element, "wp:category_nicename"),
            name=text_of(element, "wp:cat_name"),
            parent=text_of(element, "wp:category_parent"),
            description=text_of(element, "wp:category_description"),
        )
    if kind == "wp:tag":
        return Term(
            taxonomy="post_tag",
            term_id=text_of(element, "wp:term_id"),
            slug=text_of(element, "wp:tag_slug"),
            name=text_of(element, "wp:tag_name"),
            description=text_of(element, "wp:tag_description"),
        )
    # wp:term holds every other taxonomy (formats, menus, custom ones): not ours.
    return None


def read_item(element: Element) -> Item:
    values: dict[str, str] = {}
    terms, meta = [], {}
    post_id, post_type = "", ""
    for child in element:
        name = short_name(child.tag)
        if name in ITEM_FIELDS:
            text = child.text or ""
            values[ITEM_FIELDS[name]] = text if name in TEXT_AS_IS else text.strip()
        elif name == "wp:post_id":
            post_id = (child.text or "").strip()
        elif name == "wp:post_type":
            post_type = (child.text or "").strip()
        elif name == "category":
            terms.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            key = text_of(child, "wp:meta_key")
            if key:
                meta[key] = text_of(child, "wp:meta_value")
    if not post_id.isdigit():
        raise WXRError(f"an item has no number (wp:post_id): “{values.get('title', '')}”")
    return Item(post_id=int(post_id), post_type=post_type, terms=terms, meta=meta, **values)


def read_wxr(path: Path | str) -> Iterator[Record]:
    """The export's records in file order: the Site first, then authors, terms and items.

    Raises WXRError for a file that is not a WordPress export, is damaged, or declares
    entities; records read before a damaged part have been handed on already.
    """
    try:
        yield from _records(path)
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise WXRError(
            f"the file is not well-formed XML at line {line}, column {column} "
            "(cut short, or not an export)"
        ) from None
    except DefusedXmlException:
        raise WXRError(
            "the file declares XML entities or a DTD, which a WordPress export never does: "
            "refused (it could expand without limit or read other files)"
        ) from None


def _records(path: Path | str) -> Iterator[Record]:
    site = Site()
    site_given = False
    channel: Element | None = None
    depth = 0
    with open(path, "rb") as file:
        for event, element in SafeET.iterparse(file, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 1 and short_name(element.tag) != "rss":
                    raise WXRError(
                        f"the file is not a WordPress export: it starts with "
                        f"<{short_name(element.tag)}>, not <rss>"
                    )
                if depth == 2 and short_name(element.tag) == "channel":
                    channel = element
                continue
            depth -= 1
            if channel is None or depth != 2:
                continue  # inside a record: read whole when the record ends
            name = short_name(element.tag)
            if name in SITE_FIELDS:
                setattr(site, SITE_FIELDS[name], (element.text or "").strip())
            elif name in ("wp:author", "wp:category", "wp:tag", "wp:term", "item"):
                if not site_given:
                    if not site.wxr_version:
                        raise WXRError(
                            "the file is an RSS feed, not a WordPress export "
                            "(it has no wp:wxr_version): export it with Tools → Export"
                        )
                    site_given = True
                    yield site
                if name == "wp:author":
                    yield read_author(element)
                elif name == "item":
                    yield read_item(element)
                elif (term := read_term(element, name)) is not None:
                    yield term
            # Dropped from the tree once read: memory holds one record at a time.
            channel.remove(element)
    if channel is None:
        raise WXRError("the file is not a WordPress export: it has no <channel>")
    if not site_given:
        if not site.wxr_version:
            raise WXRError("the file is not a WordPress export (it has no wp:wxr_version)")
        yield site
