"""The answer to a sign-in attempt while django-axes has locked it out."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response, credentials):
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "admin/locked_out.html", context, status=429)
