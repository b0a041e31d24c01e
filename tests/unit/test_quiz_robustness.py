"""Quiz robustness: sessions left open, buttons of closed quizzes, typed answers that race."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import Session

from bot.testing import FakeChat
from tests.unit.test_quiz_transcripts import answer, current_question


def _learner_id(chat: FakeChat, user: str) -> int:
    learner = chat.services.learners.find("fake", "w1", user)
    assert learner is not None and learner.id is not None
    return learner.id


def test_a_session_left_open_with_every_answer_is_scored_on_the_next_message(
    chat: FakeChat,
) -> None:
    chat.send("ada", "/quiz m01")
    svc = chat.services
    session = svc.quizzes.active(_learner_id(chat, "ada"), "fake:w1:general:t1")
    assert session is not None and session.id is not None
    for qid in session.question_ids:  # answers saved by an older version that died before closing
        svc.quizzes.answer(session.id, qid, "1", True, svc.clock.now())
    typed = chat.send("ada", "2")
    assert "5/5 (100%). Passed!" in typed, typed.text
    assert "m01" in chat.send("ada", "/progress") and "Something went wrong" not in typed


def test_quiz_and_progress_work_after_an_unclosed_session(chat: FakeChat) -> None:
    chat.send("bo", "/quiz m01")
    svc = chat.services
    session = svc.quizzes.active(_learner_id(chat, "bo"), "fake:w1:general:t1")
    assert session is not None and session.id is not None
    for qid in session.question_ids:
        svc.quizzes.answer(session.id, qid, "1", False, svc.clock.now())
    again = chat.send("bo", "/quiz m01")
    assert "0/5 (0%)" in again and "Question 1/5" in again, again.text
    assert "not taken a quiz" not in chat.send("bo", "/progress")


def test_a_button_of_a_stopped_quiz_says_it_was_stopped(chat: FakeChat) -> None:
    replies = chat.send("cy", "/quiz m01")
    assert "stopped" in chat.send("cy", "/quiz stop")
    pressed = chat.press("cy", 0, replies)
    assert "already answered" not in pressed
    assert "was stopped" in pressed and pressed.items[0].ephemeral


def test_a_typed_answer_sent_before_the_next_question_was_shown_is_not_graded_against_it(
    chat: FakeChat,
) -> None:
    replies = chat.send("di", "/quiz m01")
    chat.clock.advance(seconds=10)
    sent_while_first_was_on_screen = chat.clock.now()
    chat.clock.advance(seconds=1)
    after = answer(chat, "di", replies, right=True)  # the button press wins the race
    second = current_question(chat, "di")
    late = chat.send("di", "2", sent_at=sent_while_first_was_on_screen)
    assert "arrived after the question it was meant for" in late
    assert current_question(chat, "di").id == second.id
    on_time = chat.send("di", "zzz", sent_at=chat.clock.now() + timedelta(seconds=1))
    assert "arrived after" not in on_time and "Question 2/5" in after


def test_an_answer_is_one_commit(chat: FakeChat) -> None:
    replies = chat.send("ed", "/quiz m01")
    writes: list[bool] = []

    def before_commit(session: Session) -> None:
        if not session.in_nested_transaction():
            writes.append(bool(session.new or session.dirty or session.info.get("wrote")))

    event.listen(Session, "before_commit", before_commit)
    try:
        for _ in range(5):
            replies = answer(chat, "ed", replies, right=True)
    finally:
        event.remove(Session, "before_commit", before_commit)
    assert "Passed!" in replies
    assert sum(writes) == 5, writes


def test_error_replies_say_whether_anything_was_saved(
    chat: FakeChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.core import router, texts

    chat.send("fay", "/help")  # the learner exists: creating one is not this message's work

    def writes_then_fails(req: Any) -> Any:
        assert req.learner.id is not None
        req.services.events.record(req.learner.id, "probe", req.services.clock.now())
        raise RuntimeError("after a commit")

    def fails_at_once(req: Any) -> Any:
        raise RuntimeError("before any commit")

    monkeypatch.setitem(router.COMMANDS, "badges", writes_then_fails)
    assert chat.send("fay", "/badges").text == texts.INTERNAL_ERROR_SAVED
    monkeypatch.setitem(router.COMMANDS, "badges", fails_at_once)
    assert chat.send("fay", "/badges").text == texts.INTERNAL_ERROR
