"""Discord's limits on a message body, as the API enforces them, and how it refuses."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

EMBED_LIMITS = {"title": 256, "description": 4096, "footer": 2048, "author": 256}
EDITS_PER_WINDOW = 5
EDIT_WINDOW_SECONDS = 5.0
"""Message edits Discord accepts per bucket (one channel, or one interaction's webhook token)
before it answers 429: 5 per 5 s, as its rate-limit headers report for these routes."""


class Refused(Exception):
    """What Discord answers to a request it refuses (`retry_after` with a 429)."""

    def __init__(
        self, status: int, code: int, message: str, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status, self.code, self.message = status, code, message
        self.retry_after = retry_after


class EditRateLimit:
    """Discord's buckets for message edits: `limit` per `window` seconds per bucket, counted
    from the first edit of the window; one more is refused with 429 and how long to wait."""

    def __init__(
        self,
        limit: int = EDITS_PER_WINDOW,
        window: float = EDIT_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._buckets: dict[str, tuple[float, int]] = {}

    def hit(self, bucket: str) -> None:
        now = self.clock()
        start, used = self._buckets.get(bucket, (now, 0))
        if now - start >= self.window:
            start, used = now, 0
        if used >= self.limit:
            wait = round(start + self.window - now, 3)
            raise Refused(429, 0, "You are being rate limited.", retry_after=wait)
        self._buckets[bucket] = (start, used + 1)


def check_message(body: dict[str, Any], files: int, *, edit: bool = False) -> None:
    """Discord's limits on a message body (and the project's no-pings rule)."""
    content = body.get("content") or ""
    if len(content) > 2000:
        raise Refused(400, 50035, "Invalid Form Body: content: Must be 2000 or fewer in length.")
    embeds = body.get("embeds") or []
    if len(embeds) > 10 or sum(_embed_length(e) for e in embeds) > 6000:
        raise Refused(400, 50035, "Invalid Form Body: embeds: too large")
    for embed in embeds:
        _check_embed(embed)
    _check_components(body.get("components") or [])
    empty = not (content or embeds or body.get("components") or files or body.get("poll"))
    if empty and not edit:
        raise Refused(400, 50006, "Cannot send an empty message")
    mentions = body.get("allowed_mentions")
    if "content" in body and (mentions is None or _pings(mentions)):
        raise Refused(400, 0, f"test rule: allowed_mentions must ping nobody, got {mentions}")


def _pings(mentions: dict[str, Any]) -> bool:
    return bool(
        mentions.get("parse") or mentions.get("users") or mentions.get("roles")
        or mentions.get("replied_user")
    )  # fmt: skip


def _embed_length(embed: dict[str, Any]) -> int:
    fields = embed.get("fields") or []
    return (
        len(embed.get("title") or "") + len(embed.get("description") or "")
        + sum(len(f.get("name", "")) + len(f.get("value", "")) for f in fields)
        + len((embed.get("footer") or {}).get("text", ""))
        + len((embed.get("author") or {}).get("name", ""))
    )  # fmt: skip


def _check_embed(embed: dict[str, Any]) -> None:
    values = {
        "title": embed.get("title") or "", "description": embed.get("description") or "",
        "footer": (embed.get("footer") or {}).get("text", ""),
        "author": (embed.get("author") or {}).get("name", ""),
    }  # fmt: skip
    fields = embed.get("fields") or []
    too_long = [k for k, v in values.items() if len(v) > EMBED_LIMITS[k]]
    bad_fields = len(fields) > 25 or any(
        not f.get("name") or not f.get("value") or len(f["name"]) > 256 or len(f["value"]) > 1024
        for f in fields
    )
    if too_long or bad_fields:
        raise Refused(400, 50035, f"Invalid Form Body: embed {too_long or 'fields'}")


def _check_components(rows: list[dict[str, Any]]) -> None:
    if len(rows) > 5:
        raise Refused(400, 50035, "Invalid Form Body: components: at most 5 rows")
    for row in rows:
        buttons = row.get("components") or []
        if row.get("type") != 1 or not 1 <= len(buttons) <= 5:
            raise Refused(400, 50035, "Invalid Form Body: components: 1 to 5 per row")
        for b in buttons:
            if "custom_id" in b and not 1 <= len(b["custom_id"]) <= 100:
                raise Refused(400, 50035, "Invalid Form Body: custom_id: 1 to 100 characters")
            if len(b.get("label") or "") > 80:
                raise Refused(400, 50035, "Invalid Form Body: label: at most 80 characters")
