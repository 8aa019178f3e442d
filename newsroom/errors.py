from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request):
    """The designed 500 page, rendered without touching the database (it may be the cause)."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"site": settings.NEWSROOM}))


@requires_csrf_token
def permission_denied(request, exception):
    """403 in the look of where the reader was: the admin's for editors, with the way back
    to their desk; the site's for everyone else."""
    if request.path.startswith(reverse("admin:index")):
        context = {
            **admin.site.each_context(request),
            "title": "You cannot open this page",
            "subtitle": None,
            "section": request.path.removeprefix(reverse("admin:index")).split("/")[0],
        }
        return render(request, "admin/403.html", context, status=403)
    return render(request, "403.html", status=403)
