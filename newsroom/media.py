from django.conf import settings
from django.views.static import serve


def serve_media(request, path):
    """Uploads for local use (DJANGO_SERVE_MEDIA). Rendition names change whenever their
    content does, so browsers may keep them for a year."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if path.startswith("renditions/"):
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
