"""Project submissions and their review, plus the module-completion stamp they lead to."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from storage.engine import Database
from storage.tables import ModuleProgress, ProjectSubmission


class ProjectRepository:
    """Submissions are kept as history: a resubmission adds a row, reviews update the newest."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def submit(
        self, learner_id: int, module_id: str, url: str, note: str, now: datetime
    ) -> tuple[ProjectSubmission, bool]:
        """Record a submission; (existing row, False) when the same link is already pending."""
        latest = self.latest(learner_id, module_id)
        if latest is not None and latest.url == url and latest.status == "submitted":
            return latest, False
        with self.db.session() as s:
            row = ProjectSubmission(
                learner_id=learner_id,
                module_id=module_id,
                url=url[:2000],
                note=note[:1000],
                submitted_at=now,
            )
            s.add(row)
        return row, True

    def of(self, learner_id: int) -> list[ProjectSubmission]:
        """Every submission of the learner, oldest first."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(ProjectSubmission)
                    .where(ProjectSubmission.learner_id == learner_id)
                    .order_by(col(ProjectSubmission.submitted_at), col(ProjectSubmission.id))
                )
            )

    def latest(self, learner_id: int, module_id: str) -> ProjectSubmission | None:
        """The newest submission for a module."""
        rows = [r for r in self.of(learner_id) if r.module_id == module_id]
        return rows[-1] if rows else None

    def review(
        self,
        submission_id: int,
        status: str,
        now: datetime,
        *,
        note: str | None = None,
        by: int | None = None,
    ) -> ProjectSubmission:
        """Set a submission's status (`approved` or `changes`), the note, and the review time."""
        with self.db.session() as s:
            row = s.get(ProjectSubmission, submission_id)
            assert row is not None
            row.status = status
            row.reviewed_at = now
            row.review_note = note[:1000] if note else None
            row.reviewed_by = by
            s.add(row)
        return row

    def get(self, submission_id: int) -> ProjectSubmission | None:
        """One submission by id."""
        with self.db.session() as s:
            return s.get(ProjectSubmission, submission_id)

    def waiting(self, learner_ids: list[int]) -> list[ProjectSubmission]:
        """The newest submission per (learner, module) still waiting for review, oldest first."""
        if not learner_ids:
            return []
        with self.db.session() as s:
            rows = list(
                s.exec(
                    select(ProjectSubmission)
                    .where(col(ProjectSubmission.learner_id).in_(learner_ids))
                    .order_by(col(ProjectSubmission.submitted_at), col(ProjectSubmission.id))
                )
            )
        newest: dict[tuple[int, str], ProjectSubmission] = {}
        for row in rows:
            newest[(row.learner_id, row.module_id)] = row
        waiting = [r for r in newest.values() if r.status == "submitted"]
        return sorted(waiting, key=lambda r: (r.submitted_at, r.id or 0))

    def stamp_completed(self, learner_id: int, module_id: str, when: datetime) -> bool:
        """Set ModuleProgress.completed_at once; False when it was already set."""
        with self.db.session() as s:
            row = s.exec(
                select(ModuleProgress).where(
                    ModuleProgress.learner_id == learner_id, ModuleProgress.module_id == module_id
                )
            ).first()
            if row is None or row.completed_at is not None:
                return False
            row.completed_at = when
            s.add(row)
            return True
