"""Written answers: a direct answer per lesson section, the course FAQ, and the glossary.

These are what the tutor says first. Retrieval finds the right one by matching the learner's
message against the ways learners ask (`asks`); passages only add supporting detail.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints

from curriculum.catalog.base import Slug, Strict, Text

if TYPE_CHECKING:
    from curriculum.catalog.models import Lesson

LessonRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+#[a-z0-9-]+$")]
Ask = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=1500)]

MIN_ASKS = 5
MAX_ANSWER_WORDS = 120
ANSWER_SENTENCES = (2, 4)
FAQ_SENTENCES = (2, 5)
MAX_SENTENCE_WORDS = 30
"""One fact per sentence: a reply sentence should say one thing a learner can check."""
MAX_DETAILS = 4
SKIPPED_SECTIONS = ("check-yourself",)
"""Sections whose questions are folded into the asks of the sections that answer them."""


class SectionAnswer(Strict):
    """The direct answer to what one lesson section teaches, and how learners ask for it."""

    anchor: Slug
    answer: Text
    details: list[Text] = Field(default_factory=list, max_length=MAX_DETAILS)
    """Short facts that go one step further, offered after the answer when they fit the question."""
    asks: list[Ask] = Field(min_length=MIN_ASKS)


class LessonAnswers(Strict):
    """`answers/<lesson>.yaml`: one entry per answerable section of the lesson."""

    lesson: Annotated[str, StringConstraints(pattern=r"^(m\d\d|[a-z][a-z0-9-]*)$")]
    sections: list[SectionAnswer] = Field(min_length=1)


class FaqEntry(Strict):
    """A course FAQ entry: a question that cuts across sections, answered by us."""

    id: Slug
    question: Text
    asks: list[Ask] = Field(min_length=2)
    answer: Text
    details: list[Text] = Field(default_factory=list, max_length=MAX_DETAILS)
    see: list[LessonRef] = Field(min_length=1, max_length=4)


class FaqFile(Strict):
    """`faq/<topic>.yaml`."""

    entries: list[FaqEntry] = Field(min_length=1)


@dataclass(frozen=True)
class Term:
    """A key term defined in a lesson's `key-terms` section."""

    name: str
    aliases: tuple[str, ...]
    definition: str
    lesson: str
    module: str | None
    label: str = ""
    """The term as the lesson writes it (`ETL / ELT`, `Workflow (GitHub Actions)`)."""

    @property
    def shown(self) -> str:
        """How a definition names the term: as the lesson writes it."""
        return self.label or self.name

    @property
    def ref(self) -> str:
        """The lesson ref of the key-terms section that defines it."""
        return f"{self.lesson}#key-terms"

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


_TERM = re.compile(r"^\*\*(?P<term>[^*]+?)\*\*\s*:\s*(?P<definition>.+)$")
_ALIASES = re.compile(r"\s*\(([^)]*)\)\s*")


def _split_term(raw: str) -> tuple[str, tuple[str, ...]]:
    """`Data drift (covariate shift)` -> ("Data drift", ("covariate shift",))."""
    aliases = [a.strip() for group in _ALIASES.findall(raw) for a in re.split(r",|/| or ", group)]
    name = _ALIASES.sub(" ", raw).strip()
    parts = [p.strip() for p in name.split(" / ")]
    return parts[0], tuple(a for a in [*parts[1:], *aliases] if a)


def glossary(lessons: dict[str, Lesson]) -> list[Term]:
    """Every `**Term**: definition` line of every lesson's key-terms section."""
    terms: list[Term] = []
    for lesson in sorted(lessons.values(), key=lambda item: item.id):
        section = lesson.section("key-terms")
        if section is None:
            continue
        for line in section.text.splitlines():
            match = _TERM.match(line.strip())
            if match:
                label = match.group("term").strip()
                name, aliases = _split_term(label)
                definition = match.group("definition").strip()
                terms.append(Term(name, aliases, definition, lesson.id, lesson.module, label))
    return terms


def answerable_sections(lesson: Lesson) -> list[str]:
    """Anchors of the sections that need a direct answer.

    Every heading below the title with text of its own, except the skipped kinds. The title's
    introduction is answered from the catalog (`what's in m07?`).
    """
    return [
        s.anchor
        for s in lesson.sections
        if s.depth > 1 and s.text.strip() and s.anchor not in SKIPPED_SECTIONS
    ]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`\"'(])")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|vs|etc|approx)\.$", re.IGNORECASE)


def written_sentences(text: str) -> list[str]:
    """A written answer cut into sentences (not after `e.g.`, `vs.` and the like)."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p for p in parts if p]


def _style(
    answer: str, details: list[str], sentences: tuple[int, int] = ANSWER_SENTENCES
) -> Iterator[tuple[str, str]]:
    """Problems with how a written answer reads: sentence count and one fact per sentence."""
    low, high = sentences
    count = len(written_sentences(answer))
    if not low <= count <= high:
        yield "answer", f"{count} sentences; write {low}-{high}"
    for sentence in written_sentences(answer):
        if len(sentence.split()) > MAX_SENTENCE_WORDS:
            yield "answer", f"a sentence of over {MAX_SENTENCE_WORDS} words: {sentence[:50]!r}"
    for j, detail in enumerate(details):
        if len(written_sentences(detail)) != 1:
            yield f"details.{j}", "one sentence per detail"
        elif len(detail.split()) > MAX_SENTENCE_WORDS:
            yield f"details.{j}", f"over {MAX_SENTENCE_WORDS} words"


def _normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def _ref_exists(ref: str, lessons: dict[str, Lesson]) -> bool:
    lesson_id, _, anchor = ref.partition("#")
    lesson = lessons.get(lesson_id)
    return lesson is not None and lesson.section(anchor) is not None


def check_answers(
    answers: dict[str, LessonAnswers], faq: dict[str, FaqFile], lessons: dict[str, Lesson]
) -> Iterator[tuple[str, str, str]]:
    """Cross-file problems: anchors resolve, every section is answered, no duplicate questions."""
    for lesson_id, lesson in sorted(lessons.items()):
        where = f"answers/{lesson_id}.yaml"
        got = answers.get(lesson_id)
        if got is None:
            yield where, "", "file is missing: every lesson section needs a direct answer"
            continue
        anchors = [s.anchor for s in got.sections]
        for anchor in sorted(set(answerable_sections(lesson)) - set(anchors)):
            yield where, "sections", f"no direct answer for section {anchor!r}"
        for i, entry in enumerate(got.sections):
            if lesson.section(entry.anchor) is None:
                yield where, f"sections.{i}.anchor", f"{entry.anchor!r} is not a section of it"
            if len(entry.answer.split()) > MAX_ANSWER_WORDS:
                yield where, f"sections.{i}.answer", f"longer than {MAX_ANSWER_WORDS} words"
            for field, problem in _style(entry.answer, entry.details):
                yield where, f"sections.{i}.{field}", problem
        for anchor, n in Counter(anchors).items():
            if n > 1:
                yield where, "sections", f"section {anchor!r} is answered {n} times"
    for lesson_id in sorted(set(answers) - set(lessons)):
        yield f"answers/{lesson_id}.yaml", "lesson", f"no lesson {lesson_id!r}"
    ids: Counter[str] = Counter()
    for name, file in sorted(faq.items()):
        for i, item in enumerate(file.entries):
            ids[item.id] += 1
            for j, ref in enumerate(item.see):
                if not _ref_exists(ref, lessons):
                    yield f"faq/{name}.yaml", f"entries.{i}.see.{j}", f"{ref!r} does not resolve"
            if len(item.answer.split()) > MAX_ANSWER_WORDS + 20:
                yield f"faq/{name}.yaml", f"entries.{i}.answer", "longer than 140 words"
            for field, problem in _style(item.answer, item.details, FAQ_SENTENCES):
                yield f"faq/{name}.yaml", f"entries.{i}.{field}", problem
    for faq_id, n in ids.items():
        if n > 1:
            yield "faq", faq_id, f"FAQ id used {n} times"
    yield from _duplicate_asks(answers, faq)


def _duplicate_asks(
    answers: dict[str, LessonAnswers], faq: dict[str, FaqFile]
) -> Iterator[tuple[str, str, str]]:
    owners: dict[str, str] = {}
    phrasings = [
        (f"{a.lesson}#{s.anchor}", text)
        for a in answers.values()
        for s in a.sections
        for text in s.asks
    ]
    phrasings += [
        (f"faq:{e.id}", text)
        for f in faq.values()
        for e in f.entries
        for text in [e.question, *e.asks]
    ]
    for owner, text in phrasings:
        key = _normalised(text)
        first = owners.setdefault(key, owner)
        if first != owner:
            yield "answers", owner, f"asks {text[:60]!r}, which {first} asks too"
