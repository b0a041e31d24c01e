"""Per-module progress: attempts, best score, when the quiz was first passed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from storage.engine import Database
from storage.tables import ModuleProgress


class ProgressRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def of(self, learner_id: int) -> dict[str, ModuleProgress]:
        with self.db.session() as s:
            rows = s.exec(select(ModuleProgress).where(ModuleProgress.learner_id == learner_id))
            return {row.module_id: row for row in rows}

    def record_attempt(
        self, learner_id: int, module_id: str, percent: int, passed: bool, when: datetime
    ) -> ModuleProgress:
        """Count an attempt, keep the best score, stamp the first pass."""
        for _ in range(2):
            try:
                with self.db.guarded() as s:
                    row = s.exec(
                        select(ModuleProgress)
                        .where(
                            ModuleProgress.learner_id == learner_id,
                            ModuleProgress.module_id == module_id,
                        )
                        .with_for_update()
                    ).first()
                    if row is None:
                        row = ModuleProgress(
                            learner_id=learner_id, module_id=module_id, first_attempt_at=when
                        )
                    row.attempts += 1
                    row.best_percent = max(row.best_percent, percent)
                    if passed and row.quiz_passed_at is None:
                        row.quiz_passed_at = when
                    s.add(row)
                return row
            except IntegrityError:
                continue
        raise RuntimeError("could not record the quiz attempt")
