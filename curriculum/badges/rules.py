"""The twelve badges as data (badges.yaml) plus code: evaluate each kind of rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curriculum.badges.completion import all_complete_at, module_completions
from curriculum.badges.fast import fast_learner
from curriculum.badges.innovator import counted_contributions, innovator
from curriculum.badges.interview import interview_progress, interview_ready
from curriculum.badges.record import PASS_BAR, Grant, LearnerRecord
from curriculum.catalog.models import Badge, Curriculum, Level


@dataclass(frozen=True)
class BadgeProgress:
    """How far a learner is toward a badge, e.g. 3/5 modules."""

    badge_id: str
    done: int
    total: int
    unit: str


def _modules_for(badge: Badge, curriculum: Curriculum) -> tuple[list[str], int]:
    """The modules a level or specialty badge needs, and the quiz bar for them."""
    params = badge.params
    if badge.kind == "level":
        return [m.id for m in curriculum.modules_of(Level(str(params["level"])))], PASS_BAR
    tagged = [m.id for m in curriculum.ordered_modules() if params["tag"] in m.tags]
    return tagged, int(str(params.get("min_best_percent", PASS_BAR)))


def _all_modules(badge: Badge, record: LearnerRecord, curriculum: Curriculum) -> Grant | None:
    ids, bar = _modules_for(badge, curriculum)
    complete = all_complete_at(record, ids, bar)
    if complete is None:
        return None
    when, done = complete
    modules = {m: t.isoformat() for m, t in sorted(done.items())}
    return Grant(badge.id, when, {"modules": modules, "min_best_percent": bar})


def _n_modules(badge: Badge, record: LearnerRecord, curriculum: Curriculum) -> Grant | None:
    need = int(str(badge.params["modules"]))
    done = module_completions(record, curriculum.modules)
    if len(done) < need:
        return None
    first = sorted(done.items(), key=lambda pair: (pair[1], pair[0]))[:need]
    return Grant(badge.id, first[-1][1], {"modules": {m: t.isoformat() for m, t in first}})


def evaluate(badge: Badge, record: LearnerRecord, curriculum: Curriculum) -> Grant | None:
    """The grant this badge's rule gives the learner, or None while the bar is not met."""
    params: dict[str, Any] = dict(badge.params)
    if badge.kind in ("level", "specialty"):
        return _all_modules(badge, record, curriculum)
    if "modules" in params:
        return _n_modules(badge, record, curriculum)
    if "plan_weeks" in params:
        return fast_learner(badge.id, record, curriculum, params)
    if "contributions" in params:
        return innovator(badge.id, record, params)
    if "practised" in params:
        return interview_ready(badge.id, record, params)
    raise ValueError(f"badge {badge.id}: no rule understands params {sorted(params)}")


def evaluate_all(record: LearnerRecord, curriculum: Curriculum) -> list[Grant]:
    """Every badge whose threshold the learner has crossed (held or not)."""
    found = (evaluate(b, record, curriculum) for b in curriculum.badges)
    return [g for g in found if g is not None]


def progress_toward(badge: Badge, record: LearnerRecord, curriculum: Curriculum) -> BadgeProgress:
    """How far along the learner is, in the unit the badge counts."""
    params: dict[str, Any] = dict(badge.params)
    if badge.kind in ("level", "specialty"):
        ids, bar = _modules_for(badge, curriculum)
        unit = "modules" if bar == PASS_BAR else f"modules at {bar}%+"
        return BadgeProgress(badge.id, len(module_completions(record, ids, bar)), len(ids), unit)
    if "modules" in params:
        done = len(module_completions(record, curriculum.modules))
        need = int(params["modules"])
        return BadgeProgress(badge.id, min(done, need), need, "modules")
    if "contributions" in params:
        counted = counted_contributions(record, params)
        need = int(params["contributions"])
        days = len({c.day for c in counted})
        unit = f"acknowledged contributions ({days}/{params['distinct_days']} days)"
        return BadgeProgress(badge.id, min(len(counted), need), need, unit)
    if "practised" in params:
        return BadgeProgress(badge.id, *interview_progress(record, params))
    return _fast_progress(badge, record, curriculum)


def _fast_progress(badge: Badge, record: LearnerRecord, curriculum: Curriculum) -> BadgeProgress:
    """Fast Learner: the modules done in the first level not yet complete."""
    for level in Level:
        ids = [m.id for m in curriculum.modules_of(level)]
        done = len(module_completions(record, ids))
        if done < len(ids):
            weeks: dict[str, Any] = dict(badge.params["plan_weeks"])  # type: ignore[call-overload]
            unit = f"{level.value} modules, within {int(weeks[level.value]) * 7} days"
            return BadgeProgress(badge.id, done, len(ids), unit)
    return BadgeProgress(badge.id, 1, 1, "levels")
