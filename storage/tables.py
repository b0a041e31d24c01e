"""SQLModel tables. All times are stored in UTC; unique keys make every write safe to repeat."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel


def _utc(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable))


def _json(default: Any) -> Any:
    return Field(default_factory=default, sa_column=Column(JSON, nullable=False))


class Learner(SQLModel, table=True):
    """A person, identified by platform + workspace/guild + platform user id."""

    __tablename__ = "learner"
    __table_args__ = (UniqueConstraint("platform", "workspace", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    workspace: str = Field(max_length=64)
    user_id: str = Field(max_length=64)
    display_name: str = Field(default="", max_length=128)
    timezone: str | None = Field(default=None, max_length=64)
    review_reminders: bool = Field(default=False)
    announce_badges: bool = Field(default=True)
    public_progress: bool = Field(default=True)
    track_id: str | None = Field(default=None, max_length=64)
    created_at: datetime = _utc()


class Cohort(SQLModel, table=True):
    """A channel that follows a track, with its weekly posting schedule."""

    __tablename__ = "cohort"
    __table_args__ = (UniqueConstraint("platform", "workspace", "channel_id"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    workspace: str = Field(max_length=64)
    channel_id: str = Field(max_length=64)
    guild_id: str | None = Field(default=None, max_length=64)
    """The Discord server the channel is in: admin actions must come from it."""
    track_id: str = Field(max_length=64)
    start_date: date
    post_day: str = Field(default="mon", max_length=3)
    post_time: str = Field(default="09:00", max_length=5)
    timezone: str = Field(default="UTC", max_length=64)
    paused: bool = Field(default=False)
    late_policy: str = Field(default="post", max_length=8)
    digest: bool = Field(default=True)
    announce_badges: bool = Field(default=False)
    require_approval: bool = Field(default=False)
    skipped_weeks: list[int] = _json(list)
    last_post_now_at: datetime | None = _utc(nullable=True)
    created_by: int | None = Field(default=None, foreign_key="learner.id", ondelete="SET NULL")
    created_at: datetime = _utc()


class CohortMember(SQLModel, table=True):
    __tablename__ = "cohort_member"
    __table_args__ = (UniqueConstraint("cohort_id", "learner_id"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    role: str = Field(default="learner", max_length=16)
    joined_at: datetime = _utc()


class CohortAdmin(SQLModel, table=True):
    """Someone who acted as a cohort's admin, recorded when the platform confirmed their rights
    where the cohort lives (Slack workspace admin, Discord Manage Server in the cohort's server).
    Admins are not counted among the cohort's learners."""

    __tablename__ = "cohort_admin"
    __table_args__ = (UniqueConstraint("cohort_id", "learner_id"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    verified_at: datetime = _utc()
    """When their rights were first confirmed for this cohort."""


class QuizSession(SQLModel, table=True):
    """One quiz run. `active_key` is set only while active: one active quiz per thread."""

    __tablename__ = "quiz_session"

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=16)
    target: str = Field(max_length=64)
    thread_key: str = Field(max_length=255)
    active_key: str | None = Field(default=None, max_length=320, unique=True)
    question_ids: list[str] = _json(list)
    choice_orders: dict[str, list[int]] = _json(dict)
    seed: int = Field(default=0)
    position: int = Field(default=0)
    status: str = Field(default="active", max_length=16, index=True)
    correct: int = Field(default=0)
    started_at: datetime = _utc()
    last_activity_at: datetime = _utc()
    finished_at: datetime | None = _utc(nullable=True)


class QuizAnswer(SQLModel, table=True):
    """An answer; unique per session and question, so a doubled answer counts once."""

    __tablename__ = "quiz_answer"
    __table_args__ = (UniqueConstraint("session_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="quiz_session.id", ondelete="CASCADE", index=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    question_id: str = Field(max_length=16, index=True)
    given: str = Field(max_length=500)
    correct: bool
    answered_at: datetime = _utc()


class ModuleProgress(SQLModel, table=True):
    __tablename__ = "module_progress"
    __table_args__ = (UniqueConstraint("learner_id", "module_id"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    module_id: str = Field(max_length=8)
    attempts: int = Field(default=0)
    best_percent: int = Field(default=0)
    first_attempt_at: datetime | None = _utc(nullable=True)
    quiz_passed_at: datetime | None = _utc(nullable=True)
    completed_at: datetime | None = _utc(nullable=True)


class ProjectSubmission(SQLModel, table=True):
    __tablename__ = "project_submission"

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    module_id: str = Field(max_length=8)
    url: str = Field(max_length=2000)
    note: str = Field(default="", max_length=1000)
    status: str = Field(default="submitted", max_length=16)
    submitted_at: datetime = _utc()
    reviewed_at: datetime | None = _utc(nullable=True)
    review_note: str | None = Field(default=None, max_length=1000)
    """What the reviewer asked to change (shown to the learner in chat)."""
    reviewed_by: int | None = Field(default=None, foreign_key="learner.id", ondelete="SET NULL")


class ReviewCard(SQLModel, table=True):
    """A missed question scheduled for spaced review (FSRS card state as JSON)."""

    __tablename__ = "review_card"
    __table_args__ = (UniqueConstraint("learner_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    question_id: str = Field(max_length=16)
    due_at: datetime = _utc()
    card: dict[str, Any] = _json(dict)
    reviews: int = Field(default=0)


class BadgeAward(SQLModel, table=True):
    __tablename__ = "badge_award"
    __table_args__ = (UniqueConstraint("learner_id", "badge_id"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    badge_id: str = Field(max_length=32)
    earned_at: datetime = _utc()
    granted_at: datetime = _utc()
    evidence: dict[str, Any] = _json(dict)
    announced_at: datetime | None = _utc(nullable=True)


class Event(SQLModel, table=True):
    """The event log badges and progress read. `dedupe_key` makes recording idempotent."""

    __tablename__ = "event"

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=32, index=True)
    occurred_at: datetime = _utc()
    subject: str = Field(default="", max_length=255)
    data: dict[str, Any] = _json(dict)
    dedupe_key: str | None = Field(default=None, max_length=255, unique=True)


class PostClaim(SQLModel, table=True):
    """Exactly-once weekly posts: one row per (cohort, week), claimed before posting."""

    __tablename__ = "post_claim"
    __table_args__ = (UniqueConstraint("cohort_id", "week"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    week: int
    fire_time: datetime = _utc()
    status: str = Field(default="claimed", max_length=16)
    claimed_by: str = Field(default="", max_length=128)
    claimed_at: datetime = _utc()
    message_id: str | None = Field(default=None, max_length=128)
    error: str | None = Field(default=None, max_length=1000)
    attempts: int = Field(default=0)
    retry_at: datetime | None = _utc(nullable=True)


class AskedQuestion(SQLModel, table=True):
    """A question put to the tutor and the answer given (declines mark content gaps)."""

    __tablename__ = "asked_question"

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    thread_key: str = Field(max_length=255, index=True)
    question: str = Field(max_length=4000)
    answer: str = Field(default="", max_length=8000)
    declined: bool = Field(default=False)
    citations: list[dict[str, Any]] = _json(list)
    asked_at: datetime = _utc()
    kind: str | None = Field(default=None, max_length=16)
    """How it was answered: section, faq, term, passage, course, cohort_faq, organiser, decline."""
    search_text: str | None = Field(default=None, max_length=1000)
    """What was searched when the question was a follow-up (the previous question + this one)."""
    model: str | None = Field(default=None, max_length=120)
    """The `provider:model` called for this answer (None: no model was called)."""
    model_outcome: str | None = Field(default=None, max_length=16)
    """How the call ended: ok, timeout, rate_limited, server_error, malformed, busy ..."""
    input_tokens: int | None = Field(default=None)
    output_tokens: int | None = Field(default=None)
    latency_ms: int | None = Field(default=None)
    """From calling the model to its complete reply (or failure)."""


class ConversationStart(SQLModel, table=True):
    """Where a learner started afresh (`/new`) in a conversation: earlier turns are not context."""

    __tablename__ = "conversation_start"
    __table_args__ = (UniqueConstraint("learner_id", "thread_key"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    thread_key: str = Field(max_length=255)
    after_id: int = Field(default=0)
    """Questions with a higher id than this belong to the new conversation."""
    started_at: datetime = _utc()


class ShownChoices(SQLModel, table=True):
    """The buttons a learner was last shown in a conversation: a number typed there presses one
    (a quiz's and an interview's buttons excepted: their typed answers go to them)."""

    __tablename__ = "shown_choices"
    __table_args__ = (UniqueConstraint("learner_id", "thread_key"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    thread_key: str = Field(max_length=255)
    action: str = Field(max_length=64)
    values: list[str] = _json(list)
    """The value of each button, in the order shown (button 1 first)."""
    shown_at: datetime = _utc()


class CohortFaq(SQLModel, table=True):
    """An organiser's answer for one cohort (`/cohort faq add`), kept with who wrote it and when."""

    __tablename__ = "cohort_faq"

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    question: str = Field(max_length=500)
    answer: str = Field(max_length=2000)
    created_by: int | None = Field(default=None, foreign_key="learner.id", ondelete="SET NULL")
    created_at: datetime = _utc()
    removed_by: int | None = Field(default=None, foreign_key="learner.id", ondelete="SET NULL")
    removed_at: datetime | None = _utc(nullable=True)


class AnswerFeedback(SQLModel, table=True):
    __tablename__ = "answer_feedback"
    __table_args__ = (UniqueConstraint("question_id", "learner_id"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="asked_question.id", ondelete="CASCADE", index=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    helpful: bool
    given_at: datetime = _utc()


class ProcessedEvent(SQLModel, table=True):
    """Platform event ids already handled (retries and double deliveries are dropped)."""

    __tablename__ = "processed_event"
    __table_args__ = (UniqueConstraint("platform", "event_id"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    event_id: str = Field(max_length=255)
    processed_at: datetime = _utc()


class DashboardToken(SQLModel, table=True):
    """A one-time sign-in link to the instructor dashboard (only its SHA-256 is stored)."""

    __tablename__ = "dashboard_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_by: int | None = Field(default=None, foreign_key="learner.id", ondelete="CASCADE")
    """The admin who asked for the link; None for an operator's `mlops-tutor dashboard link`."""
    cohort_ids: list[int] = _json(list)
    """The cohorts a session signed in with this link may see."""
    created_at: datetime = _utc()
    expires_at: datetime = _utc()
    used_at: datetime | None = _utc(nullable=True)


class GapResolution(SQLModel, table=True):
    """A content gap (declined or 👎 question) an instructor answered or dismissed."""

    __tablename__ = "gap_resolution"
    __table_args__ = (UniqueConstraint("cohort_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    question_id: int = Field(foreign_key="asked_question.id", ondelete="CASCADE")
    status: str = Field(max_length=16)
    """`answered` (a cohort FAQ entry was written) or `dismissed`."""
    faq_id: int | None = Field(default=None, foreign_key="cohort_faq.id", ondelete="SET NULL")
    resolved_by: int | None = Field(default=None, foreign_key="learner.id", ondelete="SET NULL")
    resolved_at: datetime = _utc()


class InterviewSession(SQLModel, table=True):
    """A mock interview. `active_key` is set only while active: one interview per thread.

    `draft` collects the learner's messages for the current question until they submit;
    `hints` counts the key points revealed for it.
    """

    __tablename__ = "interview_session"

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    focus: str = Field(default="", max_length=64)
    thread_key: str = Field(max_length=255)
    active_key: str | None = Field(default=None, max_length=320, unique=True)
    question_ids: list[str] = _json(list)
    position: int = Field(default=0)
    draft: str = Field(default="", max_length=8000)
    hints: int = Field(default=0)
    status: str = Field(default="active", max_length=16, index=True)
    started_at: datetime = _utc()
    last_activity_at: datetime = _utc()
    finished_at: datetime | None = _utc(nullable=True)


class InterviewAnswerRow(SQLModel, table=True):
    """A graded (or skipped) answer; unique per session and question, so it counts once."""

    __tablename__ = "interview_answer"
    __table_args__ = (UniqueConstraint("session_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="interview_session.id", ondelete="CASCADE", index=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    question_id: str = Field(max_length=64, index=True)
    answer: str = Field(default="", max_length=8000)
    score: float = Field(default=0.0)
    covered: list[str] = _json(list)
    missed: list[str] = _json(list)
    hints: int = Field(default=0)
    skipped: bool = Field(default=False)
    answered_at: datetime = _utc()


class InterviewReview(SQLModel, table=True):
    """Missed key points of a question, scheduled to come back (FSRS card state as JSON)."""

    __tablename__ = "interview_review"
    __table_args__ = (UniqueConstraint("learner_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(foreign_key="learner.id", ondelete="CASCADE", index=True)
    question_id: str = Field(max_length=64)
    key_points: list[str] = _json(list)
    due_at: datetime = _utc()
    card: dict[str, Any] = _json(dict)
    reviews: int = Field(default=0)
