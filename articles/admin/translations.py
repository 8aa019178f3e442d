"""A story's translations in the admin: the box on its form, starting a translation,
unlinking one, and the stories an editor may pick to link as a translation.

Who may do what follows one rule, said in the box's help: a translation is started
from any story the user can see (the draft is theirs, and a draft changes nothing on
the site); links are changed from a story the user may change, and a link readers would
see (between two published stories: the edition switcher, search engines' language
versions) is the editors' call. Linking is a field of the story form (ArticleForm), so
its refusals are form errors.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from newsroom.editions import all_editions, edition_codes

from ..models import Article
from ..services import (
    article_translation_create,
    article_translation_link,
    article_translation_unlink,
    translation_unlink_is_public,
)
from .forms import READERS_SEE_IT, can_publish, editions_in_use, translation_label

# Stories offered per page of the "Link a translation" search.
CANDIDATES_PER_PAGE = 20


class StoryTranslations(admin.ModelAdmin):
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/translate/",
                self.admin_site.admin_view(self.translate_view),
                name=f"{name}_translate",
            ),
            path(
                "<path:object_id>/unlink-translation/",
                self.admin_site.admin_view(self.unlink_translation_view),
                name=f"{name}_unlink_translation",
            ),
            path(
                "translation-candidates/",
                self.admin_site.admin_view(self.translation_candidates_view),
                name=f"{name}_translation_candidates",
            ),
            *super().get_urls(),
        ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if (other := form.cleaned_data.get("translation_of")) is None:
            return
        story = form.instance
        try:
            article_translation_link(article=story, other=other)
        except ValidationError as error:  # checked by the form; changed in the meantime
            message = f"The story is saved, but not linked to “{other}”: "
            self.message_user(request, message + " ".join(error.messages), messages.WARNING)
            return
        self.message_user(
            request,
            f"Linked: “{other}” is the {other.edition.name} translation of “{story}”.",
            messages.SUCCESS,
        )

    def may_translate(self, request, story: Article) -> bool:
        return self.has_add_permission(request) and self.has_view_permission(request, story)

    def translate_view(self, request, object_id):
        """POST `language`: a draft translation of the story, opened for writing."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        story = self.get_object(request, unquote(object_id))
        if story is None:
            raise Http404("No such story.")
        if not self.may_translate(request, story):
            raise PermissionDenied
        try:
            draft = article_translation_create(
                article=story, language=request.POST.get("language", ""), by=request.user
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(self.back_to(request, story))
        who = "" if draft.bylines.exists() else " Name the translator on the byline."
        self.message_user(
            request,
            format_html(
                "A {} translation of “{}” is started as a draft, with its photo, section and "
                "tags. The headline, lead and body below are the {} text: translate them, "
                "then save. The address (under “More options”) follows the new headline until "
                "the story is published.{}",
                draft.edition.name,
                story.headline,
                story.edition.name,
                who,
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.story_change_url(draft))

    def unlink_translation_view(self, request, object_id):
        """POST `translation`: that story stops being a translation of this one."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        story = self.get_object(request, unquote(object_id))
        if story is None:
            raise Http404("No such story.")
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        chosen = request.POST.get("translation", "")
        leaving = next((t for t in story.translations if str(t.pk) == chosen), None)
        if leaving is None:
            self.message_user(
                request, "That story is not linked as a translation of this one.", messages.ERROR
            )
        elif translation_unlink_is_public(leaving) and not can_publish(request.user):
            self.message_user(request, READERS_SEE_IT, messages.ERROR)
        else:
            article_translation_unlink(article=leaving)
            self.message_user(
                request,
                f"“{leaving}” is no longer linked as a translation of “{story}”.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self.story_change_url(story))

    def translation_candidates_view(self, request):
        """Select2's search for "Link a translation": the user's stories whose headline or
        lead holds the words typed, newest first, outside the story's own edition and
        translations."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        stories = self.get_queryset(request).prefetch_related(None)
        story = None
        if (story_id := request.GET.get("story", "")).isdigit():
            story = stories.filter(pk=story_id).first()
        if story is not None:
            stories = stories.exclude(language=story.language).exclude(pk=story.pk)
            if story.translation_key is not None:
                stories = stories.exclude(translation_key=story.translation_key)
        stories = stories.filter(language__in=edition_codes())
        stories, _ = self.get_search_results(request, stories, request.GET.get("term", ""))
        try:
            page = max(int(request.GET.get("page", 1)), 1)
        except ValueError:
            page = 1
        start = (page - 1) * CANDIDATES_PER_PAGE
        found = list(
            stories.order_by("-created_at", "-id").defer("body", "lead", "search_vector")[
                start : start + CANDIDATES_PER_PAGE + 1
            ]
        )
        return JsonResponse(
            {
                "results": [
                    {"id": str(story.pk), "text": translation_label(story)}
                    for story in found[:CANDIDATES_PER_PAGE]
                ],
                "pagination": {"more": len(found) > CANDIDATES_PER_PAGE},
            }
        )

    def translations_box(self, request, article: Article, form=None) -> dict | None:
        """What the form's Translations box shows: each other edition's translation or the
        button that starts one, and the field that links an existing story (a page with
        no story form, the refusal page, has none)."""
        if not editions_in_use():
            return None
        saved = article.pk is not None
        translations = {story.language: story for story in article.translations} if saved else {}
        may_change = saved and self.has_change_permission(request, article)
        rows = []
        for edition in all_editions():
            if edition.code == article.language:
                continue
            row = {"edition": edition, "story": translations.get(edition.code)}
            if (story := row["story"]) is not None:
                row["change_url"] = self.story_change_url(story)
                row["public_url"] = story.get_absolute_url() if story.is_published() else ""
                row["may_unlink"] = may_change and (
                    can_publish(request.user) or not translation_unlink_is_public(story)
                )
            rows.append(row)
        missing = any(row["story"] is None for row in rows)
        link = form["translation_of"] if form and "translation_of" in form.fields else None
        if link is not None and not (missing or link.errors):
            link = None  # every edition has its translation: nothing left to link
        return {
            "saved": saved,
            "rows": rows,
            "missing": missing,
            "may_translate": saved and self.may_translate(request, article),
            "translate_url": self.action_url("translate", article) if saved else "",
            "unlink_url": self.action_url("unlink_translation", article) if saved else "",
            "link_field": link,
        }

    def action_url(self, action: str, article: Article) -> str:
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{action}",
            args=(quote(article.pk),),
        )

    def story_change_url(self, article: Article) -> str:
        return self.action_url("change", article)

    def back_to(self, request, story: Article) -> str:
        """Where a refused request returns: the page that sent it (the desk, say), else the
        story."""
        wanted = request.POST.get("next", "")
        if wanted and url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return wanted
        if self.has_change_permission(request, story):
            return self.story_change_url(story)
        return reverse(f"{self.admin_site.name}:index")
