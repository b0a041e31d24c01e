"""Questions put to the tutor, the answers given, and learners' feedback on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, func, select

from storage.engine import Database
from storage.tables import AnswerFeedback, AskedQuestion, ConversationStart


@dataclass(frozen=True)
class ModelCall:
    """The model call behind an answer: which model, how it ended, tokens and latency."""

    model: str
    outcome: str
    latency_ms: int
    input_tokens: int | None = None
    output_tokens: int | None = None

    def columns(self) -> dict[str, Any]:
        """The `asked_question` columns it fills."""
        return {
            "model": self.model[:120],
            "model_outcome": self.outcome[:16],
            "latency_ms": self.latency_ms,
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
        }


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
        kind: str | None = None,
        search_text: str | None = None,
        model_call: ModelCall | None = None,
    ) -> int:
        """Store a question and its answer; returns its id (feedback hangs on it).

        `model_call` is the LLM call behind the answer, when there was one.
        """
        with self.db.session() as s:
            row = AskedQuestion(
                learner_id=learner_id,
                thread_key=thread_key,
                question=question[:4000],
                answer=answer[:8000],
                declined=declined,
                citations=citations,
                asked_at=now,
                kind=kind,
                search_text=search_text[:1000] if search_text else None,
                **(model_call.columns() if model_call else {}),
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id

    def conversation(self, learner_id: int, thread_key: str, limit: int = 4) -> list[str]:
        """This learner's earlier questions in a conversation since they last started afresh.

        Oldest first; a follow-up is given as what was searched (its context included).
        Other learners' questions in the same thread are never part of it.
        """
        turns = self._since_afresh(learner_id, thread_key, limit)
        return [search or question for question, search, _, _ in turns]

    def exchanges(self, learner_id: int, thread_key: str, limit: int = 4) -> list[tuple[str, str]]:
        """This learner's earlier (question, answer) pairs in a conversation since they last
        started afresh, oldest first. Declined questions are left out: nothing was answered,
        and an injection attempt is not passed on. Other learners' turns in the same thread
        are never part of it."""
        turns = self._since_afresh(learner_id, thread_key, limit)
        return [(question, answer) for question, _, answer, declined in turns if not declined]

    def _since_afresh(
        self, learner_id: int, thread_key: str, limit: int
    ) -> list[tuple[str, str | None, str, bool]]:
        """(question, search text, answer, declined) of the last `limit` questions of one
        learner's conversation after `/new`, oldest first."""
        with self.db.session() as s:
            after = s.exec(
                select(ConversationStart.after_id).where(
                    ConversationStart.learner_id == learner_id,
                    ConversationStart.thread_key == thread_key,
                )
            ).first()
            query = select(
                AskedQuestion.question,
                AskedQuestion.search_text,
                AskedQuestion.answer,
                AskedQuestion.declined,
            ).where(AskedQuestion.learner_id == learner_id, AskedQuestion.thread_key == thread_key)
            if after is not None:
                query = query.where(col(AskedQuestion.id) > after)
            rows = s.exec(query.order_by(col(AskedQuestion.id).desc()).limit(limit))
            return [(q, searched, a, declined) for q, searched, a, declined in reversed(list(rows))]

    def start_afresh(self, learner_id: int, thread_key: str, now: datetime) -> None:
        """Forget the conversation so far as context (`/new`); the questions stay stored."""
        with self.db.session() as s:
            row = s.exec(
                select(ConversationStart).where(
                    ConversationStart.learner_id == learner_id,
                    ConversationStart.thread_key == thread_key,
                )
            ).first() or ConversationStart(learner_id=learner_id, thread_key=thread_key)
            row.after_id = s.exec(select(func.max(AskedQuestion.id))).one() or 0
            row.started_at = now
            s.add(row)

    def count_since(self, learner_id: int, since: datetime) -> int:
        with self.db.session() as s:
            return s.exec(
                select(func.count())
                .select_from(AskedQuestion)
                .where(AskedQuestion.learner_id == learner_id, AskedQuestion.asked_at >= since)
            ).one()

    def times_since(self, learner_id: int, since: datetime) -> list[datetime]:
        """When the learner asked each question since `since`, oldest first."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(AskedQuestion.asked_at)
                    .where(AskedQuestion.learner_id == learner_id, AskedQuestion.asked_at >= since)
                    .order_by(col(AskedQuestion.asked_at))
                )
            )

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
