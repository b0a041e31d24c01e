"""Questions in chat: cited answers, follow-ups, feedback, rate limits (fast fake embedder)."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from bot.testing import FakeChat, make_services
from storage.tables import AnswerFeedback, AskedQuestion


def test_a_question_gets_a_cited_answer_with_feedback_buttons(chat: FakeChat) -> None:
    replies = chat.send("ada", "/ask How does DVC version a dataset that is too big for Git?")
    citations = replies.citations()
    assert citations, replies.text
    assert any(c.source.startswith("lessons/") and c.anchor for c in citations)
    labels = [o.label for o in replies.buttons().options]
    assert labels == ["👍 Helpful", "👎 Not helpful"]
    assert "follow-up" in replies


def test_feedback_is_stored_once_per_learner_and_can_be_changed(chat: FakeChat) -> None:
    replies = chat.send("ada", "What is a model registry alias?")
    assert "feedback is noted" in chat.press("ada", "👍 Helpful", replies)
    chat.press("ada", "👍 Helpful", replies)
    chat.press("ada", "👎 Not helpful", replies)
    chat.press("bo", "👍 Helpful", replies)
    with chat.services.db.session() as s:
        votes = sorted((f.learner_id, f.helpful) for f in s.exec(select(AnswerFeedback)))
    assert [helpful for _, helpful in votes] == [False, True]


def test_follow_ups_in_a_thread_are_stored_as_its_history(chat: FakeChat) -> None:
    chat.send("ada", "What is data drift?", thread="drift")
    chat.send("ada", "and why?", thread="drift")
    chat.send("bo", "What is Docker?", thread="drift")
    history = chat.services.questions.conversation(learner_id(chat, "ada"), THREAD)
    assert history[0] == "What is data drift?"
    assert history[1] == "What is data drift? and why?"


def learner_id(chat: FakeChat, user: str) -> int:
    found = chat.services.learners.find(chat.platform, "w1", user)
    assert found is not None and found.id is not None
    return found.id


THREAD = "fake:w1:general:drift"


def test_asking_too_fast_gets_a_polite_limit_with_the_wait(chat: FakeChat) -> None:
    for n in range(10):
        assert "Try again in" not in chat.send("ada", f"What is MLflow, take {n}?")
    refused = chat.send("ada", "What is Kubeflow?")
    assert "after 10 at once" in refused and "Try again in 10 seconds" in refused
    chat.clock.advance(seconds=10)
    assert "Try again in" not in chat.send("ada", "What is Kubeflow?")


def test_an_empty_index_without_auto_ingest_says_what_the_operator_must_do(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    services.settings = services.settings.model_copy(update={"auto_ingest": False})
    replies = FakeChat(services).send("ada", "/ask what is drift?")
    assert "mlops-tutor ingest" in replies
    services.close()


def test_every_question_and_decline_is_recorded_for_the_content_report(chat: FakeChat) -> None:
    chat.send("ada", "What is canary deployment?")
    with chat.services.db.session() as s:
        rows = list(s.exec(select(AskedQuestion)))
    assert [r.question for r in rows] == ["What is canary deployment?"]
    assert rows[0].answer
