"""How often one client may do something, counted in the shared cache.

The cache is shared by every app server, so a client counts the same wherever the proxy
sends it. The cache is not the source of truth: while it cannot be reached, the limits
are lifted (and a warning logged) rather than losing what readers send.
"""

import logging

from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

# What a cache that cannot be reached raises. Django's Redis backend lets redis-py's own
# errors through; socket errors are OSError. Anything else is a bug and should be seen.
try:
    from redis.exceptions import RedisError
except ImportError:  # redis-py is only needed when the shared cache is Redis
    CACHE_UNREACHABLE: tuple[type[Exception], ...] = (OSError,)
else:
    CACHE_UNREACHABLE = (RedisError, OSError)


def client_key(scope: str, address: str) -> str:
    """A cache key for one client in one scope that holds a keyed hash, never the address."""
    return f"{scope}:{salted_hmac(scope, address, algorithm='sha256').hexdigest()}"


def quota_take(key: str, *, limit: int, window: int) -> bool:
    """Count one use under `key`; False once `limit` uses were counted in this window.

    A fixed window of `window` seconds: add() opens it with its expiry (SET NX on Redis,
    so two servers never both open it), incr() counts atomically in it. True, with a
    warning logged, when the cache cannot be reached.
    """
    try:
        if cache.add(key, 1, timeout=window):
            return True
        try:
            count = cache.incr(key)
        except ValueError:
            # The window expired between add() and incr(): this use opens the next one.
            cache.add(key, 1, timeout=window)
            return True
        if count == 1:
            # Redis INCR recreated a key that expired after the backend checked it was
            # there; without an expiry it would never let this client go.
            cache.touch(key, timeout=window)
        return count <= limit
    except CACHE_UNREACHABLE as error:
        logger.warning("Shared cache unreachable, %s not limited: %s", key.split(":")[0], error)
        return True
