"""Whole quizzes through the router on real SQLite and real PostgreSQL."""

from __future__ import annotations

from bot.testing import FakeChat
from tests.unit.test_quiz_transcripts import answer, current_question, play


def test_a_learner_passes_fails_and_reviews_on_each_database(pg_chat: FakeChat) -> None:
    assert "5/5 (100%). Passed!" in play(pg_chat, "ada", "m01", right=True)
    assert "0/7 (0%)" in play(pg_chat, "ada", "m02", right=False)
    pg_chat.clock.advance(days=2)
    review = pg_chat.send("ada", "/quiz review", thread="r")
    assert "*Review* — 7 questions" in review
    progress = pg_chat.send("ada", "/progress")
    assert (
        "`m01` MLOps Fundamentals: 100%" in progress and "`m02` ML Pipeline Basics: 0%" in progress
    )


def test_a_double_click_counts_once_on_each_database(pg_chat: FakeChat) -> None:
    replies = pg_chat.send("bo", "/quiz m01")
    first_question = current_question(pg_chat, "bo")
    answer(pg_chat, "bo", replies, right=True)
    if first_question.choices is not None or first_question.type.value == "true_false":
        again = pg_chat.press("bo", 0, replies)
        assert "already answered" in again
    assert current_question(pg_chat, "bo").id != first_question.id
