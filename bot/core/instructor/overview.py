"""A cohort at a glance: members, module-by-learner completion, quiz results, weekly posts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.core.clock import as_utc
from bot.core.cohort.learners import learners_of
from bot.core.progress.stats import study_streak
from curriculum.quiz.scoring import is_pass
from scheduler.poster import schedule_of
from storage.repositories.claims import ClaimRepository
from storage.repositories.instructor_stats import InstructorStatsRepository
from storage.tables import Cohort, Learner

if TYPE_CHECKING:
    from bot.bootstrap import Services


@dataclass(frozen=True)
class MemberRow:
    """One learner's line in the members table."""

    learner_id: int
    name: str
    position: int
    """How many of the track's modules the learner completed, in track order, without a gap."""
    modules_completed: int
    last_active: datetime | None
    streak: int
    projects_pending: int
    reviews_due: int


@dataclass(frozen=True)
class ModuleResult:
    module_id: str
    title: str
    attempts: int
    pass_rate: int
    average_score: int


@dataclass(frozen=True)
class WeekRow:
    week: int
    title: str
    status: str
    """posted, skipped, failed, posting, upcoming, paused."""
    when: str
    detail: str = ""


def track_modules(services: Services, cohort: Cohort) -> list[str]:
    """The track's modules in the order the weeks teach them."""
    seen: list[str] = []
    for week in services.curriculum.tracks[cohort.track_id].weeks:
        seen += [m for m in week.modules if m not in seen]
    return seen


def members(services: Services, cohort: Cohort) -> list[MemberRow]:
    """The members table (sorting happens in the page)."""
    people = learners_of(services, cohort)
    ids = [p.id for p in people if p.id is not None]
    stats = InstructorStatsRepository(services.db)
    now = services.clock.now()
    done = completion(services, cohort, people)
    last, times = stats.last_active(ids), stats.answer_times(ids)
    due = stats.reviews_due(ids, now)
    waiting = services.projects.waiting(ids)
    zone = ZoneInfo(cohort.timezone)
    order = track_modules(services, cohort)
    rows = []
    for p in people:
        assert p.id is not None
        states = done.get(p.id, {})
        position = next((i for i, m in enumerate(order) if states.get(m) != 2), len(order))
        rows.append(
            MemberRow(
                learner_id=p.id,
                name=p.display_name or p.user_id,
                position=position,
                modules_completed=sum(1 for v in states.values() if v == 2),
                last_active=as_utc(last[p.id]) if p.id in last else None,
                streak=study_streak(times.get(p.id, []), zone, now.astimezone(zone).date()),
                projects_pending=sum(1 for w in waiting if w.learner_id == p.id),
                reviews_due=due.get(p.id, 0),
            )
        )
    return rows


def completion(
    services: Services, cohort: Cohort, people: list[Learner]
) -> dict[int, dict[str, int]]:
    """learner id -> module -> 0 not started, 1 attempted, 2 completed (quiz + project)."""
    ids = [p.id for p in people if p.id is not None]
    found: dict[int, dict[str, int]] = {}
    for row in InstructorStatsRepository(services.db).progress(ids):
        state = 2 if row.completed_at else 1 if row.attempts or row.quiz_passed_at else 0
        found.setdefault(row.learner_id, {})[row.module_id] = state
    return found


def module_results(services: Services, cohort: Cohort) -> list[ModuleResult]:
    """Quiz pass rate and average score per module, in track order."""
    ids = [p.id for p in learners_of(services, cohort) if p.id is not None]
    sessions = InstructorStatsRepository(services.db).finished_module_quizzes(ids)
    by_module: dict[str, list[tuple[int, int]]] = {}
    for s in sessions:
        by_module.setdefault(s.target, []).append((s.correct, len(s.question_ids)))
    order = track_modules(services, cohort)
    order += sorted(m for m in by_module if m not in order)
    results = []
    for module_id in order:
        runs = by_module.get(module_id, [])
        if not runs:
            continue
        passes = sum(1 for c, n in runs if is_pass(c, n))
        average = sum(100 * c // max(1, n) for c, n in runs) // len(runs)
        module = services.curriculum.modules.get(module_id)
        title = module.title if module else module_id
        results.append(
            ModuleResult(module_id, title, len(runs), 100 * passes // len(runs), average)
        )
    return results


def timeline(services: Services, cohort: Cohort) -> list[WeekRow]:
    """Every week of the track: posted, skipped, failed or upcoming, with local times."""
    assert cohort.id is not None
    track = services.curriculum.tracks[cohort.track_id]
    sched = schedule_of(cohort, len(track.weeks))
    claims = {c.week: c for c in ClaimRepository(services.db).of_cohort(cohort.id)}
    zone = ZoneInfo(cohort.timezone)
    rows = []
    for week in track.weeks:
        when = sched.fire_time(week.week).astimezone(zone).strftime("%a %d %b %Y %H:%M %Z")
        claim = claims.get(week.week)
        if claim is not None:
            rows.append(WeekRow(week.week, week.title, claim.status, when, claim.error or ""))
        elif week.week in cohort.skipped_weeks:
            rows.append(WeekRow(week.week, week.title, "skipped", when, "skipped by an admin"))
        else:
            status = "paused" if cohort.paused else "upcoming"
            rows.append(WeekRow(week.week, week.title, status, when))
    return rows


def current_week(services: Services, cohort: Cohort) -> int:
    """The newest week whose post time has passed (0 before the start)."""
    track = services.curriculum.tracks[cohort.track_id]
    sched = schedule_of(cohort, len(track.weeks))
    now = services.clock.now()
    return max((w.week for w in track.weeks if sched.fire_time(w.week) <= now), default=0)


def next_post(services: Services, cohort: Cohort) -> str:
    """The next week due and its local time, or what stops it."""
    track = services.curriculum.tracks[cohort.track_id]
    nxt = schedule_of(cohort, len(track.weeks)).next_due(services.clock.now())
    if cohort.paused:
        return "paused"
    if nxt is None:
        return "track finished"
    local = nxt[1].astimezone(ZoneInfo(cohort.timezone)).strftime("%a %d %b %H:%M %Z")
    return f"week {nxt[0]}, {local}"
