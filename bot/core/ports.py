"""Ports: what the core needs from storage. storage.repositories implements them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from storage.repositories.questions import ModelCall
from storage.repositories.quizzes import AnswerOutcome
from storage.tables import (
    BadgeAward,
    Cohort,
    Event,
    Learner,
    ModuleProgress,
    ProjectSubmission,
    QuizSession,
    ReviewCard,
)


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

    def latest_in_thread(self, learner_id: int, thread_key: str) -> QuizSession | None: ...

    def close_active(
        self, session_id: int, status: str, now: datetime
    ) -> tuple[QuizSession, bool]: ...


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

    def next_due(self, learner_id: int, now: datetime) -> datetime | None: ...


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
        kind: str | None = None,
        search_text: str | None = None,
        model_call: ModelCall | None = None,
    ) -> int: ...
    def conversation(self, learner_id: int, thread_key: str, limit: int = 4) -> list[str]: ...
    def exchanges(
        self, learner_id: int, thread_key: str, limit: int = 4
    ) -> list[tuple[str, str]]: ...
    def start_afresh(self, learner_id: int, thread_key: str, now: datetime) -> None: ...
    def count_since(self, learner_id: int, since: datetime) -> int: ...

    def times_since(self, learner_id: int, since: datetime) -> list[datetime]: ...
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


class BadgeStore(Protocol):
    def grant(
        self,
        learner_id: int,
        badge_id: str,
        *,
        earned_at: datetime,
        evidence: dict[str, Any],
        now: datetime,
        announced_at: datetime | None,
    ) -> BadgeAward | None: ...
    def of(self, learner_id: int) -> list[BadgeAward]: ...
    def of_learners(self, learner_ids: Iterable[int]) -> list[BadgeAward]: ...
    def unannounced(self) -> list[BadgeAward]: ...
    def mark_announced(self, award_id: int, when: datetime) -> bool: ...


class ProjectStore(Protocol):
    def submit(
        self, learner_id: int, module_id: str, url: str, note: str, now: datetime
    ) -> tuple[ProjectSubmission, bool]: ...
    def of(self, learner_id: int) -> list[ProjectSubmission]: ...
    def latest(self, learner_id: int, module_id: str) -> ProjectSubmission | None: ...
    def review(
        self,
        submission_id: int,
        status: str,
        now: datetime,
        *,
        note: str | None = None,
        by: int | None = None,
    ) -> ProjectSubmission: ...
    def get(self, submission_id: int) -> ProjectSubmission | None: ...
    def waiting(self, learner_ids: list[int]) -> list[ProjectSubmission]: ...
    def stamp_completed(self, learner_id: int, module_id: str, when: datetime) -> bool: ...


class CommunityStore(Protocol):
    def cohort_of(self, learner_id: int) -> Cohort | None: ...
    def members(self, cohort_id: int) -> list[Learner]: ...
    def cohort_channels(self, platform: str, workspace: str) -> set[str]: ...
    def find_person(self, platform: str, workspace: str, token: str) -> Learner | None: ...
    def learner_ids(self) -> list[int]: ...


class PrivacyStore(Protocol):
    def update_setting(self, learner_id: int, name: str, value: str | bool | None) -> Learner: ...
    def export(self, learner_id: int) -> dict[str, list[dict[str, Any]]]: ...
    def delete(self, learner_id: int) -> dict[str, int]: ...
