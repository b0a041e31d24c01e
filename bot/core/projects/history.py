"""A learner's projects as they stand: the newest per module, with the reviewer's note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.tables import ProjectSubmission

if TYPE_CHECKING:
    from bot.bootstrap import Services

REVIEWED = "project_reviewed"


def latest_per_module(rows: list[ProjectSubmission]) -> list[ProjectSubmission]:
    """The newest submission of each module (a resubmission replaces the earlier one)."""
    newest: dict[str, ProjectSubmission] = {}
    for row in rows:  # oldest first, so later rows win
        newest[row.module_id] = row
    return sorted(newest.values(), key=lambda r: r.module_id)


def reviewer_notes(services: Services, learner_id: int) -> dict[int, str]:
    """The note a reviewer left on each submission they sent back, by submission id."""
    notes: dict[int, str] = {}
    for event in services.events.of(learner_id, REVIEWED):
        submission, note = event.data.get("submission"), event.data.get("note")
        if isinstance(submission, int) and isinstance(note, str) and note:
            notes[submission] = note
    return notes
