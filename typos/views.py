import json
from typing import NoReturn

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsroom.clients import client_address
from newsroom.origins import site_page_origin

from .forms import TypoReportForm
from .services import QUOTA_WINDOW_SECONDS, typo_quota_take, typo_report_create

# Room for every field at its longest in any script (up to 3 bytes a character in UTF-8),
# and far less than a flood would like to send.
MAX_BODY_BYTES = 16 * 1024


def error(message: str, *, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def reject_json_constant(name: str) -> NoReturn:
    # Python reads NaN and Infinity, which JSON does not have.
    raise ValueError(f"{name} is not JSON")


# Article pages are cached for everyone, so they carry no per-visitor CSRF token and
# Django's CSRF check cannot run here. Two checks do its job instead: the request must
# come from this site's own pages (Origin, or Referer when a browser omits Origin), and
# the body must be application/json, which no cross-site form can send and no cross-site
# script can send without a CORS preflight this site never answers.
@csrf_exempt
@require_POST
@never_cache
def report(request):
    # /typos/ serves every edition and has no language prefix to read the edition from:
    # typo-report.js asks in its page's language (Accept-Language), and the reader's
    # messages come in it; anything else gets the default edition's.
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = answer_report(request)
    response["Content-Language"] = language
    return response


def answer_report(request) -> JsonResponse:
    origin = site_page_origin(request)
    if origin is None:
        return error(_("Reports are accepted only from this site's pages."), status=403)

    too_long = _("The report is too long: at most %(size)d KB, please.") % {
        "size": MAX_BODY_BYTES // 1024
    }
    try:
        declared_length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        declared_length = 0
    if declared_length > MAX_BODY_BYTES:
        return error(too_long, status=413)
    # Read at most one byte past the limit, whatever the headers claimed.
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return error(too_long, status=413)
    if not body.strip():
        return error(_("The report is empty."), status=400)
    if request.content_type != "application/json":
        return error(_("Send the report as JSON (Content-Type: application/json)."), status=415)
    try:
        payload = json.loads(body, parse_constant=reject_json_constant)
    except (ValueError, RecursionError):
        return error(_("The report is not valid JSON."), status=400)
    if not isinstance(payload, dict):
        return error(_("The report must be a JSON object."), status=400)

    form = TypoReportForm(payload, origin=origin)
    if not form.is_valid():
        return error(form.error_message(), status=400)

    sender_address = client_address(request)
    if not typo_quota_take(sender_address=sender_address):
        response = error(
            _("You have sent several reports in a short time; please try again in a few minutes."),
            status=429,
        )
        response["Retry-After"] = str(QUOTA_WINDOW_SECONDS)
        return response
    typo_report_create(**form.cleaned_data, sender_address=sender_address)
    return JsonResponse({"ok": True}, status=201)
