"""Which quiz questions a cohort misses, what wrong choices it picks, where to read more."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.cohort.learners import learners_of
from curriculum.catalog.models import Question, QuestionType
from curriculum.quiz.grading import read_choice
from storage.repositories.instructor_stats import InstructorStatsRepository
from storage.tables import Cohort

if TYPE_CHECKING:
    from bot.bootstrap import Services


@dataclass(frozen=True)
class MissedQuestion:
    """A question with its answer distribution (the most chosen answers first)."""

    question_id: str
    prompt: str
    right_answer: str
    wrong: int
    total: int
    distribution: tuple[tuple[str, int, bool], ...]
    """(answer given, how many, whether it is right)."""
    lesson: str
    anchor: str

    @property
    def never_right(self) -> bool:
        return self.wrong == self.total


def chosen(question: Question, order: list[int], given: str) -> str:
    """The text of the choice a typed or pressed reply picked (short answers as typed)."""
    if question.type is QuestionType.TRUE_FALSE:
        index = read_choice(given, 2, true_false=True).index
        return given if index is None else ("True" if index == 0 else "False")
    if question.type is QuestionType.MCQ and question.choices:
        index = read_choice(given, len(order)).index
        if index is not None and index < len(order) and order[index] < len(question.choices):
            return question.choices[order[index]]
    return given


def missed(services: Services, cohort: Cohort, limit: int = 20) -> list[MissedQuestion]:
    """The most-missed questions of the cohort's learners, most wrong answers first."""
    ids = [p.id for p in learners_of(services, cohort) if p.id is not None]
    by_question: dict[str, Counter[tuple[str, bool]]] = {}
    for answer, order in InstructorStatsRepository(services.db).answers(ids):
        question = services.curriculum.question(answer.question_id)
        given = chosen(question, order, answer.given) if question else answer.given
        given = given.strip()[:120] or "(empty)"
        by_question.setdefault(answer.question_id, Counter())[(given, answer.correct)] += 1
    found = []
    for qid, tally in by_question.items():
        wrong = sum(n for (_, ok), n in tally.items() if not ok)
        if not wrong:
            continue
        question = services.curriculum.question(qid)
        lesson, _, anchor = (question.lesson_ref if question else "#").partition("#")
        found.append(
            MissedQuestion(
                question_id=qid,
                prompt=question.prompt.strip() if question else qid,
                right_answer=str(question.answer)
                if question and question.answer is not None
                else "",
                wrong=wrong,
                total=sum(tally.values()),
                distribution=tuple((g, n, ok) for (g, ok), n in tally.most_common()),
                lesson=lesson,
                anchor=anchor,
            )
        )
    found.sort(key=lambda q: (-q.wrong, -q.wrong / q.total, q.question_id))
    return found[:limit]
