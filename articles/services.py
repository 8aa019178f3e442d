import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from authors.models import Person
from newsroom.editions import all_editions
from newsroom.pagecache import content_changed

from . import websub
from .history import record_related_since
from .models import Article, Byline, HourlyViews


def article_view_record(*, article_id: int, at: datetime | None = None) -> None:
    """Count one reader view in the article's hourly bucket.

    A single INSERT … ON CONFLICT statement (PostgreSQL and SQLite alike), so
    concurrent views of the same article never overwrite each other's count.
    """
    table = connection.ops.quote_name(HourlyViews._meta.db_table)
    hour = connection.ops.adapt_datetimefield_value(HourlyViews.bucket(at or timezone.now()))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (article_id, hour, views) VALUES (%s, %s, 1) "
            f"ON CONFLICT (article_id, hour) DO UPDATE SET views = {table}.views + 1",
            [article_id, hour],
        )


@dataclass
class BulkOutcome:
    """What a bulk action did: the stories it changed, and those it refused, each with why."""

    done: list[Article] = field(default_factory=list)
    refused: list[tuple[Article, str]] = field(default_factory=list)


def articles_publish(*, articles: QuerySet[Article]) -> BulkOutcome:
    """Publish each valid story, keeping any publication time already set; refuse the rest.

    Each story is validated as its admin form would be, so one that cannot go out (its
    expiry already passed, say) is reported instead of failing the whole batch.
    Scheduled stories are among those done: `is_published()` tells them apart.
    """
    outcome = BulkOutcome()
    with transaction.atomic():
        for article in articles.select_for_update(of=("self",)):
            article.status = Article.Status.PUBLISHED
            article.published_at = article.published_at or timezone.now()
            if article.updated_at and article.updated_at < article.published_at:
                article.updated_at = None  # an "update" from before the story went out
            try:
                article.full_clean()
            except ValidationError as error:
                outcome.refused.append((article, " ".join(dict.fromkeys(error.messages))))
                continue
            article.save()
            article_publication_announce(article=article)
            outcome.done.append(article)
        if outcome.done:
            content_changed()  # scheduled ones too: they move the next change's time
    return outcome


def article_publication_announce(*, article: Article) -> None:
    """After a story is saved: once it is out (now, or at its scheduled time), subscribers
    following its feeds through the WebSub hub are told, by the worker. Call it from every
    path that saves a story: for a publication already announced it does nothing, and a
    story taken down is forgotten, so that publishing it again is announced again."""
    websub.announce_later(article)


def articles_unpublish(*, articles: QuerySet[Article]) -> BulkOutcome:
    """Take articles off the public site; they return to draft and their URLs answer 404.

    One save each, so every unpublication is a revision and bumps the version. Only a
    story that is not published is refused: taking one down must never wait on a flaw
    elsewhere in it, and going back to draft cannot break any of its rules.
    """
    outcome = BulkOutcome()
    with transaction.atomic():
        for article in articles.select_for_update(of=("self",)):
            if article.status != Article.Status.PUBLISHED:
                outcome.refused.append((article, "It is not published."))
                continue
            article.status = Article.Status.DRAFT
            article.save()
            article_publication_announce(article=article)  # forgets its last announcement
            outcome.done.append(article)
        if outcome.done:
            content_changed()
    return outcome


def article_live_updates_changed(*, article: Article) -> None:
    """An update posted, corrected or removed: readers' pages refresh, and the hub tells
    the live feed's subscribers at once."""
    if article.status != Article.Status.PUBLISHED:
        return  # a draft's updates are nobody's business yet
    content_changed()
    if article.is_published():
        address = {"section": article.section.slug, "pk": article.pk, "slug": article.slug}
        feed = websub.story_feed_path(article, "articles:live-feed", address)
        websub.announce_feeds([feed])


def article_corrections_changed(*, article: Article) -> None:
    """A correction marks the story as updated at the correction's time.

    Only corrections from after publication count: an "Updated" earlier than the
    story itself is nonsense, and the story's validation would refuse every later save.
    """
    corrections = article.corrections.all()
    if article.published_at:
        corrections = corrections.filter(published_at__gte=article.published_at)
    content_changed()  # printed at the foot of the story and on /corrections/
    if article.is_published():
        # Its edition's followers, at once.
        websub.announce_feeds([websub.story_feed_path(article, "articles:corrections-feed")])
    latest = corrections.aggregate(latest=Max("published_at"))["latest"]
    if latest and (article.updated_at is None or latest > article.updated_at):
        article.updated_at = latest
        article.save(update_fields=["updated_at", "modified_at"])  # a revision, too


# Translations ----------------------------------------------------------------------------
# Stories sharing a translation key are translations of one another, one per edition
# (Article.translation_key). Readers see a link only between two published stories (the
# edition switcher, hreflang, the sitemap's alternates): a draft joining or leaving a
# story's translations changes nothing on the site until it is published itself.


@dataclass(frozen=True)
class TranslationLink:
    """What linking two stories would do: the key they end up sharing, the stories that
    take it, and whether readers see the change (a published story on either side)."""

    key: uuid.UUID
    joining: list[int]
    public: bool


def article_translation_create(*, article: Article, language: str, by) -> Article:
    """A new draft of the story in another edition, linked to it as its translation.

    The headline, lead and body are copied as the text to translate; the section, the
    photo and its caption, the tags and the editor come along. The byline is the person of
    whoever asked, when they sign stories, else empty (an editor names the translator).
    Refused, saying why, for an edition the site does not run or one the story already
    has; nothing is saved then.
    """
    name = edition_name(language)
    with transaction.atomic():
        # Locked, so two clicks on "Translate" cannot both find the edition free.
        source = Article.objects.select_for_update().get(pk=article.pk)
        if language == source.language:
            raise ValidationError(f"“{source}” is itself in the {name} edition.", code="same")
        if source.translation_key is None:
            # An update, not save(): the story's version and revisions are its text's, and
            # an editor with its form open must not be told someone else saved it.
            source.translation_key = uuid.uuid4()
            Article.objects.filter(pk=source.pk).update(translation_key=source.translation_key)
        existing = Article.objects.filter(
            translation_key=source.translation_key, language=language
        ).first()
        if existing is not None:
            raise ValidationError(
                f"“{source}” already has a {name} translation: “{existing}”.", code="exists"
            )
        draft = Article(
            headline=source.headline,
            lead=source.lead,
            body=source.body,
            language=language,
            translation_key=source.translation_key,
            section_id=source.section_id,
            main_image_id=source.main_image_id,
            main_image_caption=source.main_image_caption,
            editor_id=source.editor_id,
            status=Article.Status.DRAFT,
        )
        draft.full_clean()
        # The first revision says where the text came from (the story's history page).
        draft._change_reason = f"Translation of “{source}” ({source.edition.name})"
        draft._history_user = by
        try:
            with transaction.atomic():
                draft.save()
        except IntegrityError as error:  # a link made in the same instant, unlocked
            raise ValidationError(
                f"“{source}” already has a {name} translation.", code="exists"
            ) from error
        if (person := signing_person(by)) is not None:
            Byline.objects.create(article=draft, person=person, position=0)
        draft.tags.add(*source.tags.all())
        record_related_since(Article.history.model, draft.pk, None)  # its byline and tags
    forget_translations(article, key=source.translation_key)
    return draft


def article_translation_link(*, article: Article, other: Article) -> None:
    """Link two stories of different editions as translations of each other.

    A story alone joins the other's translations; two stories that both have
    translations already are refused (unlink one first), as is anything that would
    give an edition two translations of one story.
    """
    with transaction.atomic():
        pair = {
            story.pk: story
            for story in Article.objects.select_for_update().filter(pk__in=[article.pk, other.pk])
        }
        if len(pair) < 2 and article.pk != other.pk:
            raise ValidationError("That story no longer exists.", code="missing")
        keys = {story.translation_key for story in pair.values()} - {None}
        groups = Article.objects.select_for_update().filter(translation_key__in=keys)
        plan = translation_link_plan(
            article=pair[article.pk], other=pair.get(other.pk, other), stories=groups
        )
        Article.objects.filter(pk__in=plan.joining).update(translation_key=plan.key)
        if plan.public:
            content_changed()
    forget_translations(article, key=plan.key)
    forget_translations(other, key=plan.key)


def article_translation_unlink(*, article: Article) -> None:
    """The story stops being a translation of the others (they stay linked together).

    A story left alone loses its key too: a key shared by one story links nothing.
    """
    with transaction.atomic():
        story = Article.objects.select_for_update().get(pk=article.pk)
        if story.translation_key is None:
            return
        others = list(
            Article.objects.select_for_update()
            .filter(translation_key=story.translation_key)
            .exclude(pk=story.pk)
        )
        leaving = [story.pk, *([others[0].pk] if len(others) == 1 else [])]
        Article.objects.filter(pk__in=leaving).update(translation_key=None)
        if translation_change_is_public([story], others):
            content_changed()
    forget_translations(article, key=None)


def translation_link_plan(
    *,
    article: Article,
    other: Article,
    language: str | None = None,
    stories: QuerySet[Article] | None = None,
) -> TranslationLink:
    """What linking `article` (in `language`: its own unless a form is changing it) with
    `other` would do, or a ValidationError saying why it cannot be done.

    Their translations are looked up in `stories` (the service passes locked rows). The
    article may be a new story, not saved yet: the story form checks before it saves.
    """
    language = language or article.language
    if article.pk is not None and article.pk == other.pk:
        raise ValidationError("A story cannot be its own translation.", code="self")
    if other.language == language:
        raise ValidationError(
            f"“{other}” is in the {edition_name(language)} edition too: a translation is a "
            "story in another edition.",
            code="same_edition",
        )
    edition_name(other.language)  # refuses a story of an edition the site no longer runs
    if article.translation_key and article.translation_key == other.translation_key:
        raise ValidationError(f"“{other}” is already linked as a translation.", code="linked")
    stories = Article.objects.all() if stories is None else stories
    keys = {article.translation_key, other.translation_key} - {None}
    members = list(stories.filter(translation_key__in=keys)) if keys else []
    mine = [s for s in members if s.translation_key == article.translation_key]
    mine = [s for s in mine if s.pk != article.pk]
    theirs = [s for s in members if s.translation_key == other.translation_key]
    theirs = [s for s in theirs if s.pk != other.pk]
    if mine and theirs:
        raise ValidationError(
            f"This story and “{other}” both have translations already: unlink one of them "
            "from its translations first.",
            code="both_linked",
        )
    # The side that has translations keeps its key; the story alone joins it.
    if mine:
        clash = next((s for s in mine if s.language == other.language), None)
        existing, name, key = clash, edition_name(other.language), article.translation_key
        whose = "This story"
    else:
        clash = next((s for s in theirs if s.language == language), None)
        existing, name = clash, edition_name(language)
        key = other.translation_key or article.translation_key or uuid.uuid4()
        whose = f"“{other}”"
    if existing is not None:
        raise ValidationError(
            f"{whose} already has a {name} translation: “{existing}”. A story has one "
            "translation per edition: unlink that one first.",
            code="edition_taken",
        )
    return TranslationLink(
        key=key,
        joining=[
            story.pk
            for story in (article, other)
            if story.pk is not None and story.translation_key != key
        ],
        public=translation_change_is_public([article, *mine], [other, *theirs]),
    )


def translation_unlink_is_public(article: Article) -> bool:
    """Whether readers would see the story leave its translations."""
    return translation_change_is_public([article], article.translations)


def translation_change_is_public(side: list[Article], other_side: list[Article]) -> bool:
    """Readers see a link only between published stories (scheduled ones included: they
    appear by themselves, links and all)."""

    def published(stories):
        return any(story.status == Article.Status.PUBLISHED for story in stories)

    return published(side) and published(other_side)


def edition_name(code: str) -> str:
    """The name of one of the site's editions, or a ValidationError for any other code."""
    for edition in all_editions():
        if edition.code == code:
            return edition.name
    raise ValidationError(f"“{code}” is not one of this site's editions.", code="no_edition")


def signing_person(user) -> Person | None:
    """The byline name of a user, if they have one they may sign with."""
    if user is None or user.pk is None:
        return None
    return Person.objects.filter(user=user, role__in=Person.Role.writing_roles()).first()


def forget_translations(article: Article, *, key) -> None:
    """The caller's copy of a story follows its new links (`translations` is cached)."""
    article.translation_key = key
    article.__dict__.pop("translations", None)
