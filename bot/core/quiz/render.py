"""Turning quiz state into neutral replies."""

from __future__ import annotations

from bot.core.quiz import texts
from bot.core.reply import Choice, Choices, Citation, Reply, Text
from curriculum.catalog.models import Curriculum, Question
from curriculum.numbers import ascii_int
from curriculum.quiz import choice_labels

ANSWER_ACTION = "quiz.answer"


def button_value(session_id: int, question_id: str, index: int) -> str:
    return f"{session_id}:{question_id}:{index}"


def parse_button_value(value: str) -> tuple[int, str, int] | None:
    parts = value.split(":")
    if len(parts) != 3:
        return None
    session_id, index = ascii_int(parts[0]), ascii_int(parts[2], 3)
    if session_id is None or index is None:
        return None
    return session_id, parts[1], index


def question_reply(
    session_id: int, question: Question, order: list[int] | None, number: int, total: int
) -> Reply:
    """A question with numbered choices and buttons (short answers are typed)."""
    lines = [f"*Question {number}/{total}* · {question.module_id} · {question.difficulty}"]
    lines.append(question.prompt)
    labels = choice_labels(question, order)
    parts: list[Text | Choices] = []
    if labels:
        lines += [f"{i}) {label}" for i, label in enumerate(labels, start=1)]
        options = tuple(
            Choice(label=label, value=button_value(session_id, question.id, i))
            for i, label in enumerate(labels)
        )
        parts = [Text("\n".join(lines)), Choices(ANSWER_ACTION, options)]
    else:
        lines.append("_Type your answer (a word or two)._")
        parts = [Text("\n".join(lines))]
    return Reply(tuple(parts))


def citation_for(curriculum: Curriculum, question: Question) -> Citation | None:
    lesson_id, anchor = question.lesson_ref.split("#")
    lesson = curriculum.lessons.get(lesson_id)
    section = lesson.section(anchor) if lesson else None
    if lesson is None or section is None:
        return None
    return Citation(
        title=f"{lesson.title} › {section.title}",
        source=lesson.source,
        anchor=anchor,
        module_id=lesson.module,
    )


def feedback_reply(curriculum: Curriculum, question: Question, correct: bool) -> Reply:
    """Right or wrong, the right answer, why, and where to read more."""
    template = texts.RIGHT if correct else texts.WRONG
    body = template.format(answer=question.canonical_answer())
    body += "\n" + question.explanation.strip()
    parts: list[Text | Citation] = [Text(body)]
    citation = citation_for(curriculum, question)
    if citation is not None:
        parts.append(citation)
    return Reply(tuple(parts))
