"""Slack's HTTP edge: refuse unsigned or unparsable requests before Bolt sees them.

Bolt parses the body before it checks the signature, so a malformed body becomes an HTTP 500
with a traceback, and a bad signature is logged at INFO with the whole body (learner text
included). This aiohttp middleware answers such requests with 401 or 400 and one log line that
never contains the body.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import parse_qs

from aiohttp import web
from aiohttp.typedefs import Middleware
from slack_bolt.async_app import AsyncApp

from curriculum.numbers import ascii_int

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
MAX_AGE_SECONDS = 300  # Slack's rule: older requests may be replays
COMMAND_FIELDS = ("channel_id", "response_url", "user_id")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Refused(Exception):
    """A request the edge will not pass on: the HTTP status and a short reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def is_signed(body: bytes, timestamp: str, signature: str, secret: str, now: float) -> bool:
    """Slack's v0 signature over the raw bytes (slack-sdk's verifier needs UTF-8 and digits)."""
    when = ascii_int(timestamp, 12)
    if when is None or abs(now - when) > MAX_AGE_SECONDS:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


def check_request(
    body: bytes, headers: Mapping[str, str], content_type: str, secret: str, now: float
) -> None:
    """Raise Refused unless the request is signed by Slack and its body parses as Slack's."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not is_signed(body, timestamp, signature, secret, now):
        raise Refused(401, "invalid, stale or missing signature")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "body is not UTF-8") from None
    if content_type == "application/json":
        _json_object(text, "body")
        return
    form = parse_qs(text, keep_blank_values=True)
    if "payload" in form:
        _json_object(form["payload"][0], "payload")
    elif "command" in form:
        missing = [f for f in COMMAND_FIELDS if not (form.get(f) or [""])[0]]
        if missing:
            raise Refused(400, f"slash command without {', '.join(missing)}")


def _json_object(text: str, what: str) -> None:
    try:
        parsed = json.loads(text)
    except ValueError:
        raise Refused(400, f"{what} is not JSON") from None
    if not isinstance(parsed, dict):
        raise Refused(400, f"{what} is not a JSON object")


def edge_middleware(signing_secret: str) -> Middleware:
    """The middleware guarding POST requests (install pages and other GETs pass through)."""

    @web.middleware
    async def edge(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method != "POST":
            return await handler(request)
        body = await request.read()  # aiohttp keeps it: Bolt reads the same bytes
        try:
            check_request(body, request.headers, request.content_type, signing_secret, time.time())
        except Refused as refused:
            log.warning(
                "Slack request refused with %d: %s (%d bytes from %s)",
                refused.status,
                refused.reason,
                len(body),
                request.remote,
            )
            return web.Response(status=refused.status, text=refused.reason)
        return await handler(request)

    return edge


def http_app(
    app: AsyncApp, signing_secret: str, path: str = EVENTS_PATH, port: int = 3000
) -> web.Application:
    """Bolt's aiohttp application behind the edge middleware."""
    web_app = app.web_app(path=path, port=port)
    web_app.middlewares.insert(0, edge_middleware(signing_secret))
    return web_app
