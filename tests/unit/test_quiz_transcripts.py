"""Quizzes as chat transcripts: pass, fail, restart, double clicks, reviews, bad input."""

from __future__ import annotations

from pathlib import Path

from bot.testing import FakeChat, Replies, make_services
from curriculum.catalog.models import Question, QuestionType


def current_question(chat: FakeChat, user: str, thread: str = "t1") -> Question:
    return chat.current_question(user, thread)


def answer(chat: FakeChat, user: str, replies: Replies, right: bool, thread: str = "t1") -> Replies:
    """Answer the current question right or wrong, the way a learner would."""
    q = current_question(chat, user, thread)
    if q.type is QuestionType.SHORT_ANSWER:
        assert q.accepted
        return chat.send(user, q.accepted[0] if right else "no idea at all", thread=thread)
    labels = [o.label for o in replies.buttons().options]
    correct = q.canonical_answer()
    pick = correct if right else next(label for label in labels if label != correct)
    return chat.press(user, pick, replies, thread=thread)


def play(chat: FakeChat, user: str, target: str, right: bool) -> Replies:
    replies = chat.send(user, f"/quiz {target}")
    total = chat.services.curriculum.modules[target].quiz_questions
    for _ in range(total):
        replies = answer(chat, user, replies, right)
    return replies


def test_all_answers_right_passes_the_module(chat: FakeChat) -> None:
    replies = play(chat, "ada", "m01", right=True)
    assert "5/5 (100%). Passed!" in replies
    progress = chat.send("ada", "/progress")
    assert "m01" in progress and "100%" in progress


def test_all_answers_wrong_fails_and_missed_questions_become_review_cards(chat: FakeChat) -> None:
    replies = play(chat, "bo", "m01", right=False)
    assert "0/5 (0%)" in replies and "80% passes" in replies
    assert "come back for review (new cards: 5)" in replies
    assert "No review cards are due" in chat.send("bo", "/quiz review", thread="t2")
    chat.clock.advance(days=1)
    review = chat.send("bo", "/quiz review", thread="t2")
    assert "*Review* — 5 questions" in review
    first_id = current_question(chat, "bo", "t2").id
    after = answer(chat, "bo", review, right=True, thread="t2")
    assert "✅ Right" in after
    learner = chat.services.learners.find("fake", "w1", "bo")
    assert learner is not None and learner.id is not None
    card = chat.services.reviews.get(learner.id, first_id)
    assert card is not None and card.reviews == 1


def test_a_doubled_answer_counts_once(chat: FakeChat) -> None:
    replies = chat.send("cy", "/quiz m01")
    q = current_question(chat, "cy")
    first = answer(chat, "cy", replies, right=True)
    again = (
        chat.press("cy", q.canonical_answer(), replies)
        if q.type is not QuestionType.SHORT_ANSWER
        else chat.send("cy", "x")
    )
    assert "✅ Right" in first
    assert "already answered" in again or "Not quite" not in again.text
    learner = chat.services.learners.find("fake", "w1", "cy")
    assert learner is not None and learner.id is not None
    session = chat.services.quizzes.active(learner.id, "fake:w1:general:t1")
    assert session is not None and session.position == 1 and session.correct == 1


def test_quiz_continues_after_a_restart(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    chat = FakeChat(services)
    replies = chat.send("di", "/quiz m01")
    replies = answer(chat, "di", replies, right=True)
    replies = answer(chat, "di", replies, right=True)
    services.close()

    restarted = FakeChat(make_services(tmp_path))
    resumed = restarted.send("di", "/quiz")
    assert "question 3 of 5" in resumed
    for _ in range(3):
        resumed = answer(restarted, "di", resumed, right=True)
    assert "5/5 (100%). Passed!" in resumed
    restarted.services.close()


def test_bad_input_is_explained_without_penalty(chat: FakeChat) -> None:
    unknown = chat.send("ed", "/quiz m99")
    assert "I don't know a module called" in unknown and "`m24`" in unknown
    assert "No quiz is running here" not in unknown
    chat.send("ed", "/quiz m02")
    q = current_question(chat, "ed")
    if q.type is QuestionType.MCQ:
        out_of_range = chat.send("ed", "9")
        assert "could not read *9* as an answer" in out_of_range
        assert current_question(chat, "ed").id == q.id


def test_idle_quiz_closes_with_its_partial_score(chat: FakeChat) -> None:
    replies = chat.send("fa", "/quiz m01")
    answer(chat, "fa", replies, right=True)
    chat.clock.advance(minutes=chat.services.settings.quiz_idle_minutes + 1)
    later = chat.send("fa", "/quiz m01")
    assert "closed after" in later and "1/1 answered right" in later
    assert "questions, one at a time" in later  # and a fresh quiz starts


def test_section_and_level_quizzes_draw_from_linked_modules(chat: FakeChat) -> None:
    section = chat.send("gi", "/quiz section 1", thread="s")
    assert "Course section 1" in section
    level = chat.send("gi", "/quiz level beginner", thread="l")
    assert "*Beginner level mix* — 10 questions" in level
    assert "Levels are beginner" in chat.send("gi", "/quiz level wizard", thread="x")


def test_an_elective_quiz_is_practice_and_leaves_module_progress_alone(chat: FakeChat) -> None:
    replies = chat.send("ada", "/quiz e03")
    assert "Elective e03" in replies
    for _ in range(chat.services.curriculum.electives["e03"].quiz_questions):
        replies = answer(chat, "ada", replies, right=True)
    assert "8/8" in replies and "Passed!" not in replies
    ada = chat.services.learners.find(chat.platform, "w1", "ada")
    assert ada is not None and ada.id is not None
    assert chat.services.progress.of(ada.id) == {}
