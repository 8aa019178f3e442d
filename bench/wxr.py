"""A generated WordPress export (WXR 1.2) of any size, and the import timed on it.

    .venv/bin/python bench/wxr.py /tmp/big.xml --posts 5000            # write one
    DATABASE_URL=… .venv/bin/python bench/wxr.py /tmp/big.xml --measure  # import it, timed

--measure imports the file with manage.py import_wordpress into the (migrated) database
that DATABASE_URL names (stories of an earlier run there are found unchanged, not
duplicated: use an empty database for a first-import figure) and prints stories a second
and the process's peak memory. --body-kb makes each post's text longer, to reach a file
of ~100 MB with few posts and show that memory does not follow the file's size.

The text is our own, drawn from a few words with a fixed seed: the same arguments give
the same file. A post in twenty carries a script and an iframe for the allow-list.
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
# The generated stories' vocabulary: plain words, our own.
VOCABULARY = """harbour council ferry vote tide crane quay storm market pilot survey report union
budget school bridge river station festival season island coast weather rail museum library
hospital street night morning crew gate dock shift port"""
WORDS = VOCABULARY.split()
HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>The Generated Gazette</title>
	<link>https://generated.example.org</link>
	<language>en-GB</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://generated.example.org</wp:base_site_url>
	<wp:base_blog_url>https://generated.example.org</wp:base_blog_url>
"""


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def body(rng: random.Random, number: int, body_kb: int) -> str:
    paragraphs = []
    size = 0
    while size < body_kb * 1024 or len(paragraphs) < 3:
        paragraph = " ".join(sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        size += len(paragraph)
    if number % 20 == 0:
        paragraphs.insert(1, "<script>alert('generated')</script>")
        paragraphs.insert(2, f'<iframe src="https://video.example.net/embed/{number}"></iframe>')
    return "\n\n".join(paragraphs)


def write_wxr(
    path: Path | str,
    *,
    posts: int,
    authors: int = 12,
    categories: int = 8,
    tags: int = 60,
    body_kb: int = 2,
    seed: int = 13,
) -> int:
    """Write an export of `posts` published posts; returns the file's size in bytes."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(1, authors + 1):
            out.write(
                f"\t<wp:author><wp:author_id>{number}</wp:author_id>"
                f"<wp:author_login>{cdata(f'writer{number}')}</wp:author_login>"
                f"<wp:author_email>{cdata(f'writer{number}@generated.example.org')}"
                "</wp:author_email>"
                f"<wp:author_display_name>{cdata(f'Writer Number {number}')}"
                "</wp:author_display_name></wp:author>\n"
            )
        for number in range(1, categories + 1):
            out.write(
                f"\t<wp:category><wp:term_id>{number}</wp:term_id>"
                f"<wp:category_nicename>{cdata(f'desk-{number}')}</wp:category_nicename>"
                f"<wp:cat_name>{cdata(f'Desk {number}')}</wp:cat_name></wp:category>\n"
            )
        for number in range(1, posts + 1):
            day = f"20{10 + number % 14:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            date = f"{day} {number % 24:02d}:{number % 60:02d}:00"
            slug = f"story-{number}"
            category = rng.randint(1, categories)
            terms = [f'<category domain="category" nicename="desk-{category}">'
                     f"{cdata(f'Desk {category}')}</category>"]  # fmt: skip
            for tag in rng.sample(range(1, tags + 1), k=min(3, tags)):
                terms.append(
                    f'<category domain="post_tag" nicename="topic-{tag}">'
                    f"{cdata(f'Topic {tag}')}</category>"
                )
            out.write(
                "\t<item>\n"
                f"\t\t<title>{escape(sentence(rng, rng.randint(5, 10)))}</title>\n"
                f"\t\t<link>https://generated.example.org/{day.replace('-', '/')}/{slug}/</link>\n"
                f"\t\t<dc:creator>{cdata(f'writer{rng.randint(1, authors)}')}</dc:creator>\n"
                f"\t\t<content:encoded>{cdata(body(rng, number, body_kb))}</content:encoded>\n"
                f"\t\t<excerpt:encoded>{cdata(sentence(rng, 14))}</excerpt:encoded>\n"
                f"\t\t<wp:post_id>{number}</wp:post_id>\n"
                f"\t\t<wp:post_date>{cdata(date)}</wp:post_date>\n"
                f"\t\t<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>\n"
                f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>\n"
                f"\t\t<wp:status>{cdata('publish')}</wp:status>\n"
                f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n"
                f"\t\t{''.join(terms)}\n"
                "\t</item>\n"
            )
        out.write("</channel>\n</rss>\n")
    return Path(path).stat().st_size


def measure(path: Path) -> None:
    """Import the file in a child process and print its speed and peak memory."""
    env = {"DJANGO_SECRET_KEY": "bench-only-secret-key", **os.environ}
    manage = [sys.executable, str(ROOT / "manage.py")]
    started = time.monotonic()
    result = subprocess.run(
        [*manage, "import_wordpress", str(path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(result.stdout.splitlines()[0])
    print(result.stdout.splitlines()[1])
    print(
        f"file {path.stat().st_size / 1e6:.1f} MB, whole command {seconds:.1f} s "
        f"(start-up and both readings included), peak memory {peak_mb:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--body-kb", type=int, default=2, help="text per post (default: 2)")
    parser.add_argument("--measure", action="store_true", help="import the file, timed")
    args = parser.parse_args()
    if args.measure:
        measure(args.path)
        return
    size = write_wxr(args.path, posts=args.posts, body_kb=args.body_kb)
    print(f"{args.path}: {args.posts} posts, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
