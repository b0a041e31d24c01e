"""Sessions, CSRF and sign-in rate limits for the dashboard.

The session is a cookie signed with TUTOR_SECRET_KEY (itsdangerous), holding only the id of the
sign-in token it came from and a CSRF token; the token's row says which cohorts it may see.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "tutor_session"
PRE_COOKIE = "tutor_signin"
SESSION_HOURS = 12
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class SecretKeyMissing(Exception):
    """The dashboard would listen beyond loopback without TUTOR_SECRET_KEY."""


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def secret_for(configured: str | None, host: str) -> str:
    """The signing key: the configured one, else a per-process key on loopback only."""
    if configured:
        return configured
    if is_loopback(host):
        return secrets.token_urlsafe(32)
    raise SecretKeyMissing(
        "TUTOR_SECRET_KEY: set it to a long random string (`openssl rand -hex 32`) to serve the "
        f"dashboard on {host}; only loopback addresses may run without it."
    )


@dataclass(frozen=True)
class Session:
    token_id: int
    csrf: str


class SessionCodec:
    """Signs and checks session cookies."""

    def __init__(self, secret: str) -> None:
        self._s = URLSafeTimedSerializer(secret, salt="tutor-dashboard-session")

    def dumps(self, session: Session) -> str:
        return self._s.dumps({"tid": session.token_id, "csrf": session.csrf})

    def loads(self, cookie: str | None) -> Session | None:
        """The session, or None when the cookie is missing, forged or older than SESSION_HOURS."""
        if not cookie:
            return None
        try:
            data: Any = self._s.loads(cookie, max_age=SESSION_HOURS * 3600)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("tid"), int):
            return None
        csrf = data.get("csrf")
        return Session(data["tid"], csrf) if isinstance(csrf, str) and csrf else None


def csrf_ok(expected: str, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    return bool(given) and hmac.compare_digest(expected, given or "")


class RateLimiter:
    """At most `limit` attempts per `window` seconds per client (sign-in)."""

    def __init__(
        self, limit: int = 10, window: float = 300.0, now: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.now = limit, window, now
        self._seen: dict[str, deque[float]] = {}

    def allow(self, client: str) -> bool:
        t = self.now()
        hits = self._seen.setdefault(client, deque())
        while hits and hits[0] <= t - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(t)
        return True
