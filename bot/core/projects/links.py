"""Submission links: only absolute http(s) URLs with a host are accepted."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL = 2000


def unwrap(token: str) -> str:
    """Slack wraps links as `<https://x|label>` or `<https://x>`; take the address."""
    token = token.strip()
    if token.startswith("<") and token.endswith(">"):
        token = token[1:-1].split("|", 1)[0]
    return token


def valid_link(token: str) -> str | None:
    """The link, or None unless it is an http/https URL with a host and no spaces."""
    url = unwrap(token)
    if not url or len(url) > MAX_URL or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or not port_ok:
        return None
    return url
