"""Pydantic models of the curriculum content (see content/FORMAT.md)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator

from curriculum.catalog.answers import FaqFile, LessonAnswers
from curriculum.catalog.base import ElectiveId, ModuleId, Slug, Strict, Text
from curriculum.catalog.declines import Declines
from curriculum.catalog.interview import InterviewBank
from curriculum.numbers import is_ascii_number


class Level(StrEnum):
    """The four curriculum levels, in order."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    EXPERT = "expert"

    @property
    def rank(self) -> int:
        """Position of the level, 0 for beginner."""
        return list(Level).index(self)


class Objective(Strict):
    id: Slug
    text: Text


class Project(Strict):
    title: Text
    description: Text
    deliverable: Text
    acceptance: list[Text] = Field(min_length=1)


class Resource(Strict):
    kind: Literal[
        "video", "article", "documentation", "tutorial", "guide", "case-study", "code", "research"
    ]
    title: Text
    minutes: int | None = Field(default=None, gt=0)
    url: HttpUrl


class Assessment(Strict):
    quiz_pass_percent: int = Field(ge=1, le=100)
    project: Text


class Module(Strict):
    """One of the 24 curriculum modules."""

    id: ModuleId
    number: int = Field(ge=1, le=24)
    title: Text
    level: Level
    duration_hours: tuple[int, int]
    prerequisites: list[ModuleId]
    prior_knowledge: str | None = None
    objectives: list[Objective] = Field(min_length=1)
    theory: list[Text] = Field(min_length=1)
    quiz_questions: int = Field(ge=1)
    project: Project
    resources: list[Resource] = Field(min_length=1)
    assessment: Assessment
    tags: list[Literal["tool", "data", "deployment", "monitoring"]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Module:
        if self.id != f"m{self.number:02d}":
            raise ValueError(f"id {self.id!r} does not match number {self.number}")
        low, high = self.duration_hours
        if not 0 < low <= high:
            raise ValueError("duration_hours must be [min, max] with 0 < min <= max")
        ids = [o.id for o in self.objectives]
        if len(set(ids)) != len(ids):
            raise ValueError("objective ids must be unique")
        return self


class Elective(Strict):
    """An optional lesson that extends modules; it never counts towards module completion."""

    id: ElectiveId
    title: Text
    level: Level
    duration_hours: tuple[int, int]
    extends: list[ModuleId] = Field(min_length=1)
    roadmap_weeks: list[int] = Field(default_factory=list)
    prerequisites: list[ModuleId] = Field(default_factory=list)
    objectives: list[Objective] = Field(min_length=1)
    quiz_questions: int = Field(ge=8, le=10)
    project: Project | None = None
    resources: list[Resource] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Elective:
        low, high = self.duration_hours
        if not 0 < low <= high:
            raise ValueError("duration_hours must be [min, max] with 0 < min <= max")
        if any(not 1 <= w <= 12 for w in self.roadmap_weeks):
            raise ValueError("roadmap_weeks are weeks 1..12")
        return self


class Milestone(Strict):
    id: Slug
    title: Text
    after: list[ModuleId] = Field(min_length=1)
    deliverable: Text
    checks: list[Text] = Field(min_length=1)


class RubricLevel(Strict):
    excellent: Text
    meets: Text
    missing: Text


class Criterion(Strict):
    id: Slug
    title: Text
    weight: int = Field(ge=1, le=100)
    levels: RubricLevel


class Capstone(Strict):
    """The final project integrating all levels; `/project submit capstone <link>` hands it in."""

    id: Literal["capstone"]
    title: Text
    brief: Text
    integrates: list[ModuleId] = Field(min_length=1)
    deliverable: Text
    milestones: list[Milestone] = Field(min_length=3)
    rubric: list[Criterion] = Field(min_length=3)
    pass_score: int = Field(ge=1, le=100)

    @model_validator(mode="after")
    def _weights(self) -> Capstone:
        if sum(c.weight for c in self.rubric) != 100:
            raise ValueError("rubric weights must add up to 100")
        return self


class Section(Strict):
    """A lesson section: a heading with its stable anchor and its text."""

    anchor: Slug
    title: Text
    depth: int = Field(ge=1, le=6)
    text: str
    path: tuple[str, ...]


class Lesson(Strict):
    """A Markdown lesson, split into anchored sections."""

    id: str
    module: ModuleId | None
    title: Text
    source: str
    body: str
    sections: tuple[Section, ...]

    @property
    def words(self) -> int:
        """Word count of the body (front matter excluded)."""
        return len(self.body.split())

    def section(self, anchor: str) -> Section | None:
        """The section with this anchor, if any."""
        return next((s for s in self.sections if s.anchor == anchor), None)


class QuestionType(StrEnum):
    MCQ = "mcq"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"


BANNED_CHOICES = ("all of the above", "none of the above", "both a and b")


class Question(Strict):
    """One quiz question. Its id is stable forever."""

    id: Annotated[str, StringConstraints(pattern=r"^[me]\d\d-q\d\d$")]
    type: QuestionType
    prompt: Text
    choices: list[Text] | None = None
    answer: str | bool | None = None
    accepted: list[Text] | None = None
    explanation: Text
    lesson_ref: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+#[a-z0-9-]+$")]
    difficulty: Literal["easy", "medium", "hard"]
    tags: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shape(self) -> Question:
        if self.type is QuestionType.MCQ:
            if not self.choices or not 3 <= len(self.choices) <= 5:
                raise ValueError("mcq needs 3 to 5 choices")
            if len(set(c.casefold() for c in self.choices)) != len(self.choices):
                raise ValueError("mcq choices must be distinct")
            if any(b in c.casefold() for c in self.choices for b in BANNED_CHOICES):
                raise ValueError('choices may not say "all/none of the above" or "both A and B"')
            if not isinstance(self.answer, str) or self.answer not in self.choices:
                raise ValueError("mcq answer must be the exact text of one choice")
        elif self.type is QuestionType.TRUE_FALSE:
            if not isinstance(self.answer, bool) or self.choices:
                raise ValueError("true_false needs answer: true/false and no choices")
        else:
            if not self.accepted or self.choices or self.answer is not None:
                raise ValueError("short_answer needs accepted answers and no choices/answer")
        return self

    @property
    def correct_index(self) -> int | None:
        """Position of the correct choice in the bank (mcq only)."""
        if self.type is QuestionType.MCQ and self.choices and isinstance(self.answer, str):
            return self.choices.index(self.answer)
        return None

    @property
    def module_id(self) -> str:
        return self.id.split("-")[0]

    def canonical_answer(self) -> str:
        """The correct answer as text a learner can read."""
        if self.type is QuestionType.TRUE_FALSE:
            return "True" if self.answer else "False"
        if self.type is QuestionType.SHORT_ANSWER:
            assert self.accepted
            return self.accepted[0]
        return str(self.answer)


class QuizBank(Strict):
    module: ModuleId | ElectiveId
    questions: list[Question]


class Lecture(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^\d{1,2}\.\d{1,2}$")]
    title: Text
    minutes: int = Field(gt=0)


class CourseSection(Strict):
    number: int = Field(ge=1, le=15)
    title: Text
    phase: str | None = None
    lectures: list[Lecture] = Field(min_length=1)
    quiz_questions: int = Field(ge=5, le=10)
    modules: list[ModuleId] = Field(min_length=1)


class PathWeek(Strict):
    week: int = Field(ge=1)
    title: Text
    sections: list[int] = Field(min_length=1)


class ObjectiveGroup(Strict):
    group: Text
    items: list[Text] = Field(min_length=1)


class Course(Strict):
    title: Text
    path: list[PathWeek]
    objectives: list[ObjectiveGroup]
    assessment: list[Text]
    sections: list[CourseSection]

    def section(self, number: int) -> CourseSection | None:
        return next((s for s in self.sections if s.number == number), None)


class TopicGroup(Strict):
    title: str | None = None
    topics: list[Text] = Field(min_length=1)


class SyllabusLevel(Strict):
    number: int = Field(ge=1, le=10)
    title: Text
    groups: list[TopicGroup] = Field(min_length=1)
    modules: list[ModuleId] = Field(min_length=1)


class Syllabus(Strict):
    title: Text
    levels: list[SyllabusLevel]
    outcomes: list[Text]
    interview_readiness: list[Text]


class SequenceStep(Strict):
    title: Text
    topics: list[Text]
    why: Text
    builds_on: str
    modules: list[ModuleId]


class SequencePhase(Strict):
    name: Text
    focus: Text
    why: Text
    steps: list[SequenceStep] = Field(min_length=1)


class Sequence(Strict):
    title: Text
    phases: list[SequencePhase]


class RoadmapWeek(Strict):
    week: int = Field(ge=1, le=12)
    title: Text
    learn: list[Text]
    hands_on: list[Text]
    project: str | None = None
    tools: list[Text]
    output: list[Text]
    interview_angle: list[Text]
    modules: list[ModuleId] = Field(min_length=1)


class ChecklistQuestion(Strict):
    id: Slug
    question: Text


class ChecklistTopic(Strict):
    topic: Text
    questions: list[ChecklistQuestion] = Field(min_length=1)


class Roadmap(Strict):
    title: Text
    target_profile: list[Text]
    what_mlops_means: list[Text]
    weeks: list[RoadmapWeek]
    interview_checklist: list[ChecklistTopic]
    roles: list[Text]
    skip: list[Text]
    end_goal: Text


class Badge(Strict):
    """A badge of the achievement system, with its rule in words and parameters."""

    id: Slug
    name: Text
    emoji: Text
    kind: Literal["level", "specialty", "milestone"]
    seed_text: Text
    rule: Text
    params: dict[str, object] = Field(default_factory=dict)


class BadgeCatalog(Strict):
    badges: list[Badge]


class TrackWeek(Strict):
    week: int = Field(ge=1)
    title: Text
    learn: list[Text] = Field(min_length=1)
    hands_on: Text
    deliverable: Text
    modules: list[ModuleId] = Field(min_length=1)
    quizzes: list[Annotated[str, StringConstraints(pattern=r"^(m\d\d|section-\d{1,2})$")]]


class Track(Strict):
    """What a cohort receives week by week."""

    id: Slug
    title: Text
    source: Literal["roadmap", "course", "curriculum"]
    description: Text
    weeks: list[TrackWeek] = Field(min_length=1)

    def week(self, number: int) -> TrackWeek | None:
        return next((w for w in self.weeks if w.week == number), None)


class Curriculum(BaseModel):
    """Everything the tutor teaches, loaded and cross-checked."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    modules: dict[str, Module]
    lessons: dict[str, Lesson]
    quizzes: dict[str, QuizBank]
    course: Course | None
    syllabus: Syllabus | None
    sequence: Sequence | None
    roadmap: Roadmap | None
    badges: list[Badge]
    tracks: dict[str, Track]
    answers: dict[str, LessonAnswers] = Field(default_factory=dict)
    faq: dict[str, FaqFile] = Field(default_factory=dict)
    electives: dict[str, Elective] = Field(default_factory=dict)
    capstone: Capstone | None = None
    interview: InterviewBank = Field(default_factory=InterviewBank)
    declines: Declines = Field(default_factory=Declines)
    """Messages the tutor must decline: off-topic questions and injection attempts."""

    def modules_of(self, level: Level) -> list[Module]:
        """The modules of a level, in curriculum order."""
        return sorted(
            (m for m in self.modules.values() if m.level is level), key=lambda m: m.number
        )

    def ordered_modules(self) -> list[Module]:
        return sorted(self.modules.values(), key=lambda m: m.number)

    def questions(self, module_id: str) -> list[Question]:
        bank = self.quizzes.get(module_id)
        return list(bank.questions) if bank else []

    def question(self, question_id: str) -> Question | None:
        bank = self.quizzes.get(question_id.split("-")[0])
        if bank is None:
            return None
        return next((q for q in bank.questions if q.id == question_id), None)

    def electives_of(self, module_id: str) -> list[Elective]:
        """The electives that extend a module, in id order."""
        return sorted(
            (e for e in self.electives.values() if module_id in e.extends), key=lambda e: e.id
        )

    def find_module(self, text: str) -> Module | None:
        """A module by id (`m3`, `m03`, `3`) or by title (case-insensitive, exact or prefix)."""
        key = text.strip().casefold()
        if not key:
            return None
        digits = key[1:] if key.startswith("m") else key
        if is_ascii_number(digits, 2):
            return self.modules.get(f"m{int(digits):02d}")
        by_title = [m for m in self.ordered_modules() if m.title.casefold() == key]
        if by_title:
            return by_title[0]
        prefix = [m for m in self.ordered_modules() if m.title.casefold().startswith(key)]
        return prefix[0] if len(prefix) == 1 else None
