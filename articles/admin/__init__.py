"""The editors' desk for stories: each module one job, registered on import."""

from . import readership, story

__all__ = ["readership", "story"]
