"""Storage against real SQLite and real PostgreSQL: migrations and round trips."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from storage.engine import Database
from storage.repositories import (
    EventRepository,
    LearnerRepository,
    ProgressRepository,
    QuizRepository,
    ReviewRepository,
)
from storage.repositories.quizzes import AlreadyActive
from storage.repositories.shown_choices import ShownChoicesRepository

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def db(database_url: str) -> Database:
    database = Database(database_url)
    database.upgrade()
    yield database
    database.dispose()


def test_migrations_build_exactly_the_models(db: Database) -> None:
    assert db.current() == db.head()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []
    tables = set(inspect(db.engine).get_table_names())
    assert {
        "learner",
        "quiz_session",
        "quiz_answer",
        "review_card",
        "badge_award",
        "event",
        "post_claim",
        "processed_event",
        "answer_feedback",
        "asked_question",
    } <= tables


def test_upgrade_twice_is_a_no_op(db: Database) -> None:
    db.upgrade()
    assert db.current() == db.head()


def test_learner_identity_is_platform_workspace_user(db: Database) -> None:
    learners = LearnerRepository(db)
    a = learners.get_or_create("slack", "T1", "U1", "Ada", NOW)
    again = learners.get_or_create("slack", "T1", "U1", "Ada L.", NOW)
    other_ws = learners.get_or_create("slack", "T2", "U1", "Ada", NOW)
    assert a.id == again.id != other_ws.id
    found = learners.get(a.id or 0)
    assert found is not None and found.display_name == "Ada L."


def test_quiz_session_answers_count_once_and_survive_reopen(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    learner = LearnerRepository(db).get_or_create("discord", "G", "u", "Bo", NOW)
    assert learner.id is not None
    quizzes = QuizRepository(db)
    session = quizzes.start(
        learner_id=learner.id,
        kind="module",
        target="m01",
        thread_key="th",
        question_ids=["m01-q01", "m01-q02"],
        choice_orders={"m01-q01": [2, 0, 1]},
        seed=7,
        now=NOW,
    )
    with pytest.raises(AlreadyActive):
        quizzes.start(
            learner_id=learner.id,
            kind="module",
            target="m02",
            thread_key="th",
            question_ids=["m02-q01"],
            choice_orders={},
            seed=1,
            now=NOW,
        )
    assert session.id is not None
    first = quizzes.answer(session.id, "m01-q01", "2", True, NOW)
    double = quizzes.answer(session.id, "m01-q01", "2", True, NOW)
    assert first.counted and not double.counted
    db.dispose()

    reopened = Database(database_url)
    again = QuizRepository(reopened).active(learner.id, "th")
    assert again is not None and again.position == 1 and again.correct == 1
    assert again.choice_orders == {"m01-q01": [2, 0, 1]}
    closed = QuizRepository(reopened).close(session.id, "finished", NOW)
    assert closed.status == "finished" and QuizRepository(reopened).active(learner.id, "th") is None
    reopened.dispose()


def test_progress_keeps_best_score_and_first_pass(db: Database) -> None:
    learner = LearnerRepository(db).get_or_create("console", "local", "me", "Me", NOW)
    assert learner.id is not None
    progress = ProgressRepository(db)
    progress.record_attempt(learner.id, "m01", 60, False, NOW)
    progress.record_attempt(learner.id, "m01", 100, True, NOW + timedelta(days=1))
    row = progress.record_attempt(learner.id, "m01", 80, True, NOW + timedelta(days=2))
    assert (row.attempts, row.best_percent) == (3, 100)
    assert row.quiz_passed_at is not None
    stored = progress.of(learner.id)["m01"]
    assert stored.quiz_passed_at is not None
    assert stored.quiz_passed_at.replace(tzinfo=UTC) == NOW + timedelta(days=1)


def test_review_cards_come_due_and_events_dedupe(db: Database) -> None:
    learner = LearnerRepository(db).get_or_create("console", "local", "me", "Me", NOW)
    assert learner.id is not None
    reviews = ReviewRepository(db)
    reviews.save(learner.id, "m01-q03", {"state": 1}, NOW + timedelta(minutes=10), reviewed=False)
    assert reviews.count_due(learner.id, NOW) == 0
    assert [c.question_id for c in reviews.due(learner.id, NOW + timedelta(hours=1), 5)] == [
        "m01-q03"
    ]
    events = EventRepository(db)
    assert events.record(learner.id, "module_quiz_passed", NOW, "m01", dedupe_key="k1")
    assert not events.record(learner.id, "module_quiz_passed", NOW, "m01", dedupe_key="k1")
    assert [e.subject for e in events.of(learner.id)] == ["m01"]


def test_the_buttons_shown_last_are_one_row_per_learner_and_conversation(db: Database) -> None:
    learner = LearnerRepository(db).get_or_create("slack", "T1", "UADA", "Ada", NOW)
    assert learner.id is not None
    shown = ShownChoicesRepository(db)
    shown.remember(learner.id, "slack:T1:C1:1.0", "answer.feedback", ["7:up", "7:down"], NOW)
    shown.remember(learner.id, "slack:T1:C1:1.0", "lesson.page", ["m01:1:0"], NOW)
    shown.remember(learner.id, "slack:T1:C1:2.0", "answer.feedback", ["8:up", "8:down"], NOW)
    latest = shown.latest(learner.id, "slack:T1:C1:1.0")
    assert latest is not None and (latest.action, latest.values) == ("lesson.page", ["m01:1:0"])
    shown.forget(learner.id, "slack:T1:C1:1.0")
    assert shown.latest(learner.id, "slack:T1:C1:1.0") is None
    other = shown.latest(learner.id, "slack:T1:C1:2.0")
    assert other is not None and other.values == ["8:up", "8:down"]
