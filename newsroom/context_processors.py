from django.conf import settings

from sections.models import Section

from .fragments import shared_block


def site(request):
    """What every page's header and footer print."""
    return {
        "site": settings.NEWSROOM,
        # Kept per content version: a section edit or a new section shows at once.
        "navigation_sections": shared_block(
            request, "navigation", lambda: list(Section.objects.in_navigation())
        ),
    }
