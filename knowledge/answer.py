"""What an answer is: its text, citations, how it was found, and the polite decline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from curriculum.catalog.models import Lesson
from knowledge import texts
from knowledge.chunking import Chunk
from knowledge.retrieval import Passage, Retrieval

if TYPE_CHECKING:
    from knowledge.llm.metrics import Usage


@dataclass(frozen=True)
class Citation:
    """Where part of an answer comes from."""

    module: str | None
    lesson: str
    section: str
    source: str
    anchor: str

    @classmethod
    def of(cls, chunk: Chunk) -> Citation:
        """The citation of a retrieved chunk."""
        return cls(chunk.module, chunk.title, chunk.section_title, chunk.source, chunk.anchor)

    @classmethod
    def of_section(cls, lesson: Lesson, anchor: str) -> Citation:
        """The citation of a lesson section we wrote an answer for."""
        section = lesson.section(anchor)
        title = section.title if section else lesson.title
        return cls(lesson.module, lesson.title, title, lesson.source, anchor)

    @property
    def label(self) -> str:
        """E.g. `m06 · Model Monitoring › Set up drift detection`."""
        heading = self.lesson if self.section == self.lesson else f"{self.lesson} › {self.section}"
        return f"{self.module} · {heading}" if self.module else heading

    @property
    def ref(self) -> str:
        """E.g. `lessons/m06.md#drift-detection`."""
        return f"{self.source}#{self.anchor}"

    @property
    def lesson_ref(self) -> str:
        """E.g. `m06#drift-detection` (what `/lesson` and the content files use)."""
        stem = self.source.rsplit("/", 1)[-1].removesuffix(".md")
        return f"{self.module or stem}#{self.anchor}"


@dataclass(frozen=True)
class Answer:
    """A reply to a question: text, its citations, or a polite decline.

    `kind` says how it was found: `section`, `faq` or `term` (a written answer), `passage`
    (composed from retrieved passages) or `decline`; `follow_up` whether the thread's earlier
    question was used as context.
    """

    text: str
    citations: tuple[Citation, ...]
    declined: bool
    nearest_modules: tuple[str, ...]
    passage_ids: tuple[str, ...]
    kind: str = "passage"
    follow_up: bool = False
    key: str | None = None
    search_text: str = ""
    """What was searched (with the previous question when it was a follow-up)."""
    usage: Usage | None = None
    """The model call behind the answer (tokens, latency, outcome); None without a model."""


@dataclass(frozen=True)
class RelevancePolicy:
    """When the material supports an answer (thresholds calibrated on knowledge/eval).

    A written answer is used when a learner phrasing of it comes within `written_similarity`.
    Otherwise passages must support the question: the best cosine similarity reaches
    `strong_similarity`, or reaches `min_similarity` with a BM25 keyword score of `min_bm25`,
    and some written phrasing must come within `answer_similarity` (closer still with a word the
    course never uses, see `foreign_written`). Failing both, the question
    is still answered when two independent searches agree: the closest written phrasing (within
    `agree_similarity`) belongs to the same section as the best lesson passage, and that passage
    also matches by keywords (`min_bm25`).
    """

    min_similarity: float = 0.23
    strong_similarity: float = 0.28
    min_bm25: float = 2.5
    written_similarity: float = 0.62
    answer_similarity: float = 0.46
    lead_similarity: float = 0.50
    agree_similarity: float = 0.38
    lead_gap: float = 0.08
    support_weight: float = 0.5
    """The lead is chosen among the written answers within `lead_gap` of the best match, by
    match + `support_weight` × the similarity of the best passage from the same section: what
    both the phrasings and the lesson text point at wins a near tie."""
    reading: int = 3
    reading_similarity: float = 0.45
    reading_passage: float = 0.40
    """Citations are topped up to `reading` with the next closest sections: written answers
    matched within `reading_similarity`, lesson passages within `reading_passage`."""
    focus_gap: float = 0.10
    focus_sentences: int = 3
    """A key-terms answer leads with at most `focus_sentences` of its definitions, those within
    `focus_gap` of the one closest to the question."""
    detail_similarity: float = 0.35
    details: int = 3
    """At most this many supporting sentences follow a written answer."""
    detail_overlap: float = 0.85
    """A sentence this close in meaning to a lead sentence or a picked detail is not added."""
    foreign_written: float = 0.52
    foreign_passage: float = 0.42
    """A question with a common English word the course never uses (`continental drift`, `an
    orchestra conductor`) is answered from the passages only when both searches come this close:
    its closest phrasing within `foreign_written` and its best passage within `foreign_passage`."""
    decline_similarity: float = 0.50
    decline_margin: float = 0.0
    """A message within `decline_similarity` of a written decline exemplar (off-topic or
    injection) that comes at least `decline_margin` closer to it than to any course phrasing
    is declined."""

    def supports(self, retrieval: Retrieval) -> bool:
        """Whether the retrieved material is relevant enough to answer from."""
        if retrieval.matches and retrieval.matches[0].score >= self.written_similarity:
            return True
        sim = retrieval.max_similarity
        if not retrieval.passages:
            return False
        if sim >= self.strong_similarity:
            return True
        return sim >= self.min_similarity and retrieval.max_bm25 >= self.min_bm25


def nearest_modules(passages: Sequence[Passage], limit: int = 2) -> tuple[str, ...]:
    """Distinct module ids of the best passages."""
    seen: list[str] = []
    for p in passages:
        if p.chunk.module and p.chunk.module not in seen:
            seen.append(p.chunk.module)
    return tuple(seen[:limit])


def decline(message: str, passages: Sequence[Passage], *, hint: bool = True) -> Answer:
    """A decline naming the nearest modules to read (none for injections and nonsense)."""
    modules = nearest_modules(passages) if hint else ()
    titles = {p.chunk.module: p.chunk.title for p in passages if p.chunk.module}
    names = [texts.MODULE_REF.format(module=m, title=titles[m]) for m in modules]
    more = texts.NEAREST_MODULES.format(modules=" or ".join(names)) if names else texts.NEAREST_NONE
    return Answer(message + more, (), True, modules, tuple(p.id for p in passages), "decline")
