"""Fill the site with demo content: sections, people, credited photos, articles, pages."""

import random
import secrets
import uuid
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
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
from demo import languages
from demo import photos as demo_photos
from demo import text as demo_text
from demo.stories import SPECIAL_SUBJECTS, seed_special_stories
from images import renditions
from images.models import Image, Licence
from images.services import images_renditions_build
from newsroom.editions import edition
from newsroom.pagecache import content_changed
from sections.models import Section

KINDS = languages.KINDS

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
TAKES = len(demo_text.LOOKS)  # of each subject's photo (demo.text.LOOKS)
# Stories in each edition other than English (demo.languages), its translations included:
# whatever --articles asks of the English archive.
EDITION_STORIES = 60
EDITION_VIEWED = 25  # of them with a week of readership, for Popular
# A translation runs a little after its original: from, to minutes later.
TRANSLATION_DELAY = {"ru": (40, 150), "de": (60, 240)}

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
        codes = [code for code, _ in settings.LANGUAGES]
        # The English archive and its hand-made stories, in an installation with English;
        # the other editions with demo words of their own (demo.languages).
        english = "en" in codes
        others = [code for code in codes if code != "en" and code in languages.LANGUAGE_MODULES]
        linked = languages.translated() if english and others else {}
        with transaction.atomic():
            self.site = self.seed_site()
            sections = self.seed_sections(others)
            photos = self.seed_photos()
            people = self.seed_people(rng)
            self.tags = {tag.name: tag for tag in Tag.objects.all()}
            created = []
            if english:
                created = self.seed_articles(sections, people, photos, total=articles)
                if created:
                    self.seed_views(created)
                    self.seed_corrections(created)
                seed_special_stories(sections=sections, people=people, photos=photos)
            others_created = self.seed_translations(linked, others, sections, people, photos)
            for code in others:
                others_created += self.seed_edition(code, linked, sections, people, photos)
            if others_created:
                self.seed_views(others_created, seed=98, stories=EDITION_VIEWED * len(others))
            self.seed_pages(codes)
            # Written in bulk, past the services and admins that would refresh the pages.
            content_changed()
        created += others_created
        if created and connection.vendor == "postgresql":
            # Fresh statistics after a bulk load: with none, the planner takes every table
            # for one row and re-runs a search's inner query once per story (250 ms).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        logins = self.seed_logins(people)
        if not no_renditions:
            self.seed_renditions()
        editions = ", ".join(
            f"{code} {Article.objects.filter(language=code).count()}" for code in codes
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {Article.objects.count()} articles ({editions}; "
                f"{len(created)} new), {Image.objects.count()} photos, "
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

    def seed_sections(self, others):
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
            # The editions' names, for a section made before its edition was: an edition
            # an editor has named already keeps the editor's words.
            missing = [code for code in others if code not in section.translations]
            for code in missing:
                local_name, description = languages.language(code).SECTIONS[slug]
                section.translations[code] = {"name": local_name, "description": description}
            if missing:
                section.save(update_fields=["translations"])
            sections.append(section)
        return sections

    def seed_photos(self):
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
        """Bulk-insert the missing English articles in chunks, so memory stays flat at any
        size.

        Returns (pk, published_at) of each new story: enough for views and corrections.
        """
        existing = Article.objects.filter(language="en").count()
        if existing >= total:
            return []
        now = timezone.now()
        # A big archive spans years (some STORIES_A_DAY), as a real newsroom's does;
        # the demo size keeps its three busy months.
        days = max(DAYS, total // STORIES_A_DAY)
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
                used,
                now=now,
                days=days,
                total=total,
            )
            if total - existing > CHUNK:
                self.stdout.write(f"Articles: {stop - existing} of {total - existing}")
        return created

    def seed_chunk(self, indexes, sections, people, photos, used, *, now, days, total):
        reporters, columnists, editors = staff(people)
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
                language="en",
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

        # The hand-made stories (demo.stories) lead with their subjects' first takes.
        held = {subject: {0} for subject in SPECIAL_SUBJECTS.values()}
        self.pick_photos(articles, pictured, photos, now=now, held=held)
        created = self.insert(articles, bylines, tag_names)
        return [(article.pk, article.published_at) for article in created]

    def insert(self, articles, bylines, tag_names):
        """Bulk-insert stories (their derive_fields() called) with their bylines and tags."""
        created = Article.objects.bulk_create(articles, batch_size=500)
        Byline.objects.bulk_create(
            [
                Byline(article=article, person=person, position=position)
                for article, authors in zip(created, bylines, strict=True)
                for position, person in enumerate(authors)
            ],
            batch_size=2000,
        )
        tags = self.tags
        for name in sorted({name for names in tag_names for name in names} - tags.keys()):
            # A unicode slug, as taggit makes one: a Russian tag's page is /ru/tags/выборы/.
            tags[name], _ = Tag.objects.get_or_create(
                name=name, defaults={"slug": slugify(name, allow_unicode=True)}
            )
        TaggedArticle.objects.bulk_create(
            [
                TaggedArticle(content_object_id=article.pk, tag_id=tags[name].pk)
                for article, names in zip(created, tag_names, strict=True)
                for name in names
            ],
            batch_size=2000,
        )
        return created

    @staticmethod
    def pick_photos(articles, pictured, photos, *, now, held, drawable=TAKES):
        """Give each pictured story a take of its subject that no story on its front shares.

        A front (a section's first page, whose newest stories the home page shows too) gets
        a subject's takes newest story first: those drawn already first (each drawing costs
        its renditions), then the first `drawable` takes, but none that a story made apart
        holds (`held`: subject to takes; demo.stories, a translation); once they run out, a
        story there runs without a photo, as a desk would print it. Stories further back
        take turns with the takes already drawn.
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
            drawn = photos.drawn(subject)
            takes = sorted(
                (
                    take
                    for take in range(len(demo_text.LOOKS))
                    if (take in drawn or take < drawable) and take not in held.get(subject, ())
                ),
                key=lambda take: (take not in drawn, take),
            )
            for take, article in zip(takes, front, strict=False):
                article.main_image = photos.get(subject, take)
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

    def seed_views(self, articles, *, seed=99, stories=120):
        """A week of invented readership, so “Popular” and “Now reading” have something to say."""
        rng = random.Random(seed)
        now = timezone.now()
        visible = [(pk, at) for pk, at in articles if at and at <= now]
        rows = {}
        for pk, published_at in rng.sample(visible, min(len(visible), stories)):
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

    def seed_pages(self, codes):
        """About and Advertising in each edition's language, under its prefix (/ru/about/)."""
        for code in codes:
            if code not in languages.LANGUAGE_MODULES:
                continue
            for slug, (title, content) in languages.language(code).PAGES.items():
                page, created = FlatPage.objects.get_or_create(
                    url=f"{edition(code).prefix}{slug}/",
                    defaults={"title": title, "content": content},
                )
                if created:
                    page.sites.add(self.site)

    def seed_translations(self, linked, others, sections, people, photos):
        """Stories every edition runs: an English original and its translations, each a
        little later, all sharing one translation key; a missing one is added on a later run
        (an edition switched on since). Returns (pk, published_at) of the new ones."""
        if not linked:
            return []
        now = timezone.now()
        by_slug = {section.slug: section for section in sections}
        reporters, _, editors = staff(people)
        originals, new = {}, []
        for kind, facts in linked.items():
            rng = random.Random(f"translated/{kind}/story")
            published_at = now - timedelta(minutes=240 + int(DAYS * 24 * 60 * rng.random() ** 2))
            english = languages.render(facts.dated(published_at), "en")
            slug = slugify(english.headline, allow_unicode=True)[:200]
            original = (
                Article.objects.filter(language="en", slug=slug, translation_key__isnull=False)
                .select_related("main_image")
                .first()
            )
            if original is None:
                original = Article(
                    headline=english.headline,
                    language="en",
                    translation_key=uuid.uuid4(),
                    lead=english.lead,
                    body=english.body,
                    section=by_slug[KINDS[kind].section],
                    editor=rng.choice(editors),
                    status=Article.Status.PUBLISHED,
                    published_at=published_at,
                )
                original.main_image = self.free_take(original, KINDS[kind].subject, photos)
                original.derive_fields()
                [original] = self.insert([original], [[rng.choice(reporters)]], [english.tags])
                new.append((original.pk, original.published_at))
            originals[kind] = (original, facts.dated(original.published_at), rng)
        translations, bylines, tag_names = [], [], []
        stories = [original for original, _, _ in originals.values()]
        existing = set(
            Article.objects.filter(
                translation_key__in=[original.translation_key for original in stories]
            ).values_list("translation_key", "language")
        )
        authors = {
            byline.article_id: byline.person
            for byline in Byline.objects.filter(article__in=stories, position=0).select_related(
                "person"
            )
        }
        for original, facts, rng in originals.values():
            for code in others:
                if (original.translation_key, code) in existing:
                    continue
                text = languages.render(facts, code)
                # The same story, by the same reporter, published a little after it in English.
                later = timedelta(minutes=rng.randint(*TRANSLATION_DELAY[code]))
                published_at = min(now - timedelta(minutes=1), original.published_at + later)
                translation = Article(
                    headline=text.headline,
                    language=code,
                    translation_key=original.translation_key,
                    lead=text.lead,
                    body=text.body,
                    section_id=original.section_id,
                    editor=rng.choice(editors),
                    main_image=original.main_image,
                    main_image_caption=self.local_caption(code, original.main_image, photos),
                    status=Article.Status.PUBLISHED,
                    published_at=published_at,
                )
                translation.derive_fields()
                translations.append(translation)
                bylines.append([authors.get(original.pk) or rng.choice(reporters)])
                tag_names.append(text.tags)
        created = self.insert(translations, bylines, tag_names)
        return new + [(article.pk, article.published_at) for article in created]

    def seed_edition(self, code, linked, sections, people, photos):
        """The edition's own stories, written in its language over the demo's three months:
        what the translated stories leave of EDITION_STORIES. Returns (pk, published_at)."""
        count = EDITION_STORIES - len(linked)
        existing = Article.objects.filter(language=code, translation_key__isnull=True).count()
        if existing >= count:
            return []
        now = timezone.now()
        by_slug = {section.slug: section for section in sections}
        reporters, columnists, editors = staff(people)
        plan = languages.edition_plan(code, count, linked=linked)
        # Squared, as the English archive's: stories cluster in the last days. The plan
        # comes newest first.
        times = sorted(
            (
                now - timedelta(minutes=5 + int(DAYS * 24 * 60 * rng.random() ** 2))
                for rng in (random.Random(f"{code}/{index}/time") for index in range(count))
            ),
            reverse=True,
        )
        articles, bylines, tag_names, pictured = [], [], [], []
        for index in range(existing, count):
            facts, published_at = plan[index], times[index]
            rng = random.Random(f"{code}/{index}/story")
            spec = KINDS[facts.kind]
            text = languages.render(facts.dated(published_at), code)
            article = Article(
                headline=text.headline,
                language=code,
                lead=text.lead,
                body=text.body,
                section=by_slug[spec.section],
                editor=rng.choice(editors),
                status=Article.Status.PUBLISHED,
                published_at=published_at,
            )
            article.derive_fields()
            if spec.subject:  # a column leads with its columnist
                pictured.append((article, spec.subject))
            pool = reporters if spec.subject else columnists
            articles.append(article)
            bylines.append(rng.sample(pool, 2 if rng.random() < 0.15 else 1))
            tag_names.append(text.tags)
        # The translations keep their originals' photos, and their places on the fronts.
        translated = list(
            Article.objects.filter(language=code, translation_key__isnull=False).select_related(
                "main_image"
            )
        )
        held = defaultdict(set)
        for story in translated:
            if story.main_image is not None:
                subject, take = photos.take(story.main_image)
                held[subject].add(take)
        # Two takes of a subject at most drawn for the edition (the English archive may have
        # drawn more): the renditions of a photo cost more than drawing all its stories.
        self.pick_photos([*articles, *translated], pictured, photos, now=now, held=held, drawable=2)
        for article in articles:
            article.main_image_caption = self.local_caption(code, article.main_image, photos)
        created = self.insert(articles, bylines, tag_names)
        return [(article.pk, article.published_at) for article in created]

    @staticmethod
    def free_take(story, subject, photos):
        """A take of the subject for a story joining the English archive: on its section's
        front, one that no story there prints (none if all four are printed)."""
        front = list(
            Article.objects.published()
            .filter(language="en", section=story.section)
            .order_by("-published_at")
            .values_list("published_at", "main_image")[:PAGE_SIZE]
        )
        drawn = photos.drawn(subject)
        if len(front) == PAGE_SIZE and story.published_at < front[-1][0]:
            return photos.get(subject, drawn[0])  # further back: no front to share
        printed = {image for _, image in front}
        for take in sorted(range(len(demo_text.LOOKS)), key=lambda take: (take not in drawn, take)):
            if take not in drawn or photos.get(subject, take).pk not in printed:
                return photos.get(subject, take)
        return None

    @staticmethod
    def local_caption(code, image, photos) -> str:
        """The caption of a demo photo in the edition's language ("" without a photo)."""
        if image is None:
            return ""
        subject, variant = photos.take(image)
        return languages.caption(code, subject, variant)

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
    def take(image: Image) -> tuple[str, int]:
        """The subject and take of a photo, from its file name (filename() reversed)."""
        name = image.file.name.rsplit("/", 1)[-1].removeprefix("demo-").removesuffix(".jpg")
        subject, _, number = name.partition("--")
        return subject, int(number) - 1 if number else 0

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


def staff(people):
    """The demo's reporters, columnists (the last three writers) and editors."""
    writers = [person for person in people if person.role != Person.Role.EDITOR]
    editors = [person for person in people if person.role != Person.Role.AUTHOR]
    return writers[:-3], writers[-3:], editors
