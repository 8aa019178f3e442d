import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

# The only public files: renditions, stripped of metadata. Uploaded originals live in
# their own storage ("originals"); nothing else is served from the default storage
# either, should an original from before they moved, or a stray file, be left there.
PUBLIC_PREFIX = "renditions/"


def serve_media(request, path):
    """Renditions for local use (DJANGO_SERVE_MEDIA), read through the public (default)
    storage. Their names change whenever their content does: browsers keep them a year."""
    name = posixpath.normpath(path)  # "renditions/../images/…" is not a rendition
    if not settings.SERVE_MEDIA or not name.startswith(PUBLIC_PREFIX):
        raise Http404("Not a public file.")
    try:
        file = default_storage.open(name, "rb")
    except (OSError, SuspiciousFileOperation):  # missing, a folder, or outside the storage
        raise Http404("No such file.") from None
    response = FileResponse(file)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
