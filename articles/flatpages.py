"""Pages editors write in the admin (About, Advertising …), served as untrusted input.

Django's own flat page view marks the title and content safe, so any template that
prints them runs whatever an editor typed. This view gives templates the title as
plain text and the content already cleaned by our allow-list; otherwise it behaves
as Django's (sites, trailing slash, pages for members only, the chosen template).
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.flatpages.models import FlatPage
from django.contrib.flatpages.views import DEFAULT_TEMPLATE
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template import loader
from django.utils.deprecation import MiddlewareMixin
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_protect

from .sanitize import sanitize_html


def flatpage(request, url: str) -> HttpResponse:
    if not url.startswith("/"):
        url = "/" + url
    site_id = get_current_site(request).id
    try:
        page = get_object_or_404(FlatPage, url=url, sites=site_id)
    except Http404:
        if url.endswith("/") or not settings.APPEND_SLASH:
            raise
        get_object_or_404(FlatPage, url=url + "/", sites=site_id)
        return HttpResponsePermanentRedirect(f"{request.path}/")
    return render_flatpage(request, page)


# Called from the middleware after a 404, when CsrfViewMiddleware has not seen the
# request; protect only the rendering, so a miss stays a plain 404 (as Django does).
@csrf_protect
def render_flatpage(request, page: FlatPage) -> HttpResponse:
    if page.registration_required and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    template = loader.select_template(
        [name for name in (page.template_name, DEFAULT_TEMPLATE) if name]
    )
    # The title stays a plain string, so templates escape it; the content is safe
    # only because it has just been through the allow-list.
    page.content = mark_safe(sanitize_html(page.content))
    return HttpResponse(template.render({"flatpage": page}, request))


class FlatpageFallbackMiddleware(MiddlewareMixin):
    """Django's fallback middleware, serving our view: a 404 becomes the page at that address."""

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        try:
            return flatpage(request, request.path_info)
        except Http404:
            return response
        except Exception:
            # As Django's: a broken page must not turn every unknown address into a 500.
            if settings.DEBUG:
                raise
            return response
