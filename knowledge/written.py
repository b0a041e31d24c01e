"""Answers we wrote (section answers, the FAQ, key terms) and the phrasings that find them.

Every written answer has probes: the ways learners ask for it. Probes are embedded once, at
ingest, into their own Chroma collection; a question is matched against all of them with one
matrix product, so finding the right written answer costs no extra embedding.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from curriculum.catalog.answers import Term, glossary
from curriculum.catalog.lessons import slugify
from curriculum.catalog.models import Curriculum
from knowledge.chunking import Chunk, from_lesson
from knowledge.embeddings import Embedder
from knowledge.sentences import split_sentences, stands_alone

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

PAGE = 1000
BATCH = 128


@dataclass(frozen=True)
class Written:
    """One answer we wrote: a section's direct answer, a FAQ entry or a key-term definition."""

    key: str
    kind: str
    title: str
    text: str
    refs: tuple[str, ...]
    details: tuple[str, ...] = ()
    """Short facts one step further, offered after an answer when they fit the question."""


@dataclass(frozen=True)
class Probe:
    """One way a learner asks for a written answer."""

    key: str
    text: str

    @property
    def id(self) -> str:
        """Stable for the same phrasing of the same answer."""
        return hashlib.sha256(f"{self.key}\n{self.text}".encode()).hexdigest()[:24]


@dataclass(frozen=True)
class ProbeMatch:
    """How close a question came to one written answer (its best phrasing)."""

    key: str
    score: float
    probe: str
    row: int = -1
    """Where the phrase sits in its `ProbeIndex` (for `ProbeIndex.overlap`)."""


def _term_key(lesson: str, name: str) -> str:
    return f"term:{lesson}#{slugify(name)}"


def _written(cur: Curriculum) -> Iterator[tuple[Written, list[str]]]:
    for lesson_id, answers in sorted(cur.answers.items()):
        lesson = cur.lessons.get(lesson_id)
        for entry in answers.sections:
            section = lesson.section(entry.anchor) if lesson else None
            title = section.title if section else entry.anchor
            ref = f"{lesson_id}#{entry.anchor}"
            details = tuple(entry.details)
            written = Written(f"section:{ref}", "section", title, entry.answer, (ref,), details)
            yield written, entry.asks
    for file in cur.faq.values():
        for faq in file.entries:
            written = Written(
                f"faq:{faq.id}", "faq", faq.question, faq.answer, tuple(faq.see), tuple(faq.details)
            )
            yield written, [faq.question, *faq.asks]
    first: dict[str, Written] = {}
    for term in sorted(glossary(cur.lessons), key=_course_order):
        earlier = first.get(slugify(term.name))
        if earlier is not None:  # defined again further on: its wording finds the first one
            yield earlier, [term.definition]
            continue
        names = [name for name in term.names if slugify(name) not in first]
        text = f"*{term.shown}*: {term.definition}"
        written = Written(_term_key(term.lesson, term.name), "term", term.name, text, (term.ref,))
        for name in term.names:
            first.setdefault(slugify(name), written)
        asks = [f"{form} {name}" for name in names for form in ("what is", "define")]
        yield written, asks


def _course_order(term: Term) -> tuple[bool, str]:
    """Core modules first, in order, then electives and the interview guide (no module): "what
    is X" goes to the first module that defines X, the one that introduces it."""
    return (term.module is None, term.lesson)


DECLINE_KEYS = ("decline:offtopic", "decline:injection")
"""Probe keys of the decline exemplars: messages the tutor must not answer from the course."""


def decline_probes(cur: Curriculum) -> list[Probe]:
    """The catalog's decline exemplars as probes, keyed by their kind."""
    off, injection = DECLINE_KEYS
    probes = [Probe(off, _squash(text)) for text in cur.declines.offtopic]
    probes += [Probe(injection, _squash(text)) for text in cur.declines.injection]
    return list({p.id: p for p in probes}.values())


def written_answers(cur: Curriculum) -> tuple[dict[str, Written], list[Probe]]:
    """Every written answer by key, and every probe that points at one."""
    answers: dict[str, Written] = {}
    probes: dict[str, Probe] = {}
    for written, asks in _written(cur):
        answers.setdefault(written.key, written)  # a term defined again adds phrasings only
        for text in [*asks, written.text, *written.details]:  # what it says finds it too
            probe = Probe(written.key, _squash(text))
            probes.setdefault(probe.id, probe)
    return answers, list(probes.values())


def sentence_probes(chunks: list[Chunk], written: dict[str, Written] | None = None) -> list[Probe]:
    """Candidate supporting details: every sentence of the lessons' chunks that stands alone,
    keyed by its chunk, and every sentence and detail of the written answers, keyed by their
    answer (a close answer that did not lead can still lend the one sentence the question
    needs)."""
    probes = [
        Probe(chunk.id, sentence)
        for chunk in chunks
        if from_lesson(chunk.source)
        for sentence in split_sentences(chunk.text)
        if stands_alone(sentence)
    ]
    for answer in (written or {}).values():
        probes += [Probe(answer.key, sentence) for sentence in said_sentences(answer)]
    return probes


def answer_sentences(answer: Written) -> list[str]:
    """The sentences of a written answer's text, as the sentence index stores them."""
    return [_squash(sentence) for sentence in split_sentences(answer.text)]


def said_sentences(answer: Written) -> list[str]:
    """Everything a written answer says, its sentences then its details, as stored."""
    return [*answer_sentences(answer), *(_squash(detail) for detail in answer.details)]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class ProbeIndex:
    """The embedded probes, kept in a Chroma collection and matched in memory."""

    def __init__(self, collection: Callable[[], Collection], embedder: Embedder) -> None:
        self._collection = collection
        self._embedder = embedder
        self._keys: list[str] = []
        self._texts: list[str] = []
        self._rows_of: dict[str, list[int]] = {}
        self._matrix: np.ndarray[Any, np.dtype[np.float32]] | None = None
        self._lock = threading.Lock()

    def sync(self, probes: list[Probe]) -> tuple[int, int]:
        """Embed new probes and delete vanished ones; returns (added, deleted)."""
        coll = self._collection()
        existing = set(self._ids(coll))
        wanted = {p.id: p for p in probes}
        todo = [p for i, p in wanted.items() if i not in existing]
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            vectors = self._embedder.embed([p.text for p in batch])
            coll.upsert(
                ids=[p.id for p in batch],
                documents=[p.text for p in batch],
                metadatas=[{"key": p.key} for p in batch],
                embeddings=np.asarray(vectors, dtype=np.float32),
            )
        vanished = sorted(existing - set(wanted))
        if vanished:
            coll.delete(ids=vanished)
        with self._lock:
            self._matrix = None
        return len(todo), len(vanished)

    @staticmethod
    def _ids(coll: Collection) -> Iterator[str]:
        offset = 0
        while True:
            got = coll.get(include=[], limit=PAGE, offset=offset)
            if not got["ids"]:
                return
            yield from got["ids"]
            offset += len(got["ids"])

    def _load(self) -> np.ndarray[Any, np.dtype[np.float32]]:
        with self._lock:
            if self._matrix is None:
                keys, texts, rows = [], [], []
                coll, offset = self._collection(), 0
                while True:
                    got = coll.get(
                        include=["embeddings", "metadatas", "documents"], limit=PAGE, offset=offset
                    )
                    if not got["ids"]:
                        break
                    keys += [str(m["key"]) for m in got["metadatas"] or []]
                    texts += list(got["documents"] or [])
                    rows += list(got["embeddings"] if got["embeddings"] is not None else [])
                    offset += len(got["ids"])
                self._keys, self._texts = keys, texts
                self._rows_of = {}
                for row, key in enumerate(keys):
                    self._rows_of.setdefault(key, []).append(row)
                dim = self._embedder.dim
                self._matrix = np.asarray(rows, dtype=np.float32).reshape(len(rows), dim)
            return self._matrix

    def stale(self, probes: list[Probe]) -> bool:
        """Whether the stored phrasings differ from `probes`."""
        return set(self._ids(self._collection())) != {p.id for p in probes}

    def warm(self) -> int:
        """Load the probes into memory now; returns how many there are."""
        return int(self._load().shape[0])

    def scored(self, vector: list[float], keys: list[str]) -> list[ProbeMatch]:
        """Every phrase stored under one of `keys`, scored against `vector`, best first."""
        matrix = self._load()
        rows = [row for key in keys for row in self._rows_of.get(key, [])]
        if not rows:
            return []
        scores = matrix[rows] @ np.asarray(vector, dtype=np.float32)
        found = [
            ProbeMatch(self._keys[row], float(score), self._texts[row], row)
            for row, score in zip(rows, scores, strict=True)
        ]
        return sorted(found, key=lambda m: -m.score)

    def overlap(self, row: int, others: list[int]) -> float:
        """How close in meaning phrase `row` comes to the closest of `others` (cosine)."""
        matrix = self._load()
        others = [other for other in others if 0 <= other < len(matrix)]
        if not others or not 0 <= row < len(matrix):  # reloaded since `scored`: no opinion
            return 0.0
        return float(np.max(matrix[others] @ matrix[row]))

    def match(self, vector: list[float], k: int = 8) -> list[ProbeMatch]:
        """The k written answers whose phrasings come closest to `vector`, best first."""
        matrix = self._load()
        if not len(matrix):
            return []
        scores = matrix @ np.asarray(vector, dtype=np.float32)
        best: dict[str, ProbeMatch] = {}
        for i in np.argsort(-scores)[: k * 6]:
            key = self._keys[i]
            if key not in best:
                best[key] = ProbeMatch(key, float(scores[i]), self._texts[i])
            if len(best) >= k:
                break
        return list(best.values())


class WrittenAnswers:
    """The curriculum's written answers, and the probe index that finds them."""

    def __init__(self, curriculum: Curriculum, index: ProbeIndex) -> None:
        self.curriculum = curriculum
        self.answers, self.probes = written_answers(curriculum)
        self.probes += decline_probes(curriculum)
        self.index = index

    def sync(self) -> tuple[int, int]:
        """Bring the stored probes in line with the content; returns (added, deleted)."""
        return self.index.sync(self.probes)

    def match(self, vector: list[float], k: int = 8) -> list[ProbeMatch]:
        """The closest written answers to a question vector (only ones that still exist)."""
        if not self.answers:
            return []
        return [m for m in self.index.match(vector, k) if m.key in self.answers]

    def closest_decline(self, vector: list[float]) -> ProbeMatch | None:
        """The decline exemplar closest to a question vector (key: its kind), if any."""
        found = self.index.scored(vector, list(DECLINE_KEYS))
        return found[0] if found else None

    def for_section(self, lesson: str, anchor: str) -> Written | None:
        """The direct answer of one lesson section, if we wrote one."""
        return self.answers.get(f"section:{lesson}#{anchor}")
