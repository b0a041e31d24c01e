"""`/cohort report` per learner: track week, modules passed, last active, pending projects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.core.clock import as_utc
from bot.core.projects.history import latest_per_module
from curriculum.catalog.models import Track
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort, Learner

if TYPE_CHECKING:
    from bot.bootstrap import Services


@dataclass(frozen=True)
class LearnerRow:
    name: str
    week: int
    passed: int
    last_active: datetime | None
    pending: int


def track_week(track: Track, passed: set[str]) -> int:
    """The first week of the track whose modules the learner has not all passed."""
    open_weeks = (w.week for w in track.weeks if not set(w.modules) <= passed)
    return next(open_weeks, len(track.weeks))


def learners_of(services: Services, cohort: Cohort) -> list[Learner]:
    """The cohort's learners: its members, without anyone who acted as its admin."""
    assert cohort.id is not None
    admins = CohortRepository(services.db).admin_ids(cohort.id)
    if cohort.created_by is not None:
        admins.add(cohort.created_by)
    members = services.community.members(cohort.id)
    return [m for m in members if m.id is not None and m.id not in admins]


def learner_rows(services: Services, cohort: Cohort, track: Track) -> list[LearnerRow]:
    rows = []
    for learner in learners_of(services, cohort):
        assert learner.id is not None
        progress = services.progress.of(learner.id)
        passed = {mid for mid, p in progress.items() if p.quiz_passed_at}
        events = services.events.of(learner.id)
        last = as_utc(events[-1].occurred_at) if events else None
        projects = latest_per_module(services.projects.of(learner.id))
        rows.append(
            LearnerRow(
                name=learner.display_name or learner.user_id,
                week=track_week(track, passed),
                passed=len(passed),
                last_active=last,
                pending=sum(1 for p in projects if p.status == "submitted"),
            )
        )
    return sorted(rows, key=lambda r: (r.week, r.passed, r.name))


def render_table(rows: list[LearnerRow], zone: str, weeks: int) -> list[str]:
    """A monospace table (a code block) that lines up in every chat."""
    head = f"{'learner':<16} {'week':>7} {'passed':>6} {'last active':<12} {'pending':>7}"
    lines = ["```", head]
    for r in rows:
        last = r.last_active.astimezone(ZoneInfo(zone)).strftime("%d %b") if r.last_active else "-"
        week = f"{r.week}/{weeks}"
        lines.append(f"{r.name[:16]:<16} {week:>7} {r.passed:>6} {last:<12} {r.pending:>7}")
    lines.append("```")
    return lines
