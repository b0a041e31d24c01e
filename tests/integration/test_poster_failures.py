"""A broadcaster that raises something else than DeliveryError still fails the post with a
reason: the claim never stays "posting" (issue 13, item 3)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.core.broadcast import Destination
from bot.core.reply import Reply
from bot.testing import FakeChat, make_services
from scheduler.poster import WeeklyPostJob
from storage.repositories.claims import ClaimRepository

CREATE = "/cohort create roadmap-12w start:2026-10-05 day:mon time:09:00 tz:Europe/Berlin"


class ForumLikeBroadcaster:
    """Raises what a ForumChannel's missing `send` raised before the Discord fix."""

    platform = "fake"

    def __init__(self) -> None:
        self.dms: list[str] = []

    async def post(self, destination: Destination, reply: Reply) -> str:
        if destination.user is None:
            raise AttributeError("'ForumChannel' object has no attribute 'send'")
        self.dms.append(reply.plain)
        return "dm-1"


def test_an_unexpected_error_fails_the_post_with_its_reason(tmp_path: Path) -> None:
    chat = FakeChat(make_services(tmp_path))
    chat.clock.set_time(datetime(2026, 10, 1, 12, 0, tzinfo=UTC))
    assert "now follows" in chat.send_admin("coach", CREATE)
    radio = ForumLikeBroadcaster()
    job = WeeklyPostJob(chat.services, {"fake": radio}, "solo")
    chat.clock.set_time(datetime(2026, 10, 5, 7, 0, tzinfo=UTC))  # 09:00 in Berlin
    [outcome] = asyncio.run(job.tick())
    assert outcome.status == "failed" and "ForumChannel" in outcome.note
    claim = ClaimRepository(chat.services.db).get(1, 1)
    assert claim is not None and claim.status == "failed"
    assert "AttributeError" in (claim.error or "")
    assert radio.dms and "ForumChannel" in radio.dms[0]  # the admin is told why
