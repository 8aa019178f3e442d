"""Old addresses answered with a redirect: Django's redirects app, and WordPress's short
links (/?p=123), which land on our home page and so are never a 404.

The redirects themselves are rows of django.contrib.redirects (editors see and change
them in the admin under Redirects); the WordPress import writes them.
"""

from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.contrib.redirects.models import Redirect
from django.contrib.sites.shortcuts import get_current_site


class OldAddressRedirectMiddleware(RedirectFallbackMiddleware):
    """Django's fallback (a 404 whose address has a redirect is answered with it, 301),
    plus `/?p=<number>`, WordPress's own short link to a post, before the home page
    renders: only that form, so the home page with any other parameter is the home page."""

    def process_request(self, request):
        if request.path_info != "/" or request.method not in ("GET", "HEAD"):
            return None
        post_id = request.GET.get("p", "")
        if not post_id.isdigit():
            return None
        redirect = Redirect.objects.filter(
            site=get_current_site(request), old_path=f"/?p={int(post_id)}"
        ).first()
        if redirect is None:
            return None  # a post we never imported: the home page, as WordPress's would be
        if not redirect.new_path:
            return self.response_gone_class()
        return self.response_redirect_class(redirect.new_path)
