"""The project review queue, shared by chat (`/project pending`) and the web dashboard.

A submission waits for review when it is the newest for its (learner, module) and its cohort
requires approval. Reviewing is safe to repeat: a second approve says "already approved".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.core.progress import after_event
from storage.tables import Cohort, Learner, ProjectSubmission

if TYPE_CHECKING:
    from bot.bootstrap import Services

NOTE_LIMIT = 1000


class Outcome(StrEnum):
    """What a review decision did."""

    APPROVED = "approved"
    CHANGES = "changes"
    ALREADY_APPROVED = "already_approved"
    ALREADY_CHANGES = "already_changes"
    SUPERSEDED = "superseded"
    NOTE_NEEDED = "note_needed"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Pending:
    """One submission in the queue, with the learner who sent it."""

    submission: ProjectSubmission
    learner: Learner

    @property
    def name(self) -> str:
        return self.learner.display_name or self.learner.user_id


@dataclass(frozen=True)
class Decision:
    """The result of a review: the outcome, the submission and learner, and progress lines."""

    outcome: Outcome
    submission: ProjectSubmission | None = None
    learner: Learner | None = None
    progress_lines: tuple[str, ...] = ()


def pending(services: Services, cohort: Cohort) -> list[Pending]:
    """The cohort's submissions waiting for review, oldest first."""
    assert cohort.id is not None
    members = {m.id: m for m in services.community.members(cohort.id) if m.id is not None}
    rows = services.projects.waiting(list(members))
    return [Pending(r, members[r.learner_id]) for r in rows]


def submission_in(services: Services, cohort: Cohort, submission_id: int) -> Pending | None:
    """A submission of one of the cohort's members, else None (another cohort's id)."""
    assert cohort.id is not None
    row = services.projects.get(submission_id)
    if row is None:
        return None
    members = {m.id: m for m in services.community.members(cohort.id)}
    learner = members.get(row.learner_id)
    return None if learner is None else Pending(row, learner)


def decide(
    services: Services,
    cohort: Cohort,
    submission_id: int,
    *,
    approve: bool,
    note: str = "",
    reviewer_id: int | None = None,
) -> Decision:
    """Approve a submission or ask for changes (a note is required); repeat-safe."""
    found = submission_in(services, cohort, submission_id)
    if found is None:
        return Decision(Outcome.NOT_FOUND)
    row, learner = found.submission, found.learner
    note = note.strip()[:NOTE_LIMIT]
    if not approve and not note:
        return Decision(Outcome.NOTE_NEEDED, row, learner)
    if row.status == "approved":
        return Decision(Outcome.ALREADY_APPROVED, row, learner)
    if row.status == "changes":
        return Decision(Outcome.ALREADY_CHANGES, row, learner)
    latest = services.projects.latest(row.learner_id, row.module_id)
    if latest is None or latest.id != row.id:
        return Decision(Outcome.SUPERSEDED, row, learner)
    return _apply(services, row, learner, approve=approve, note=note, reviewer_id=reviewer_id)


def _apply(
    services: Services,
    row: ProjectSubmission,
    learner: Learner,
    *,
    approve: bool,
    note: str,
    reviewer_id: int | None,
) -> Decision:
    assert row.id is not None and learner.id is not None
    status = "approved" if approve else "changes"
    now = services.clock.now()
    updated = services.projects.review(row.id, status, now, note=note or None, by=reviewer_id)
    services.events.record(
        learner.id,
        "project_reviewed",
        now,
        subject=row.module_id,
        data={"submission": row.id, "status": status, "note": note[:500]},
        dedupe_key=f"project-review:{row.id}:{status}",
    )
    if not approve:
        return Decision(Outcome.CHANGES, updated, learner)
    lines = tuple(after_event(services, learner, approval=True))
    return Decision(Outcome.APPROVED, updated, learner, lines)
