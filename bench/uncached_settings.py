"""The site's settings without the page cache: what a render of the view itself costs.

bench/load.py --uncached serves with these (DJANGO_SETTINGS_MODULE=uncached_settings,
with bench/ on the path after the tree being measured).
"""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import MIDDLEWARE

MIDDLEWARE = [name for name in MIDDLEWARE if name != "newsroom.pagecache.PageCacheMiddleware"]
