"""When modules and levels became complete (quiz bar met AND project counted)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from curriculum.badges.record import PASS_BAR, LearnerRecord, LevelRun
from curriculum.catalog.models import Curriculum, Level


def module_completed_at(
    record: LearnerRecord, module_id: str, bar: int = PASS_BAR
) -> datetime | None:
    """The time both halves were true: a quiz at or above `bar`, and the project counted."""
    project = record.projects_accepted.get(module_id)
    passes = [p.at for p in record.passes if p.module_id == module_id and p.percent >= bar]
    if project is None or not passes:
        return None
    return max(min(passes), project)


def module_completions(
    record: LearnerRecord, module_ids: Iterable[str], bar: int = PASS_BAR
) -> dict[str, datetime]:
    """The complete modules among `module_ids`, each with its completion time."""
    found = {m: module_completed_at(record, m, bar) for m in module_ids}
    return {m: when for m, when in found.items() if when is not None}


def all_complete_at(
    record: LearnerRecord, module_ids: list[str], bar: int = PASS_BAR
) -> tuple[datetime, dict[str, datetime]] | None:
    """When the last of `module_ids` became complete, or None while any is missing."""
    done = module_completions(record, module_ids, bar)
    if not module_ids or len(done) < len(module_ids):
        return None
    return max(done.values()), done


def level_run(record: LearnerRecord, curriculum: Curriculum, level: Level) -> LevelRun | None:
    """A completed level and its length in calendar days (learner's time zone).

    The run starts at the first quiz attempt on any module of the level and ends when the level
    became complete.
    """
    ids = [m.id for m in curriculum.modules_of(level)]
    complete = all_complete_at(record, ids)
    if complete is None:
        return None
    starts = [record.first_attempts[m] for m in ids if m in record.first_attempts]
    start = min(starts) if starts else complete[0]
    days = (record.local_date(complete[0]) - record.local_date(start)).days
    return LevelRun(level.value, complete[0], days)
