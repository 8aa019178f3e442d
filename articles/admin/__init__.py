"""The editors' desk for stories: each module one job, registered on import."""

from . import live, readership, story

__all__ = ["live", "readership", "story"]
