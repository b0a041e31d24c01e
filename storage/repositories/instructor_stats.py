"""Read-only aggregates over a set of learners for the instructor dashboard."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlmodel import col, func, select

from storage.engine import Database
from storage.tables import (
    AnswerFeedback,
    AskedQuestion,
    Event,
    ModuleProgress,
    QuizAnswer,
    QuizSession,
    ReviewCard,
)


class InstructorStatsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def last_active(self, learner_ids: list[int]) -> dict[int, datetime]:
        """The time of each learner's newest event."""
        with self.db.session() as s:
            rows = s.exec(
                select(Event.learner_id, func.max(Event.occurred_at))
                .where(col(Event.learner_id).in_(learner_ids))
                .group_by(col(Event.learner_id))
            )
            return {lid: when for lid, when in rows if when is not None}

    def answer_times(self, learner_ids: list[int]) -> dict[int, list[datetime]]:
        """When each learner answered quiz questions (for streaks)."""
        found: dict[int, list[datetime]] = defaultdict(list)
        with self.db.session() as s:
            rows = s.exec(
                select(QuizAnswer.learner_id, QuizAnswer.answered_at).where(
                    col(QuizAnswer.learner_id).in_(learner_ids)
                )
            )
            for lid, when in rows:
                found[lid].append(when)
        return found

    def progress(self, learner_ids: list[int]) -> list[ModuleProgress]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(ModuleProgress).where(col(ModuleProgress.learner_id).in_(learner_ids))
                )
            )

    def reviews_due(self, learner_ids: list[int], now: datetime) -> dict[int, int]:
        with self.db.session() as s:
            rows = s.exec(
                select(ReviewCard.learner_id, func.count())
                .where(col(ReviewCard.learner_id).in_(learner_ids), ReviewCard.due_at <= now)
                .group_by(col(ReviewCard.learner_id))
            )
            return {lid: int(n) for lid, n in rows}

    def finished_module_quizzes(self, learner_ids: list[int]) -> list[QuizSession]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(QuizSession).where(
                        col(QuizSession.learner_id).in_(learner_ids),
                        QuizSession.kind == "module",
                        col(QuizSession.status).in_(["finished", "expired"]),
                    )
                )
            )

    def answers(self, learner_ids: list[int]) -> list[tuple[QuizAnswer, list[int]]]:
        """Each quiz answer with the choice order its session displayed for that question."""
        with self.db.session() as s:
            rows = s.exec(
                select(QuizAnswer, QuizSession.choice_orders)
                .join(QuizSession, col(QuizSession.id) == col(QuizAnswer.session_id))
                .where(col(QuizAnswer.learner_id).in_(learner_ids))
            )
            return [(a, list(orders.get(a.question_id, []))) for a, orders in rows]

    def gap_questions(self, learner_ids: list[int], limit: int = 500) -> list[AskedQuestion]:
        """Declined questions and answers someone marked unhelpful, newest first."""
        disliked = select(AnswerFeedback.question_id).where(col(AnswerFeedback.helpful).is_(False))
        with self.db.session() as s:
            return list(
                s.exec(
                    select(AskedQuestion)
                    .where(
                        col(AskedQuestion.learner_id).in_(learner_ids),
                        col(AskedQuestion.declined) | col(AskedQuestion.id).in_(disliked),
                    )
                    .order_by(col(AskedQuestion.id).desc())
                    .limit(limit)
                )
            )

    def asked_by(self, learner_id: int, limit: int = 50) -> list[AskedQuestion]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(AskedQuestion)
                    .where(AskedQuestion.learner_id == learner_id)
                    .order_by(col(AskedQuestion.id).desc())
                    .limit(limit)
                )
            )
