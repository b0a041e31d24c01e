"""The weekly post: the track week, an optional digest of last week, a note when late."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.reply import Reply
from bot.core.weekly import render_week
from curriculum.catalog.models import Curriculum
from scheduler import texts
from storage.repositories.cohort_stats import CohortStatsRepository
from storage.tables import Cohort


def digest(stats: CohortStatsRepository, cohort: Cohort, fire_time: datetime) -> str:
    """Quizzes passed and badges earned by members in the seven days before the post."""
    assert cohort.id is not None
    start = fire_time - timedelta(days=7)
    passes = stats.passes_between(cohort.id, start, fire_time)
    badges = stats.badges_between(cohort.id, start, fire_time)
    lines = [texts.DIGEST_HEADER]
    if passes:
        lines.append(texts.DIGEST_PASSES.format(items=", ".join(f"{n} ({m})" for n, m in passes)))
    if badges:
        lines.append(texts.DIGEST_BADGES.format(items=", ".join(f"{n} ({b})" for n, b in badges)))
    if len(lines) == 1:
        lines.append(texts.DIGEST_QUIET)
    return "\n".join(lines)


def weekly_post(
    cur: Curriculum,
    stats: CohortStatsRepository,
    cohort: Cohort,
    week: int,
    fire_time: datetime,
    late: bool = False,
) -> Reply:
    """The post for `week` of the cohort's track (in the channel, not in a thread)."""
    track = cur.tracks[cohort.track_id]
    track_week = track.week(week)
    assert track_week is not None
    body = [render_week(track, track_week)]
    if cohort.digest and week > 1:
        body.append(digest(stats, cohort, fire_time))
    if late:
        local = fire_time.astimezone(ZoneInfo(cohort.timezone)).strftime("%a %d %b %H:%M %Z")
        body.append(texts.LATE_NOTE.format(week=week, when=local))
    return Reply.text("\n\n".join(body), in_thread=False)
