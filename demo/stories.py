"""Hand-made demo stories that show a feature the generated archive cannot."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Byline, LiveUpdate
from authors.models import Person
from images.models import Image
from sections.models import Section

LIVE_SLUG = "floods-on-the-varenka-ust-varensk-evacuates-its-lower-town-live"
BREAKING_SLUG = "ferry-with-140-aboard-runs-aground-off-the-northern-coast"
# The subject (demo.text.SUBJECTS) of each hand-made story, whose photo it leads with.
SPECIAL_SUBJECTS = {LIVE_SLUG: "floods", BREAKING_SLUG: "ferry"}

LIVE_BODY = (
    "<p>The Varenka burst its banks above Ust-Varensk before dawn after three days of rain, "
    "and the town council ordered the twelve streets below Mill Lane to be cleared by noon. "
    "A rest centre is open in the sports hall on Hill Road.</p>"
    "<p>This page follows the day as it happens, newest first.</p>"
)
# (minutes before now, title, text, photo subject or "", pinned)
LIVE_UPDATES = [
    (178, "", "Good morning. The river gauge at the old bridge reads 4.1 metres, a metre above "
     "its usual winter level, and it is still rising.", "", False),
    (163, "", "The council has opened the sports hall on Hill Road as a rest centre. Bring "
     "medicines, documents and phone chargers.", "", False),
    (150, "Evacuation ordered", "Residents of the twelve streets below Mill Lane are asked to "
     "leave by noon. <strong>Police are going door to door.</strong>", "emergency", False),
    (140, "What we know so far", "The lower town is being evacuated; a rest centre is open on "
     "Hill Road; the river is expected to peak this evening.", "", True),
    (131, "", "Free buses run from the market square to the rest centre every fifteen "
     "minutes.", "", False),
    (117, "", "The water company says tap water is safe to drink: the treatment works stands "
     "on higher ground.", "", False),
    (101, "", "The level at the bridge is now 4.4 metres.\n\nForecasters expect the rain to "
     "ease by the evening.", "", False),
    (86, "Power cut on the east bank", "A pylon came down in the wind near the ring road; "
     "about 3,000 homes are without electricity.", "power", False),
    (70, "Road closures", "The embankment road and the lower bridge are closed to traffic in "
     "both directions.", "", False),
    (52, "", "Schools in the lower town will stay closed tomorrow. "
     '<a href="https://example.org/ust-varensk/schools">The council lists them on its '
     "site</a>.", "", False),
    (31, "", "Volunteers have filled 2,000 sandbags at the depot on Station Street since "
     "dawn.", "", False),
    (9, "", "The mayor will speak to reporters at the town hall within the hour. We will "
     "report what she says here.", "", False),
]  # fmt: skip


def seed_special_stories(
    *, sections: list[Section], people: list[Person], photos: dict[str, Image]
) -> None:
    """Stories made by hand on every run of seed_demo, after the generated archive.

    The place for what a newcomer should see at once (a live story with its updates, a
    breaking story), in English whatever the default edition: each must be idempotent (look
    its story up before making it) and use the photos by subject (demo.text.SUBJECTS) so its
    picture fits.
    """
    by_slug = {section.slug: section for section in sections}
    writers = [person for person in people if person.role != Person.Role.EDITOR]
    editors = [person for person in people if person.role != Person.Role.AUTHOR]
    seed_live_story(by_slug["incidents"], writers[0], editors[0], photos)
    seed_breaking_story(by_slug["incidents"], writers[1], editors[0], photos)


def seed_live_story(section, writer, editor, photos) -> None:
    """A live blog a few hours into its coverage, with a dozen updates, one pinned."""
    if Article.objects.filter(slug=LIVE_SLUG).exists():
        return
    now = timezone.now()
    started = now - timedelta(hours=3)
    story = Article.objects.create(
        headline="Floods on the Varenka: Ust-Varensk evacuates its lower town, live",
        slug=LIVE_SLUG,
        language="en",
        lead="The river rose a metre overnight; the lower town is being cleared street by "
        "street and a rest centre is open on Hill Road.",
        body=LIVE_BODY,
        section=section,
        editor=editor,
        main_image=photos[SPECIAL_SUBJECTS[LIVE_SLUG]],
        status=Article.Status.PUBLISHED,
        published_at=started,
        live_from=started,
    )
    Byline.objects.create(article=story, person=writer, position=0)
    story.tags.add("Floods", "Ust-Varensk")
    LiveUpdate.objects.bulk_create(
        LiveUpdate(
            article=story,
            published_at=now - timedelta(minutes=minutes),
            title=title,
            text=text,
            image=photos[subject] if subject else None,
            is_pinned=pinned,
        )
        for minutes, title, text, subject, pinned in LIVE_UPDATES
    )


def seed_breaking_story(section, writer, editor, photos) -> None:
    """A story with the breaking-news banner; a later run puts back a banner that ended."""
    now = timezone.now()
    story = Article.objects.filter(slug=BREAKING_SLUG).first()
    if story is None:
        story = Article.objects.create(
            headline="Ferry with 140 aboard runs aground off the northern coast",
            slug=BREAKING_SLUG,
            language="en",
            lead="The coastguard is bringing passengers ashore by lifeboat; no one is "
            "reported hurt.",
            body="<p>The ferry struck a sandbank in fog an hour after leaving port, the "
            "operator said. Lifeboats from two stations are taking passengers off in "
            "turns.</p><p>The operator has cancelled the afternoon sailings.</p>",
            section=section,
            editor=editor,
            main_image=photos[SPECIAL_SUBJECTS[BREAKING_SLUG]],
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=20),
        )
        Byline.objects.create(article=story, person=writer, position=0)
        story.tags.add("Ferries")
    if story.breaking_until is None or story.breaking_until <= now:
        story.breaking_until = now + timedelta(hours=12)
        story.save(update_fields=["breaking_until", "modified_at"])
