"""`/cohort status`: the cohort's settings, what posts next, and its week-by-week schedule."""

from __future__ import annotations

from datetime import datetime

from bot.core.cohort import schedule, texts
from bot.core.context import Request
from bot.core.reply import Reply
from scheduler.poster import schedule_of
from storage.repositories.claims import ClaimRepository
from storage.tables import Cohort, PostClaim


def status(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    assert cohort.id is not None
    weeks, now = schedule.weeks_of(req, cohort), req.services.clock.now()
    claims = ClaimRepository(req.services.db).of_cohort(cohort.id)
    lines = schedule.week_lines(cohort, weeks, claims, now)
    track = req.services.curriculum.tracks[cohort.track_id]
    return Reply.text(
        texts.STATUS.format(
            track=track.title,
            start=cohort.start_date.isoformat(),
            day=cohort.post_day,
            time=cohort.post_time,
            tz=cohort.timezone,
            late=cohort.late_policy,
            digest=_on(cohort.digest),
            announce=_on(cohort.announce_badges),
            approval=_on(cohort.require_approval),
            state=texts.PAUSED + "\n" if cohort.paused else "",
            members=len(req.services.community.members(cohort.id)),
            next=_next(cohort, weeks, claims, now),
            schedule="\n".join(lines),
        )
    )


def _next(cohort: Cohort, weeks: int, claims: list[PostClaim], now: datetime) -> str:
    week = schedule.next_week(cohort, weeks, claims)
    if week is None:
        return texts.NEXT_NONE
    when = schedule_of(cohort, weeks).fire_time(week)
    shown = schedule.local_when(when, cohort.timezone)
    if when <= now:
        return texts.NEXT_EARLY.format(week=week, when=shown)
    return texts.NEXT_AT.format(week=week, when=shown)


def _on(flag: bool) -> str:
    return "on" if flag else "off"
