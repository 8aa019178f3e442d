"""Where uploaded originals live: the "originals" storage, which nothing serves publicly.

Originals keep their EXIF/GPS data and may belong to unpublished stories; only
renditions (in the default storage) are public. Configured in settings.STORAGES, so
a private S3 bucket can take the place of the local folder.
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class OriginalsStorage(LazyObject):
    """storages["originals"], looked up when first used, like default_storage."""

    def _setup(self):
        self._wrapped = storages["originals"]


originals = OriginalsStorage()


def originals_storage() -> OriginalsStorage:
    """The ImageField's storage= callable: migrations name it, never a folder or bucket."""
    return originals


@receiver(setting_changed)
def _forget_originals_storage(*, setting, **kwargs):
    # An ImageField keeps the storage it was given at import; the lazy proxy lets an
    # override of STORAGES (tests) reach it, as Django does for default_storage.
    if setting == "STORAGES":
        originals._wrapped = empty
