"""A typed number answers the most recent question shown in the conversation (any platform)."""

from __future__ import annotations

from sqlmodel import select

from bot.testing import FakeChat
from storage.tables import AnswerFeedback, QuizAnswer
from tests.unit.test_quiz_transcripts import current_question


def votes(chat: FakeChat) -> list[bool]:
    with chat.services.db.session() as s:
        return [f.helpful for f in s.exec(select(AnswerFeedback))]


def quiz_answers(chat: FakeChat) -> int:
    with chat.services.db.session() as s:
        return len(list(s.exec(select(QuizAnswer))))


def test_in_a_quiz_thread_a_number_after_an_answer_rates_the_answer(chat: FakeChat) -> None:
    chat.send("ada", "/quiz m01")
    first = current_question(chat, "ada")
    answered = chat.send("ada", "/ask what is data drift?")
    assert answered.buttons().options[0].label == "👍 Helpful"
    assert "feedback is noted" in chat.send("ada", "2")
    assert votes(chat) == [False] and quiz_answers(chat) == 0
    assert current_question(chat, "ada") == first
    graded = chat.send("ada", "1")  # the 👍/👎 are answered: the quiz's question is next in line
    assert "Right" in graded or "Not quite" in graded
    assert quiz_answers(chat) == 1 and votes(chat) == [False]


def test_a_new_quiz_question_takes_the_numbers_back(chat: FakeChat) -> None:
    replies = chat.send("ada", "/quiz m01")
    chat.send("ada", "/ask what is data drift?")
    chat.press("ada", 0, replies)  # the quiz's button: its next question is now the latest
    chat.send("ada", "1")
    assert quiz_answers(chat) == 2 and votes(chat) == []


def test_numbers_answer_the_buttons_of_their_own_thread_and_learner(chat: FakeChat) -> None:
    chat.send("ada", "/quiz m01", thread="quiz")
    chat.send("ada", "/ask what is data drift?", thread="question")
    chat.send("bo", "/ask what is data drift?", thread="quiz")
    chat.send("ada", "1", thread="quiz")  # Ada's last buttons in this thread are the quiz's
    assert quiz_answers(chat) == 1 and votes(chat) == []
    assert "feedback is noted" in chat.send("ada", "1", thread="question")
    assert "feedback is noted" in chat.send("bo", "2", thread="quiz")
    assert votes(chat) == [True, False]


def test_a_number_out_of_range_is_left_to_the_quiz(chat: FakeChat) -> None:
    chat.send("ada", "/quiz m01")
    chat.send("ada", "/ask what is data drift?")
    said = chat.send("ada", "3")  # only 👍 and 👎 are shown: 3 can only be a quiz choice
    assert "feedback" not in said and "That button" not in said
    assert votes(chat) == []
