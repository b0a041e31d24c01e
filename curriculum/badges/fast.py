"""Fast Learner: a level completed under its plan and faster than the cohort so far."""

from __future__ import annotations

from typing import Any

from curriculum.badges.completion import level_run
from curriculum.badges.record import Grant, LearnerRecord
from curriculum.catalog.models import Curriculum, Level


def fast_learner(
    badge_id: str, record: LearnerRecord, curriculum: Curriculum, params: dict[str, Any]
) -> Grant | None:
    """The earliest level run shorter than plan_weeks × 7 days and every earlier cohort run."""
    plan_weeks: dict[str, int] = dict(params["plan_weeks"])
    best: Grant | None = None
    for level in Level:
        run = level_run(record, curriculum, level)
        if run is None or level.value not in plan_weeks:
            continue
        plan_days = plan_weeks[level.value] * 7
        earlier = [
            r.days
            for r in record.cohort_runs
            if r.level == level.value and r.completed_at < run.completed_at
        ]
        if run.days >= plan_days or any(run.days >= days for days in earlier):
            continue
        if best is None or run.completed_at < best.earned_at:
            evidence = {
                "level": level.value,
                "days": run.days,
                "plan_days": plan_days,
                "cohort_record_days": min(earlier) if earlier else None,
            }
            best = Grant(badge_id, run.completed_at, evidence)
    return best
