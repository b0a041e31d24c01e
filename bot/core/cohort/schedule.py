"""`/cohort status` schedule: each week posted, skipped or upcoming, in local time."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.core.cohort import texts
from scheduler.poster import schedule_of
from storage.tables import Cohort, PostClaim

if TYPE_CHECKING:
    from bot.core.context import Request

DONE = ("posted", "posting", "skipped")


def next_week(cohort: Cohort, weeks: int, claims: list[PostClaim]) -> int | None:
    """The first week that is neither posted (even early, by post-now) nor skipped."""
    taken = {c.week for c in claims if c.status in DONE}
    return next(
        (w for w in range(1, weeks + 1) if w not in taken and w not in cohort.skipped_weeks),
        None,
    )


def local(when: datetime, zone: str) -> str:
    return when.astimezone(ZoneInfo(zone)).strftime("%a %d %b %H:%M")


def local_when(when: datetime, zone: str) -> str:
    """A moment in the cohort's zone, with the year and the zone's name."""
    return when.astimezone(ZoneInfo(zone)).strftime("%a %d %b %Y %H:%M %Z")


def weeks_of(req: Request, cohort: Cohort) -> int:
    """How many weeks the cohort's track has."""
    return len(req.services.curriculum.tracks[cohort.track_id].weeks)


def week_lines(cohort: Cohort, weeks: int, claims: list[PostClaim], now: datetime) -> list[str]:
    """One line per week: when, and what happened or will happen."""
    sched = schedule_of(cohort, weeks)
    by_week = {c.week: c for c in claims}
    upcoming = next_week(cohort, weeks, claims)
    lines = []
    for week in range(1, weeks + 1):
        when = local(sched.fire_time(week), cohort.timezone)
        lines.append(
            texts.WEEK_LINE.format(
                week=week, when=when, state=_state(cohort, week, by_week.get(week), upcoming, now)
            )
        )
    return lines


def _state(
    cohort: Cohort, week: int, claim: PostClaim | None, upcoming: int | None, now: datetime
) -> str:
    if claim is not None and claim.status == "posted":
        posted = claim.claimed_at
        return texts.WEEK_POSTED.format(when=local(posted, cohort.timezone)) if posted else "posted"
    if claim is not None and claim.status == "skipped":
        return texts.WEEK_SKIPPED.format(why=claim.error or "skipped", week=week)
    if week in cohort.skipped_weeks:
        return texts.WEEK_WILL_SKIP.format(week=week)
    if claim is not None:
        return texts.WEEK_RETRYING.format(status=claim.status)
    if cohort.paused:
        return texts.WEEK_PAUSED
    return texts.WEEK_NEXT if week == upcoming else texts.WEEK_UPCOMING
