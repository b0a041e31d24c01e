"""Typed quiz answers as learners type them: a choice's text, a number for a word answer."""

from __future__ import annotations

from bot.testing import FakeChat
from curriculum.catalog.models import QuestionType


def test_typing_a_choice_text_answers_the_question(chat: FakeChat) -> None:
    chat.send("ada", "/quiz m01")
    question = chat.current_question("ada")
    while question.type is not QuestionType.MCQ:
        chat.send("ada", "true")
        question = chat.current_question("ada")
    right = (question.choices or [])[question.correct_index]
    replies = chat.send("ada", right.lower())
    assert "✅ Right" in replies


def test_a_number_typed_for_a_short_answer_is_asked_again(chat: FakeChat) -> None:
    cur = chat.services.curriculum
    module = next(
        m for m in cur.modules if any(q.type is QuestionType.SHORT_ANSWER for q in cur.questions(m))
    )
    chat.send("ada", f"/quiz {module}")
    for _ in range(cur.modules[module].quiz_questions):
        question = chat.current_question("ada")
        if question.type is QuestionType.SHORT_ANSWER:
            again = chat.send("ada", "2")
            assert "could not read *2* as an answer" in again
            assert "Not quite" not in again
            assert chat.current_question("ada").id == question.id
            return
        chat.send("ada", "1")
    raise AssertionError("the quiz asked no short-answer question")
