"""Quiz sessions and answers. Unique keys make double clicks and retries count once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import QuizAnswer, QuizSession


class AlreadyActive(Exception):
    """The learner already has an active quiz in this conversation."""


@dataclass(frozen=True)
class AnswerOutcome:
    """What recording an answer did: `counted` is False for a repeat of an answered question."""

    counted: bool
    session: QuizSession


def active_key(learner_id: int, thread_key: str) -> str:
    return f"{learner_id}|{thread_key}"


class QuizRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def start(
        self,
        *,
        learner_id: int,
        kind: str,
        target: str,
        thread_key: str,
        question_ids: list[str],
        choice_orders: dict[str, list[int]],
        seed: int,
        now: datetime,
    ) -> QuizSession:
        """Create an active session; AlreadyActive if one runs in this thread."""
        try:
            with self.db.guarded() as s:
                session = QuizSession(
                    learner_id=learner_id,
                    kind=kind,
                    target=target,
                    thread_key=thread_key,
                    active_key=active_key(learner_id, thread_key),
                    question_ids=question_ids,
                    choice_orders=choice_orders,
                    seed=seed,
                    started_at=now,
                    last_activity_at=now,
                )
                s.add(session)
            return session
        except IntegrityError:
            raise AlreadyActive from None

    def get(self, session_id: int) -> QuizSession | None:
        with self.db.session() as s:
            return s.get(QuizSession, session_id)

    def active(self, learner_id: int, thread_key: str) -> QuizSession | None:
        with self.db.session() as s:
            return s.exec(
                select(QuizSession).where(
                    QuizSession.active_key == active_key(learner_id, thread_key)
                )
            ).first()

    def latest_in_thread(self, learner_id: int, thread_key: str) -> QuizSession | None:
        """The learner's most recent quiz in this conversation, whatever its status."""
        with self.db.session() as s:
            return s.exec(
                select(QuizSession)
                .where(QuizSession.learner_id == learner_id, QuizSession.thread_key == thread_key)
                .order_by(col(QuizSession.id).desc())
            ).first()

    def answer(
        self, session_id: int, question_id: str, given: str, correct: bool, now: datetime
    ) -> AnswerOutcome:
        """Record the answer to the session's current question and advance, exactly once."""
        try:
            with self.db.guarded() as s:
                session = s.exec(
                    select(QuizSession).where(QuizSession.id == session_id).with_for_update()
                ).one()
                current = (
                    session.question_ids[session.position]
                    if session.position < len(session.question_ids)
                    else None
                )
                if session.status != "active" or current != question_id:
                    return AnswerOutcome(counted=False, session=session)
                s.add(
                    QuizAnswer(
                        session_id=session_id,
                        learner_id=session.learner_id,
                        question_id=question_id,
                        given=given[:500],
                        correct=correct,
                        answered_at=now,
                    )
                )
                s.flush()
                session.position += 1
                session.correct += int(correct)
                session.last_activity_at = now
                s.add(session)
            return AnswerOutcome(counted=True, session=session)
        except IntegrityError:
            latest = self.get(session_id)
            assert latest is not None
            return AnswerOutcome(counted=False, session=latest)

    def close(self, session_id: int, status: str, now: datetime) -> QuizSession:
        """Finish or expire a session; it stops being the thread's active quiz."""
        return self.close_active(session_id, status, now)[0]

    def close_active(self, session_id: int, status: str, now: datetime) -> tuple[QuizSession, bool]:
        """Close the session if it is still active; the flag says whether this call closed it."""
        with self.db.session() as s:
            session = s.exec(
                select(QuizSession).where(QuizSession.id == session_id).with_for_update()
            ).one()
            if session.status != "active":
                return session, False
            session.status = status
            session.active_key = None
            session.finished_at = now
            s.add(session)
            return session, True
