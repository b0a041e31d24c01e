"""Questions put to the tutor, the answers given, and learners' feedback on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, func, select

from storage.engine import Database
from storage.tables import AnswerFeedback, AskedQuestion


class QuestionRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self,
        *,
        learner_id: int,
        thread_key: str,
        question: str,
        answer: str,
        declined: bool,
        citations: list[dict[str, Any]],
        now: datetime,
    ) -> int:
        """Store a question and its answer; returns its id (feedback hangs on it)."""
        with self.db.session() as s:
            row = AskedQuestion(
                learner_id=learner_id,
                thread_key=thread_key,
                question=question[:4000],
                answer=answer[:8000],
                declined=declined,
                citations=citations,
                asked_at=now,
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id

    def thread_history(self, thread_key: str, limit: int = 4) -> list[str]:
        """The thread's earlier questions, oldest first (context for follow-ups)."""
        with self.db.session() as s:
            rows = s.exec(
                select(AskedQuestion.question)
                .where(AskedQuestion.thread_key == thread_key)
                .order_by(col(AskedQuestion.id).desc())
                .limit(limit)
            )
            return list(reversed(list(rows)))

    def count_since(self, learner_id: int, since: datetime) -> int:
        with self.db.session() as s:
            return s.exec(
                select(func.count())
                .select_from(AskedQuestion)
                .where(AskedQuestion.learner_id == learner_id, AskedQuestion.asked_at >= since)
            ).one()

    def exists(self, question_id: int) -> bool:
        with self.db.session() as s:
            return s.get(AskedQuestion, question_id) is not None

    def feedback(self, question_id: int, learner_id: int, helpful: bool, now: datetime) -> None:
        """One vote per learner per answer; voting again changes the vote."""
        try:
            self._vote(question_id, learner_id, helpful, now)
        except IntegrityError:  # a simultaneous double click inserted first: update instead
            self._vote(question_id, learner_id, helpful, now)

    def _vote(self, question_id: int, learner_id: int, helpful: bool, now: datetime) -> None:
        with self.db.guarded() as s:
            row = s.exec(
                select(AnswerFeedback).where(
                    AnswerFeedback.question_id == question_id,
                    AnswerFeedback.learner_id == learner_id,
                )
            ).first()
            row = row or AnswerFeedback(
                question_id=question_id, learner_id=learner_id, helpful=helpful
            )
            row.helpful = helpful
            row.given_at = now
            s.add(row)

    def votes(self, question_id: int) -> dict[bool, int]:
        with self.db.session() as s:
            rows = s.exec(
                select(AnswerFeedback.helpful, func.count())
                .where(AnswerFeedback.question_id == question_id)
                .group_by(col(AnswerFeedback.helpful))
            )
            return {bool(helpful): int(n) for helpful, n in rows}
