from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request):
    """The designed 500 page, rendered without touching the database (it may be the cause)."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"site": settings.NEWSROOM}))
