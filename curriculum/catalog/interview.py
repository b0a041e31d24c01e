"""Interview practice content: open questions, their key points, and calibration answers.

`interview/<topic>.yaml` files hold the questions. A strong answer makes the question's key
points; the grader (`curriculum.interview`) decides which ones an answer covers. Calibration
answers, written as candidates really talk and labelled with the key points they make, are how
the grader's thresholds are measured (`bench/interview.py`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from curriculum.catalog.answers import LessonRef
from curriculum.catalog.base import ModuleId, Slug, Strict, Text

if TYPE_CHECKING:
    from curriculum.catalog.models import Lesson, Roadmap

MIN_QUESTIONS = 150
MIN_CALIBRATED = 40
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]
Kind = Literal["concept", "explain", "design", "debug", "trade-off"]


class KeyPoint(Strict):
    """One thing a strong answer says: a canonical statement and other ways to say it."""

    id: Slug
    statement: Text
    phrasings: list[Phrase] = Field(min_length=1, max_length=6)
    keywords: list[Phrase] = Field(default_factory=list, max_length=8)


class SampleAnswer(Strict):
    """A calibration answer and the key points its author says it makes."""

    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=40)]
    covers: list[Slug] = Field(default_factory=list)


class Calibration(Strict):
    """A strong, a partial and a weak answer to the same question."""

    strong: SampleAnswer
    partial: SampleAnswer
    weak: SampleAnswer


class InterviewQuestion(Strict):
    """An open interview question with what a strong answer makes, and where it is taught."""

    id: Slug
    prompt: Text
    kind: Kind
    difficulty: int = Field(ge=1, le=3)
    weeks: list[int] = Field(min_length=1)
    modules: list[ModuleId] = Field(min_length=1)
    tags: list[Slug] = Field(min_length=1)
    checklist: Slug | None = None
    angle: Text | None = None
    lessons: list[LessonRef] = Field(min_length=1, max_length=4)
    key_points: list[KeyPoint] = Field(min_length=3, max_length=6)
    model_answer: Text
    follow_ups: list[Text] = Field(min_length=1, max_length=2)
    calibration: Calibration | None = None

    @model_validator(mode="after")
    def _labels_name_key_points(self) -> InterviewQuestion:
        ids = {k.id for k in self.key_points}
        if len(ids) != len(self.key_points):
            raise ValueError("key point ids must be unique within a question")
        if self.calibration is not None:
            for name in ("strong", "partial", "weak"):
                sample: SampleAnswer = getattr(self.calibration, name)
                unknown = sorted(set(sample.covers) - ids)
                if unknown:
                    raise ValueError(f"calibration {name} covers unknown key points {unknown}")
        return self

    def key_point(self, key_point_id: str) -> KeyPoint | None:
        return next((k for k in self.key_points if k.id == key_point_id), None)


class InterviewFile(Strict):
    """`interview/<topic>.yaml`."""

    topic: Text
    questions: list[InterviewQuestion] = Field(min_length=1)


class InterviewBank(Strict):
    """Every interview question, in file order."""

    questions: tuple[InterviewQuestion, ...] = ()

    def get(self, question_id: str) -> InterviewQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def calibrated(self) -> list[InterviewQuestion]:
        return [q for q in self.questions if q.calibration is not None]


def check_interview(
    bank: InterviewBank, roadmap: Roadmap | None, lessons: dict[str, Lesson]
) -> Iterator[tuple[str, str, str]]:
    """Counts, coverage of the roadmap and the modules, lesson links, calibration labels."""
    where = "interview"
    qs = bank.questions
    if len(qs) < MIN_QUESTIONS:
        yield where, "questions", f"{len(qs)} questions, at least {MIN_QUESTIONS} needed"
    if len(bank.calibrated) < MIN_CALIBRATED:
        yield where, "calibration", f"{len(bank.calibrated)} calibrated, {MIN_CALIBRATED} needed"
    for qid, n in Counter(q.id for q in qs).items():
        if n > 1:
            yield where, qid, f"question id used {n} times"
    for q in qs:
        for ref in q.lessons:
            lesson_id, _, anchor = ref.partition("#")
            lesson = lessons.get(lesson_id)
            if lesson is None or lesson.section(anchor) is None:
                yield where, f"{q.id}.lessons", f"{ref!r} does not resolve"
        yield from _calibration_problems(q)
    modules = {m for q in qs for m in q.modules}
    for module_id in sorted({lesson.module for lesson in lessons.values() if lesson.module}):
        if module_id not in modules:
            yield where, "modules", f"no question for module {module_id}"
    if roadmap is not None:
        yield from _roadmap_coverage(bank, roadmap)


def _calibration_problems(q: InterviewQuestion) -> Iterator[tuple[str, str, str]]:
    cal = q.calibration
    if cal is None:
        return
    strong, partial, weak = len(cal.strong.covers), len(cal.partial.covers), len(cal.weak.covers)
    if not strong > partial > weak:
        yield "interview", f"{q.id}.calibration", "labels must rank strong > partial > weak"


def _roadmap_coverage(bank: InterviewBank, roadmap: Roadmap) -> Iterator[tuple[str, str, str]]:
    weeks = Counter(w for q in bank.questions for w in q.weeks)
    for week in roadmap.weeks:
        if weeks[week.week] < 3:
            yield "interview", "weeks", f"week {week.week} has {weeks[week.week]} questions (3+)"
        for angle in week.interview_angle:
            if not any(q.angle == angle and week.week in q.weeks for q in bank.questions):
                yield "interview", "angle", f"week {week.week} angle {angle!r} has no question"
    checklist = {q.checklist for q in bank.questions}
    for topic in roadmap.interview_checklist:
        for item in topic.questions:
            if item.id not in checklist:
                yield "interview", "checklist", f"checklist question {item.id!r} has no question"
