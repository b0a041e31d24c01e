"""Daily review reminders: one DM a day to learners who opted in and have due cards."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import select

from bot.core.broadcast import Broadcaster, DeliveryError, Destination
from bot.core.reply import Reply
from bot.core.timezones import learner_zone
from scheduler import texts
from storage.tables import Learner

if TYPE_CHECKING:
    from bot.bootstrap import Services

log = logging.getLogger(__name__)
REMIND_AT_HOUR = 9
"""Reminders go out in the learner's 09:00 hour (their time zone, else their cohort's, else UTC)."""


def _local_day(services: Services, learner: Learner, now: datetime) -> tuple[int, str]:
    local = now.astimezone(learner_zone(services, learner))  # own, else cohort's, else UTC
    return local.hour, local.date().isoformat()


async def send_review_reminders(services: Services, broadcasters: Mapping[str, Broadcaster]) -> int:
    """Run hourly: DM opted-in learners whose local hour is 09 and who have due cards, once."""
    now = services.clock.now()
    with services.db.session() as s:
        learners = list(s.exec(select(Learner).where(Learner.review_reminders)))
    sent = 0
    for learner in learners:
        hour, day = _local_day(services, learner, now)
        broadcaster = broadcasters.get(learner.platform)
        if hour != REMIND_AT_HOUR or broadcaster is None or learner.id is None:
            continue
        due = services.reviews.count_due(learner.id, now)
        if not due or not services.events.record(
            learner.id, "review_reminder", now, dedupe_key=f"reminder:{learner.id}:{day}"
        ):
            continue
        try:
            await broadcaster.post(
                Destination(learner.platform, learner.workspace, user=learner.user_id),
                Reply.text(texts.REMINDER.format(n=due)),
            )
            sent += 1
        except DeliveryError as exc:
            log.warning("review reminder to learner %s failed: %s", learner.id, exc)
    return sent
