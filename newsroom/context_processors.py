from django.conf import settings

from sections.models import Section


def site(request):
    """What every page's header and footer print."""
    return {
        "site": settings.NEWSROOM,
        "navigation_sections": Section.objects.in_navigation(),
    }
