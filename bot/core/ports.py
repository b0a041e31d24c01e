"""Ports: what the core needs from storage. storage.repositories implements them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from storage.repositories.quizzes import AnswerOutcome
from storage.tables import Event, Learner, ModuleProgress, QuizSession, ReviewCard


class LearnerStore(Protocol):
    def get_or_create(
        self, platform: str, workspace: str, user_id: str, display_name: str, now: datetime
    ) -> Learner: ...
    def find(self, platform: str, workspace: str, user_id: str) -> Learner | None: ...
    def get(self, learner_id: int) -> Learner | None: ...


class QuizStore(Protocol):
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
    ) -> QuizSession: ...
    def get(self, session_id: int) -> QuizSession | None: ...
    def active(self, learner_id: int, thread_key: str) -> QuizSession | None: ...
    def answer(
        self, session_id: int, question_id: str, given: str, correct: bool, now: datetime
    ) -> AnswerOutcome: ...
    def close(self, session_id: int, status: str, now: datetime) -> QuizSession: ...


class ProgressStore(Protocol):
    def of(self, learner_id: int) -> dict[str, ModuleProgress]: ...
    def record_attempt(
        self, learner_id: int, module_id: str, percent: int, passed: bool, when: datetime
    ) -> ModuleProgress: ...


class ReviewStore(Protocol):
    def get(self, learner_id: int, question_id: str) -> ReviewCard | None: ...
    def save(
        self, learner_id: int, question_id: str, card: dict[str, Any], due: datetime, reviewed: bool
    ) -> None: ...
    def due(self, learner_id: int, now: datetime, limit: int) -> list[ReviewCard]: ...
    def count_due(self, learner_id: int, now: datetime) -> int: ...


class QuestionStore(Protocol):
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
    ) -> int: ...
    def thread_history(self, thread_key: str, limit: int = 4) -> list[str]: ...
    def count_since(self, learner_id: int, since: datetime) -> int: ...
    def exists(self, question_id: int) -> bool: ...
    def feedback(self, question_id: int, learner_id: int, helpful: bool, now: datetime) -> None: ...


class EventStore(Protocol):
    def record(
        self,
        learner_id: int,
        kind: str,
        when: datetime,
        subject: str = "",
        data: dict[str, Any] | None = None,
        dedupe_key: str | None = None,
    ) -> bool: ...
    def of(self, learner_id: int, kind: str | None = None) -> list[Event]: ...
