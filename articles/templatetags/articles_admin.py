from django import template
from js_asset import Media

register = template.Library()


@register.filter
def csp_nonced(media, request):
    """Form media whose inline scripts (an import map) run under the response's CSP nonce;
    asking for the nonce is what puts it in the Content-Security-Policy header."""
    return Media.from_media(media, nonce=str(request.csp_nonce))
