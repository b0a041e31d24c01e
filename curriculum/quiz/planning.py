"""Choosing and shuffling a session's questions, reproducibly from a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from curriculum.catalog.models import Question, QuestionType


@dataclass(frozen=True)
class PlannedQuiz:
    question_ids: list[str]
    choice_orders: dict[str, list[int]]


def plan_quiz(questions: list[Question], seed: int, limit: int | None = None) -> PlannedQuiz:
    """Shuffle questions (no repeats) and each MCQ's choices; keep at most `limit`."""
    rng = random.Random(seed)
    unique = list({q.id: q for q in questions}.values())
    rng.shuffle(unique)
    chosen = unique[:limit] if limit else unique
    orders: dict[str, list[int]] = {}
    for q in chosen:
        if q.type is QuestionType.MCQ and q.choices:
            order = list(range(len(q.choices)))
            rng.shuffle(order)
            orders[q.id] = order
    return PlannedQuiz([q.id for q in chosen], orders)


def choice_labels(question: Question, order: list[int] | None) -> list[str]:
    """The choices as displayed, in the session's order."""
    if question.type is QuestionType.TRUE_FALSE:
        return ["True", "False"]
    if question.type is QuestionType.MCQ and question.choices:
        return [question.choices[i] for i in (order or range(len(question.choices)))]
    return []
