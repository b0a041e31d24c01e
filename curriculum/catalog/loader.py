"""Load every content file into models, collecting *all* errors with file and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from curriculum.catalog.answers import FaqFile, LessonAnswers, check_answers
from curriculum.catalog.checks import cross_check
from curriculum.catalog.declines import (
    DECLINE_KINDS,
    DeclineFile,
    Declines,
    check_against_course,
    check_declines,
)
from curriculum.catalog.interview import InterviewBank, InterviewFile, check_interview
from curriculum.catalog.lessons import LessonFormatError, parse_sections, split_front_matter
from curriculum.catalog.models import (
    Badge,
    BadgeCatalog,
    Capstone,
    Course,
    Curriculum,
    Elective,
    Lesson,
    Module,
    QuizBank,
    Roadmap,
    Sequence,
    Syllabus,
    Track,
)

CONTENT_ROOT = Path(__file__).resolve().parent.parent / "content"
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class ContentErrors(Exception):
    """Raised when content does not validate; carries every error found."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__(f"{len(errors)} content error(s)")
        self.errors = errors


class _Collector:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.errors: list[ContentError] = []

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(self, path: Path | str, field: str, message: str) -> None:
        name = path if isinstance(path, str) else self.rel(path)
        self.errors.append(ContentError(name, field, message))

    def yaml(self, path: Path) -> Any:
        try:
            return yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
            self.add(path, "", f"cannot be read as YAML: {exc}".splitlines()[0])
            return None

    def model(self, path: Path, model: type[M], data: Any) -> M | None:
        if data is None:
            return None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(p) for p in err["loc"]) or "(file)"
                self.add(path, field, err["msg"])
            return None

    def load(self, path: Path, model: type[M], required: bool = True) -> M | None:
        if not path.exists():
            if required:
                self.add(path, "", "file is missing")
            return None
        return self.model(path, model, self.yaml(path))


def _load_lesson(col: _Collector, path: Path) -> Lesson | None:
    try:
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, LessonFormatError, yaml.YAMLError) as exc:
        col.add(path, "front matter", str(exc).splitlines()[0])
        return None
    module = meta.get("module")
    data = {
        "id": meta.get("id") or module or path.stem,
        "module": module,
        "title": meta.get("title"),
        "source": col.rel(path),
        "body": body,
        "sections": parse_sections(body),
    }
    return col.model(path, Lesson, data)


def _load_declines(col: _Collector, folder: Path) -> dict[str, DeclineFile]:
    for path in sorted(folder.glob("*.y*ml")):
        if path.stem not in DECLINE_KINDS or path.suffix != ".yaml":
            expected = " and ".join(f"{kind}.yaml" for kind in DECLINE_KINDS)
            col.add(path, "", f"unknown decline file: only {expected} are read")
    files = {kind: col.load(folder / f"{kind}.yaml", DeclineFile) for kind in DECLINE_KINDS}
    return {kind: file for kind, file in files.items() if file is not None}


def load_declines(root: Path | None = None) -> Declines:
    """Only the decline exemplars under `root`, checked on their own; raise ContentErrors.

    For what needs the exemplars without the lessons (benchmarks, tests). `load_curriculum`
    loads them too, and also checks that none is a way the course's answers are asked for.
    """
    col = _Collector(root or CONTENT_ROOT)
    files = _load_declines(col, col.root / "declines")
    for error in check_declines(files):
        col.add(*error)
    if col.errors:
        raise ContentErrors(col.errors)
    return Declines.of(files)


def load_curriculum(root: Path | None = None) -> Curriculum:
    """Load and cross-check all content under `root`; raise ContentErrors listing every problem."""
    root = root or CONTENT_ROOT
    col = _Collector(root)
    modules = {
        m.id: m for p in sorted((root / "modules").glob("*.yaml")) if (m := col.load(p, Module))
    }
    lessons = {
        lesson.id: lesson
        for p in sorted((root / "lessons").glob("*.md"))
        if (lesson := _load_lesson(col, p))
    }
    quizzes = {
        b.module: b
        for p in sorted((root / "quizzes").glob("*.yaml"))
        if (b := col.load(p, QuizBank))
    }
    badge_catalog = col.load(root / "badges.yaml", BadgeCatalog)
    badges: list[Badge] = list(badge_catalog.badges) if badge_catalog else []
    tracks = {
        t.id: t for p in sorted((root / "tracks").glob("*.yaml")) if (t := col.load(p, Track))
    }
    answers = {
        a.lesson: a
        for p in sorted((root / "answers").glob("*.yaml"))
        if (a := col.load(p, LessonAnswers))
    }
    faq = {p.stem: f for p in sorted((root / "faq").glob("*.yaml")) if (f := col.load(p, FaqFile))}
    electives = {
        e.id: e for p in sorted((root / "electives").glob("*.yaml")) if (e := col.load(p, Elective))
    }
    has_interview = (root / "interview").is_dir()
    interview = InterviewBank(
        questions=tuple(
            q
            for p in sorted((root / "interview").glob("*.yaml"))
            if (i := col.load(p, InterviewFile))
            for q in i.questions
        )
    )
    has_declines = (root / "declines").is_dir()
    declines = _load_declines(col, root / "declines") if has_declines else {}
    curriculum = Curriculum(
        modules=modules,
        lessons=lessons,
        quizzes=quizzes,
        course=col.load(root / "course.yaml", Course),
        syllabus=col.load(root / "syllabus.yaml", Syllabus),
        sequence=col.load(root / "sequence.yaml", Sequence),
        roadmap=col.load(root / "roadmap.yaml", Roadmap),
        badges=badges,
        tracks=tracks,
        answers=answers,
        faq=faq,
        electives=electives,
        capstone=col.load(root / "capstone.yaml", Capstone, required=False),
        interview=interview,
        declines=Declines.of(declines),
    )
    checks = [
        *cross_check(curriculum),
        *check_answers(answers, faq, lessons),
        *(check_interview(interview, curriculum.roadmap, lessons) if has_interview else []),
        *check_declines(declines),
        *check_against_course(declines, answers, faq),
    ]
    for error in checks:
        col.add(*error)
    if col.errors:
        raise ContentErrors(col.errors)
    return curriculum
