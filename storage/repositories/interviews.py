"""Mock interviews: sessions, answers and review items. Unique keys make repeats count once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import InterviewAnswerRow, InterviewReview, InterviewSession

MAX_DRAFT = 8000


class InterviewAlreadyActive(Exception):
    """The learner already has an interview running in this conversation."""


@dataclass(frozen=True)
class Recorded:
    """What recording an answer did: `counted` is False for a repeat."""

    counted: bool
    session: InterviewSession


def _active_key(learner_id: int, thread_key: str) -> str:
    return f"interview|{learner_id}|{thread_key}"


class InterviewRepository:
    """Sessions, answers and review items of mock interviews."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def start(
        self, learner_id: int, thread_key: str, focus: str, question_ids: list[str], now: datetime
    ) -> InterviewSession:
        """Create an active interview; InterviewAlreadyActive if one runs in this thread."""
        try:
            with self.db.session() as s:
                row = InterviewSession(
                    learner_id=learner_id,
                    focus=focus[:64],
                    thread_key=thread_key,
                    active_key=_active_key(learner_id, thread_key),
                    question_ids=question_ids,
                    started_at=now,
                    last_activity_at=now,
                )
                s.add(row)
            return row
        except IntegrityError:
            raise InterviewAlreadyActive from None

    def active(self, learner_id: int, thread_key: str) -> InterviewSession | None:
        with self.db.session() as s:
            key = _active_key(learner_id, thread_key)
            return s.exec(
                select(InterviewSession).where(InterviewSession.active_key == key)
            ).first()

    def _locked(self, s: Any, session_id: int) -> InterviewSession:
        return s.exec(  # type: ignore[no-any-return]
            select(InterviewSession).where(InterviewSession.id == session_id).with_for_update()
        ).one()

    def add_to_draft(self, session_id: int, text: str, now: datetime) -> InterviewSession:
        """Append one message to the answer being written."""
        with self.db.session() as s:
            row = self._locked(s, session_id)
            row.draft = (f"{row.draft}\n{text}" if row.draft else text)[:MAX_DRAFT]
            row.last_activity_at = now
            s.add(row)
            return row

    def add_hint(self, session_id: int, now: datetime) -> InterviewSession:
        with self.db.session() as s:
            row = self._locked(s, session_id)
            row.hints += 1
            row.last_activity_at = now
            s.add(row)
            return row

    def record(self, session_id: int, answer: InterviewAnswerRow, now: datetime) -> Recorded:
        """Store the answer to the current question and advance, exactly once."""
        try:
            with self.db.session() as s:
                row = self._locked(s, session_id)
                current = (
                    row.question_ids[row.position] if row.position < len(row.question_ids) else None
                )
                if row.status != "active" or current != answer.question_id:
                    return Recorded(False, row)
                answer.session_id, answer.learner_id = session_id, row.learner_id
                s.add(answer)
                s.flush()
                row.position += 1
                row.draft, row.hints, row.last_activity_at = "", 0, now
                s.add(row)
            return Recorded(True, row)
        except IntegrityError:
            latest = self.get(session_id)
            assert latest is not None
            return Recorded(False, latest)

    def get(self, session_id: int) -> InterviewSession | None:
        with self.db.session() as s:
            return s.get(InterviewSession, session_id)

    def close(self, session_id: int, status: str, now: datetime) -> InterviewSession:
        with self.db.session() as s:
            row = self._locked(s, session_id)
            if row.status == "active":
                row.status, row.active_key, row.finished_at = status, None, now
                s.add(row)
            return row

    def answers(self, session_id: int) -> list[InterviewAnswerRow]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(InterviewAnswerRow)
                    .where(InterviewAnswerRow.session_id == session_id)
                    .order_by(col(InterviewAnswerRow.id))
                )
            )

    def history(self, learner_id: int) -> list[InterviewAnswerRow]:
        """Every answer of the learner, oldest first."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(InterviewAnswerRow)
                    .where(InterviewAnswerRow.learner_id == learner_id)
                    .order_by(col(InterviewAnswerRow.answered_at), col(InterviewAnswerRow.id))
                )
            )

    def review(self, learner_id: int, question_id: str) -> InterviewReview | None:
        with self.db.session() as s:
            return s.exec(
                select(InterviewReview).where(
                    InterviewReview.learner_id == learner_id,
                    InterviewReview.question_id == question_id,
                )
            ).first()

    def save_review(
        self,
        learner_id: int,
        question_id: str,
        key_points: list[str],
        card: dict[str, Any],
        due: datetime,
        reviewed: bool,
    ) -> None:
        """Create or update the review item for a question."""
        with self.db.session() as s:
            row = s.exec(
                select(InterviewReview).where(
                    InterviewReview.learner_id == learner_id,
                    InterviewReview.question_id == question_id,
                )
            ).first() or InterviewReview(learner_id=learner_id, question_id=question_id)
            row.key_points, row.card, row.due_at = key_points, card, due
            row.reviews += 1 if reviewed else 0
            s.add(row)

    def due_reviews(self, learner_id: int, now: datetime, limit: int) -> list[InterviewReview]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(InterviewReview)
                    .where(InterviewReview.learner_id == learner_id, InterviewReview.due_at <= now)
                    .order_by(col(InterviewReview.due_at))
                    .limit(limit)
                )
            )
