"""`/cohort post-now`: send the next unsent week into the channel now (rate-limited).

The week is claimed like a scheduled post, so the scheduler will not send it again.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from bot.core.cohort import texts
from bot.core.context import Request
from bot.core.plurals import count
from bot.core.reply import Reply
from scheduler.poster import schedule_of
from scheduler.posts import weekly_post
from storage.repositories.claims import ClaimRepository
from storage.repositories.cohort_stats import CohortStatsRepository
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort

IN_CHANNEL = "in-channel reply"


def post_now(req: Request, cohort: Cohort, every: timedelta) -> Reply:
    assert cohort.id is not None
    now = req.services.clock.now()
    last = cohort.last_post_now_at
    if last is not None:
        last = last if last.tzinfo else last.replace(tzinfo=UTC)
        if now - last < every:
            minutes = int((now - last).total_seconds() // 60)
            wait = int((every - (now - last)).total_seconds() // 60) + 1
            return Reply.text(
                texts.POST_NOW_WAIT.format(
                    ago=count(minutes, "minute"), wait=count(wait, "minute")
                ),
                ephemeral=True,
            )
    weeks = len(req.services.curriculum.tracks[cohort.track_id].weeks)
    claims = ClaimRepository(req.services.db)
    sched = schedule_of(cohort, weeks)
    for week in range(1, weeks + 1):
        fire_time = sched.fire_time(week)
        claim = claims.claim(cohort.id, week, fire_time, "post-now", now)
        if claim is None or claim.id is None:
            continue
        reply = weekly_post(
            req.services.curriculum,
            CohortStatsRepository(req.services.db),
            cohort,
            week,
            min(fire_time, now),
        )
        claims.set_state(claim.id, "posted", message_id=IN_CHANNEL)
        CohortRepository(req.services.db).update(cohort.id, last_post_now_at=now)
        return reply
    return Reply.text(texts.NOTHING_TO_POST)
