import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The reader's address: behind TRUSTED_PROXY_COUNT proxies, the hop the nearest
    trusted proxy saw; IPv6 by /64, since one reader holds a whole block."""
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
    if hops and len(forwarded) >= hops:
        address = forwarded[-hops]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
