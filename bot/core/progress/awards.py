"""Granting badges: on each event for the learner it touches, and in a full reconcile.

A grant is idempotent (unique learner + badge) and never revoked. A new grant is announced once:
in the reply that caused it, and queued for the cohort channel when the cohort and the learner
opt in. Grants backfilled more than ANNOUNCE_WINDOW after they were earned are never announced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.core.clock import as_utc
from bot.core.progress import texts
from bot.core.progress.records import build_record
from curriculum.badges import Grant, LearnerRecord, evaluate_all, module_completions
from storage.tables import BadgeAward, Learner

if TYPE_CHECKING:
    from bot.bootstrap import Services

ANNOUNCE_WINDOW = timedelta(days=2)


@dataclass
class Outcome:
    """What one refresh changed: modules newly complete and badges newly granted."""

    completed: list[str] = field(default_factory=list)
    granted: list[BadgeAward] = field(default_factory=list)


def is_fresh(earned_at: datetime, now: datetime) -> bool:
    """Whether a grant is recent enough to announce."""
    return now - as_utc(earned_at) <= ANNOUNCE_WINDOW


def _stamp_completions(services: Services, learner_id: int, record: LearnerRecord) -> list[str]:
    new: list[str] = []
    for module_id, when in sorted(module_completions(record, services.curriculum.modules).items()):
        if services.events.record(
            learner_id,
            "module_completed",
            when,
            subject=module_id,
            dedupe_key=f"module-completed:{learner_id}:{module_id}",
        ):
            new.append(module_id)
        services.projects.stamp_completed(learner_id, module_id, when)
    return new


def _grant(services: Services, learner: Learner, grant: Grant, now: datetime) -> BadgeAward | None:
    assert learner.id is not None
    cohort = services.community.cohort_of(learner.id)
    to_channel = (
        cohort is not None
        and cohort.announce_badges
        and learner.announce_badges
        and is_fresh(grant.earned_at, now)
    )
    return services.badges.grant(
        learner.id,
        grant.badge_id,
        earned_at=grant.earned_at,
        evidence=grant.evidence,
        now=now,
        announced_at=None if to_channel else now,
    )


def refresh(services: Services, learner: Learner) -> Outcome:
    """Stamp newly complete modules and grant every badge the learner has newly earned."""
    assert learner.id is not None
    record = build_record(services, learner)
    now = services.clock.now()
    outcome = Outcome(completed=_stamp_completions(services, learner.id, record))
    for grant in evaluate_all(record, services.curriculum):
        award = _grant(services, learner, grant, now)
        if award is not None:
            outcome.granted.append(award)
    return outcome


def reply_lines(services: Services, outcome: Outcome, *, approval: bool = False) -> list[str]:
    """The lines a reply adds for what just happened: completed modules and fresh badges."""
    how = "approved" if approval else "submitted"
    lines = [texts.MODULE_COMPLETE.format(module=m, how=how) for m in outcome.completed]
    now = services.clock.now()
    by_id = {b.id: b for b in services.curriculum.badges}
    for award in outcome.granted:
        badge = by_id.get(award.badge_id)
        if badge is not None and is_fresh(award.earned_at, now):
            line = texts.NEW_BADGE.format(emoji=badge.emoji, name=badge.name, seed=badge.seed_text)
            lines.append(line)
    return lines


def after_event(services: Services, learner: Learner, *, approval: bool = False) -> list[str]:
    """Refresh one learner after an event and return the lines to add to the reply."""
    return reply_lines(services, refresh(services, learner), approval=approval)


@dataclass
class ReconcileReport:
    """What a full reconcile did."""

    learners: int = 0
    completed: int = 0
    granted: list[tuple[str, str]] = field(default_factory=list)


def reconcile(services: Services) -> ReconcileReport:
    """Re-evaluate every learner; running it twice grants nothing the second time."""
    report = ReconcileReport()
    for learner_id in services.community.learner_ids():
        learner = services.learners.get(learner_id)
        if learner is None:
            continue
        outcome = refresh(services, learner)
        report.learners += 1
        report.completed += len(outcome.completed)
        name = learner.display_name or learner.user_id
        report.granted += [(name, a.badge_id) for a in outcome.granted]
    return report
