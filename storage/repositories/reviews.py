"""Review cards: missed questions scheduled for spaced repetition."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import col, func, select

from storage.engine import Database
from storage.tables import ReviewCard


class ReviewRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, learner_id: int, question_id: str) -> ReviewCard | None:
        with self.db.session() as s:
            return s.exec(
                select(ReviewCard).where(
                    ReviewCard.learner_id == learner_id, ReviewCard.question_id == question_id
                )
            ).first()

    def save(
        self, learner_id: int, question_id: str, card: dict[str, Any], due: datetime, reviewed: bool
    ) -> None:
        """Create or update the learner's card for this question."""
        with self.db.session() as s:
            row = s.exec(
                select(ReviewCard).where(
                    ReviewCard.learner_id == learner_id, ReviewCard.question_id == question_id
                )
            ).first()
            if row is None:
                row = ReviewCard(learner_id=learner_id, question_id=question_id)
            row.card = card
            row.due_at = due
            row.reviews += 1 if reviewed else 0
            s.add(row)

    def due(self, learner_id: int, now: datetime, limit: int) -> list[ReviewCard]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(ReviewCard)
                    .where(ReviewCard.learner_id == learner_id, ReviewCard.due_at <= now)
                    .order_by(col(ReviewCard.due_at))
                    .limit(limit)
                )
            )

    def next_due(self, learner_id: int, now: datetime) -> datetime | None:
        """When the learner's next card comes due after `now` (None when no card is waiting)."""
        with self.db.session() as s:
            return s.exec(
                select(func.min(ReviewCard.due_at)).where(
                    ReviewCard.learner_id == learner_id, ReviewCard.due_at > now
                )
            ).one()

    def count_due(self, learner_id: int, now: datetime) -> int:
        with self.db.session() as s:
            return s.exec(
                select(func.count())
                .select_from(ReviewCard)
                .where(ReviewCard.learner_id == learner_id, ReviewCard.due_at <= now)
            ).one()
