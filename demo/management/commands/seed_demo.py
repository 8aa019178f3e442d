"""Fill the site with demo content: sections, people, credited photos, articles, pages."""

import random
import secrets
from collections import defaultdict
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles.models import Article, Byline, Correction, HourlyViews, TaggedArticle
from articles.services import article_corrections_changed
from articles.views import PAGE_SIZE
from authors.models import Person
from demo import photos as demo_photos
from demo import text as demo_text
from demo.stories import SPECIAL_SUBJECTS, seed_special_stories
from images import renditions
from images.models import Image, Licence
from images.services import images_renditions_build
from newsroom.pagecache import content_changed
from sections.models import Section

SECTIONS = [
    ("World", "world"),
    ("Russia", "russia"),
    ("Society", "society"),
    ("Opinion", "opinion"),
    ("Science", "science"),
    ("Sport", "sport"),
    ("Incidents", "incidents"),
    ("Business", "business"),
]
PEOPLE = 12
PORTRAIT_PHOTOGRAPHER = "Tove Marchetti"  # the staff photographer who took every portrait
DEFAULT_ARTICLES = 300
DRAFTS = 6
SCHEDULED = 5
DAYS = 90
STORIES_A_DAY = 30
# Articles built and inserted at a time: bounds memory for a 100 000-story archive.
CHUNK = 2000
HEADLINE_TRIES = 30

# (source name, source URL, licence name), taken in turn: Creative Commons for most photos,
# as a newsroom's free picture sources are; some agency photos with all rights reserved and
# some public-domain archive pictures.
PHOTO_SOURCES = [
    ("Wikimedia Commons", "https://commons.wikimedia.example/wiki/File:", "CC BY-SA 4.0"),
    ("Flickr", "https://www.flickr.example/photos/", "CC BY 2.0"),
    ("Northgate Photo Agency", "https://northgate-photo.example.com/", "All rights reserved"),
    ("Wikimedia Commons", "https://commons.wikimedia.example/wiki/File:", "CC BY 4.0"),
    ("City Archive", "https://archive.example.org/item/", "Public domain"),
    ("Flickr", "https://www.flickr.example/photos/", "CC BY-SA 3.0"),
    ("Unsplash-like Commons", "https://openphotos.example.net/", "CC0 1.0"),
    ("Wikimedia Commons", "https://commons.wikimedia.example/wiki/File:", "CC BY 3.0"),
]


class Command(BaseCommand):
    help = "Create demo content (idempotent). Prints an editor login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=DEFAULT_ARTICLES,
            help=f"Make sure at least this many articles exist (default {DEFAULT_ARTICLES}).",
        )
        parser.add_argument(
            "--no-renditions",
            action="store_true",
            help="Skip building resized photos (run `manage.py renditions` later).",
        )

    def handle(self, *args, articles, no_renditions=False, **options):
        rng = random.Random(2026)
        with transaction.atomic():
            self.site = self.seed_site()
            sections = self.seed_sections()
            photos = self.seed_photos(rng)
            people = self.seed_people(rng)
            created = self.seed_articles(sections, people, photos, total=articles)
            if created:
                self.seed_views(created)
                self.seed_corrections(created)
            seed_special_stories(sections=sections, people=people, photos=photos)
            self.seed_pages()
            # Written in bulk, past the services and admins that would refresh the pages.
            content_changed()
        if created and connection.vendor == "postgresql":
            # Fresh statistics after a bulk load: with none, the planner takes every table
            # for one row and re-runs a search's inner query once per story (250 ms).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        logins = self.seed_logins(people)
        if not no_renditions:
            self.seed_renditions()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {Article.objects.count()} articles "
                f"({len(created)} new), {Image.objects.count()} photos, "
                f"{Person.objects.count()} people."
            )
        )
        for role, username, password in logins:
            self.stdout.write(
                self.style.WARNING(
                    f"{role.title()} login: http://127.0.0.1:8000/admin/  "
                    f"username: {username}  password: {password}"
                )
            )

    def seed_site(self):
        site, _ = Site.objects.update_or_create(
            pk=1, defaults={"domain": "127.0.0.1:8000", "name": "Newsroom"}
        )
        return site

    def seed_sections(self):
        sections = []
        for position, (name, slug) in enumerate(SECTIONS):
            section, _ = Section.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "position": position,
                    "description": demo_text.SECTIONS[slug],
                    "shows_columnists": slug == "opinion",
                },
            )
            sections.append(section)
        return sections

    def seed_photos(self, rng):
        """Each story subject's first photo; its other takes are drawn when a story needs one."""
        photos = SubjectPhotos()
        for subject in demo_text.SUBJECTS:
            photos.get(subject)
        return photos

    def seed_people(self, rng):
        staff = Licence.objects.get(name="All rights reserved")
        names = demo_text.person_names(random.Random(7), PEOPLE)
        roles = (
            [Person.Role.EDITOR] * 2 + [Person.Role.AUTHOR_AND_EDITOR] + [Person.Role.AUTHOR] * 9
        )
        people = []
        for index, (name, role) in enumerate(zip(names, roles, strict=True)):
            person = Person.objects.filter(slug=slugify(name)).first()
            if person is None:
                section = SECTIONS[index % len(SECTIONS)][1]
                if index >= PEOPLE - 3:  # the last three write the opinion columns
                    section = "opinion"
                portrait = Image(
                    alt_text=f"Portrait of {name}",
                    caption=name,
                    creator=PORTRAIT_PHOTOGRAPHER,
                    source_name="Newsroom",
                    copyright_holder=f"Newsroom / {PORTRAIT_PHOTOGRAPHER}",
                    licence=staff,
                )
                filename = f"demo-portrait-{slugify(name)}.jpg"
                attach_file(portrait, filename, demo_photos.portrait(rng))
                portrait.save()
                person = Person.objects.create(
                    name=name,
                    slug=slugify(name),
                    role=role,
                    job_title=demo_text.job_title(rng, role, section),
                    bio=demo_text.bio(rng, name, role),
                    photo=portrait,
                )
            people.append(person)
        return people

    def seed_articles(self, sections, people, photos, *, total):
        """Bulk-insert the missing articles in chunks, so memory stays flat at any size.

        Returns (pk, published_at) of each new story: enough for views and corrections.
        """
        existing = Article.objects.count()
        if existing >= total:
            return []
        now = timezone.now()
        # A big archive spans years (some STORIES_A_DAY), as a real newsroom's does;
        # the demo size keeps its three busy months.
        days = max(DAYS, total // STORIES_A_DAY)
        tags = {tag.name: tag for tag in Tag.objects.all()}
        # Headlines already printed, by what makes them news (not the town): a page of them
        # never says the same thing twice.
        used = {
            demo_text.headline_key(slug, headline)
            for slug, headline in Article.objects.values_list("section__slug", "headline")
        }
        created = []
        for start in range(existing, total, CHUNK):
            stop = min(start + CHUNK, total)
            created += self.seed_chunk(
                range(start, stop),
                sections,
                people,
                photos,
                tags,
                used,
                now=now,
                days=days,
                total=total,
            )
            if total - existing > CHUNK:
                self.stdout.write(f"Articles: {stop - existing} of {total - existing}")
        return created

    def seed_chunk(self, indexes, sections, people, photos, tags, used, *, now, days, total):
        writers = [p for p in people if p.role != Person.Role.EDITOR]
        columnists = writers[-3:]
        reporters = writers[:-3]
        editors = [p for p in people if p.role != Person.Role.AUTHOR]
        articles, bylines, tag_names, pictured = [], [], [], []
        for index in indexes:
            rng = random.Random(index)
            section = rng.choice(sections)
            headline = self.fresh_headline(rng, section.slug, used)
            subject = demo_text.story_subject(section.slug, headline)
            # Squared, so stories cluster in the last days as on a real site.
            published_at = now - timedelta(minutes=5 + int(days * 24 * 60 * rng.random() ** 2))
            status = Article.Status.PUBLISHED
            if index % (total // DRAFTS or 1) == 1:
                status = rng.choice([Article.Status.DRAFT, Article.Status.REVIEW])
                published_at = None
            elif index % (total // SCHEDULED or 1) == 2:
                published_at = now + timedelta(hours=rng.randint(2, 96))
            article = Article(
                headline=headline,
                lead=demo_text.lead(rng, section.slug, headline),
                body=demo_text.body_html(rng, section.slug, headline),
                section=section,
                editor=rng.choice(editors),
                status=status,
                published_at=published_at,
            )
            if published_at and published_at < now and rng.random() < 0.12:
                article.updated_at = min(now, published_at + timedelta(hours=rng.randint(1, 20)))
            article.derive_fields()  # bulk_create() does not call save()
            # A column leads with its columnist; a news story with a photo of its subject.
            if subject and rng.random() < 0.95:
                pictured.append((article, subject))
            writers_pool = columnists if section.shows_columnists else reporters
            authors = rng.sample(writers_pool, 2 if rng.random() < 0.15 else 1)
            articles.append(article)
            bylines.append(authors)
            tag_names.append(demo_text.tags_for(rng, section.slug))

        self.pick_photos(articles, pictured, photos, now=now)
        created = Article.objects.bulk_create(articles, batch_size=500)
        Byline.objects.bulk_create(
            [
                Byline(article=article, person=person, position=position)
                for article, authors in zip(created, bylines, strict=True)
                for position, person in enumerate(authors)
            ],
            batch_size=2000,
        )
        for name in sorted({name for names in tag_names for name in names} - tags.keys()):
            tags[name], _ = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
        TaggedArticle.objects.bulk_create(
            [
                TaggedArticle(content_object_id=article.pk, tag_id=tags[name].pk)
                for article, names in zip(created, tag_names, strict=True)
                for name in names
            ],
            batch_size=2000,
        )
        return [(article.pk, article.published_at) for article in created]

    @staticmethod
    def pick_photos(articles, pictured, photos, *, now):
        """Give each pictured story a take of its subject that no story on its front shares.

        A front (a section's first page, whose newest stories the home page shows too) gets
        a subject's takes newest story first, after the hand-made stories' (demo.stories);
        once they run out, a story there runs without a photo, as a desk would print it.
        Stories further back take turns with the takes already drawn.
        """
        newest = defaultdict(list)
        for article in articles:
            if article.status == Article.Status.PUBLISHED and article.published_at <= now:
                newest[article.section_id].append(article)
        on_front = set()
        for stories in newest.values():
            stories.sort(key=lambda article: article.published_at, reverse=True)
            on_front.update(id(article) for article in stories[:PAGE_SIZE])
        by_subject = defaultdict(list)
        for article, subject in pictured:
            by_subject[subject].append(article)
        for subject, stories in by_subject.items():
            front = [article for article in stories if id(article) in on_front]
            front.sort(key=lambda article: article.published_at, reverse=True)
            taken = 1 if subject in SPECIAL_SUBJECTS.values() else 0
            for variant, article in enumerate(front, start=taken):
                if variant < len(demo_text.LOOKS):
                    article.main_image = photos.get(subject, variant)
            drawn = photos.drawn(subject)
            back = [article for article in stories if id(article) not in on_front]
            for turn, article in enumerate(back):
                article.main_image = photos.get(subject, drawn[turn % len(drawn)])

    @staticmethod
    def fresh_headline(rng, section: str, used: set) -> str:
        """A headline no story has yet; past a few tries (a huge archive), a repeat will do."""
        for _ in range(HEADLINE_TRIES):
            headline = demo_text.headline(rng, section)
            key = demo_text.headline_key(section, headline)
            if key not in used:
                break
        used.add(key)
        return headline

    def seed_views(self, articles):
        """A week of invented readership, so “Popular” and “Now reading” have something to say."""
        rng = random.Random(99)
        now = timezone.now()
        visible = [(pk, at) for pk, at in articles if at and at <= now]
        rows = {}
        for pk, published_at in rng.sample(visible, min(len(visible), 120)):
            age_hours = int((now - published_at).total_seconds() // 3600)
            for _ in range(rng.randint(1, 12)):
                hours_ago = rng.randint(0, min(age_hours, 24 * 7))
                hour = HourlyViews.bucket(now - timedelta(hours=hours_ago))
                rows[(pk, hour)] = rng.randint(5, 400)
        HourlyViews.objects.bulk_create(
            [
                HourlyViews(article_id=pk, hour=hour, views=views)
                for (pk, hour), views in rows.items()
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )

    def seed_renditions(self):
        """Resized photos for every page; only the missing ones, so a second run is quick."""
        pending = [
            image
            for image in Image.objects.all()
            if image.renditions_key != renditions.rendition_key(image)
        ]
        files = images_renditions_build(images=pending)
        if pending:
            self.stdout.write(f"Renditions: {files} files for {len(pending)} photos.")

    def seed_corrections(self, articles):
        rng = random.Random(5)
        now = timezone.now()
        visible = [pk for pk, at in articles if at and at < now]
        # A few for the demo; about one in five hundred stories in a big archive.
        picked = rng.sample(visible, min(max(4, len(visible) // 500), len(visible)))
        stories = Article.objects.filter(pk__in=picked).select_related("section").order_by("pk")
        for article in stories:
            correction = Correction.objects.create(
                article=article,
                published_at=article.published_at + (now - article.published_at) / 2,
                text=demo_text.correction(rng, article.section.slug, article.headline),
            )
            article_corrections_changed(article=correction.article)

    def seed_pages(self):
        pages = {
            "/about/": ("About us", ABOUT_HTML),
            "/advertising/": ("Advertising", ADVERTISING_HTML),
        }
        for url, (title, content) in pages.items():
            page, created = FlatPage.objects.get_or_create(
                url=url, defaults={"title": title, "content": content}
            )
            if created:
                page.sites.add(self.site)

    def seed_logins(self, people) -> list[tuple[str, str, str]]:
        """An editor and an author account, each with a fresh password on every run."""
        chief = next(p for p in people if p.role == Person.Role.EDITOR)
        reporter = next(p for p in people if p.role == Person.Role.AUTHOR)
        return [
            ("editor", *self.seed_login("editor", "Editors", chief)),
            ("author", *self.seed_login("author", "Authors", reporter)),
        ]

    def seed_login(self, username, group, person):
        first, _, last = person.name.partition(" ")
        user, _ = get_user_model().objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
        if person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
        return username, password


class SubjectPhotos:
    """The demo's photos of story subjects: a few takes of each (demo.text.LOOKS), each by
    its own photographer and source, drawn on first use (their renditions cost the time)."""

    def __init__(self):
        self.licences = {licence.name: licence for licence in Licence.objects.all()}
        # Photographers are not the newsroom's reporters: their own streams of names.
        self.creators = demo_text.person_names(random.Random(11), len(demo_text.SUBJECTS))
        self.other_creators = demo_text.person_names(
            random.Random(13), len(demo_text.SUBJECTS) * len(demo_text.LOOKS)
        )
        self.numbers = {subject: n for n, subject in enumerate(demo_text.SUBJECTS)}
        self.photos = {}
        for photo in Image.objects.filter(file__contains="/demo-").exclude(
            file__contains="/demo-portrait-"
        ):
            self.photos[photo.file.name.rsplit("/", 1)[-1]] = photo

    def __getitem__(self, subject: str) -> Image:
        return self.get(subject)

    @staticmethod
    def filename(subject: str, variant: int) -> str:
        return f"demo-{subject}.jpg" if not variant else f"demo-{subject}--{variant + 1}.jpg"

    def drawn(self, subject: str) -> list[int]:
        """The takes of the subject that exist already (its first one at least)."""
        self.get(subject)
        return [
            variant
            for variant in range(len(demo_text.LOOKS))
            if self.filename(subject, variant) in self.photos
        ]

    def get(self, subject: str, variant: int = 0) -> Image:
        filename = self.filename(subject, variant)
        if filename not in self.photos:
            self.photos[filename] = self.draw(subject, variant, filename)
        return self.photos[filename]

    def draw(self, subject: str, variant: int, filename: str) -> Image:
        number = self.numbers[subject]
        # Each take from another source in turn, so a subject's photos carry different credits.
        source, source_url, licence_name = PHOTO_SOURCES[
            (number + 3 * variant) % len(PHOTO_SOURCES)
        ]
        licence = self.licences[licence_name]
        creator = (
            self.creators[number]
            if not variant
            else self.other_creators[number * len(demo_text.LOOKS) + variant]
        )
        photo = Image(
            alt_text=demo_text.alt_text(subject, variant),
            caption=demo_text.caption(subject, variant),
            creator=creator,
            source_name=source,
            source_url=f"{source_url}{slugify(subject)}-{number + 1}"
            + (f"-{variant + 1}" if variant else ""),
            # An agency's photo is credited to the agency and its photographer.
            copyright_holder=f"{source} / {creator}" if licence.is_all_rights_reserved else "",
            licence=licence,
        )
        rng = random.Random(number if not variant else number * 100 + variant)
        look = demo_text.LOOKS[variant][0]
        attach_file(photo, filename, demo_photos.subject_photo(rng, subject, look))
        photo.save()
        return photo


def attach_file(image: Image, filename: str, data: bytes) -> None:
    """Store a demo file under its own name, replacing one left by an earlier database."""
    name = image.file.field.generate_filename(image, filename)
    if image.file.storage.exists(name):
        image.file.storage.delete(name)
    # A named ContentFile, so the ImageField can read the photo's dimensions.
    image.file.save(filename, ContentFile(data, name=filename), save=False)


ABOUT_HTML = """
<p>Newsroom is an independent news website. Our reporters and editors cover world affairs,
society, science, sport and business, and our columnists argue about all of it.</p>
<h2>How we work</h2>
<p>Every story is checked by an editor before it is published. When we get something wrong we
correct it in the open, at the foot of the story. Every photo we print carries its credit and
the licence we use it under.</p>
<h2>Contact the newsroom</h2>
<p>Tips, corrections and complaints: <a href="mailto:desk@example.org">desk@example.org</a>.
To report a typo, select it on the page and press Ctrl+Enter.</p>
"""

ADVERTISING_HTML = """
<p>Reach readers who come to us every day for the news that matters to them.</p>
<h2>Formats</h2>
<ul><li>Display advertising on section fronts and articles</li>
<li>Sponsored newsletters</li><li>Partner content, always clearly labelled</li></ul>
<h2>Get in touch</h2>
<p>Write to <a href="mailto:ads@example.org">ads@example.org</a> for our media kit and rates.</p>
"""
