"""Grounded answers: extractive composition from retrieved passages, citations, and declining."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge import texts
from knowledge.chunking import Chunk
from knowledge.embeddings import Embedder
from knowledge.keywords import content_words
from knowledge.query import INJECTION, SearchQuery, build_query
from knowledge.retrieval import HybridRetriever, Passage, Retrieval
from knowledge.sentences import split_sentences

TOP_PASSAGES = 4
MAX_SENTENCES = 4
KEEP_RATIO = 0.8
SHORTLIST = 6
"""Sentences scored by keyword overlap that are then embedded for a semantic score."""


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

    @property
    def label(self) -> str:
        """E.g. `m06 · Model Monitoring › Set up drift detection`."""
        heading = self.lesson if self.section == self.lesson else f"{self.lesson} › {self.section}"
        return f"{self.module} · {heading}" if self.module else heading

    @property
    def ref(self) -> str:
        """E.g. `lessons/m06.md#drift-detection`."""
        return f"{self.source}#{self.anchor}"


@dataclass(frozen=True)
class Answer:
    """A reply to a question: text, its citations, or a polite decline."""

    text: str
    citations: tuple[Citation, ...]
    declined: bool
    nearest_modules: tuple[str, ...]
    passage_ids: tuple[str, ...]


@dataclass(frozen=True)
class RelevancePolicy:
    """When the material supports an answer (thresholds calibrated on knowledge/eval).

    Answer when the best cosine similarity reaches `strong_similarity`, or reaches
    `min_similarity` with a BM25 keyword score of at least `min_bm25`. What is left of a
    message after removing injection phrases must reach `injected_similarity`.
    """

    min_similarity: float = 0.23
    strong_similarity: float = 0.28
    min_bm25: float = 2.5
    injected_similarity: float = 0.40

    def supports(self, retrieval: Retrieval, injected: bool = False) -> bool:
        """Whether the retrieved material is relevant enough to answer from."""
        sim = retrieval.max_similarity
        if not retrieval.passages:
            return False
        if injected:
            return sim >= self.injected_similarity
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


def decline(message: str, passages: Sequence[Passage]) -> Answer:
    """A decline naming the nearest modules to read."""
    modules = nearest_modules(passages)
    titles = {p.chunk.module: p.chunk.title for p in passages if p.chunk.module}
    names = [texts.MODULE_REF.format(module=m, title=titles[m]) for m in modules]
    hint = texts.NEAREST_MODULES.format(modules=" or ".join(names)) if names else texts.NEAREST_NONE
    return Answer(message + hint, (), True, modules, tuple(p.id for p in passages))


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


class ExtractiveAnswerer:
    """Answers by picking the few sentences of the top passages that best match the question."""

    def __init__(
        self, retriever: HybridRetriever, embedder: Embedder, policy: RelevancePolicy | None = None
    ) -> None:
        self.retriever = retriever
        self._embedder = embedder
        self.policy = policy or RelevancePolicy()

    def retrieve(
        self,
        question: str,
        history: Sequence[str] = (),
        module: str | None = None,
        k: int = TOP_PASSAGES,
    ) -> tuple[SearchQuery, Retrieval, Answer | None]:
        """Search for the question; the third item is a decline when the material falls short."""
        query = build_query(question, history)
        if query.empty:
            message = texts.DECLINE_INJECTION if query.injected else texts.DECLINE_EMPTY
            return query, Retrieval(query.text, [], 0.0, 0.0), decline(message, [])
        retrieval = self.retriever.retrieve(query.text, k=k, module=module)
        own_words = content_words(query.original if query.follow_up else "")
        unknown = own_words and not own_words & self.retriever.keywords.vocabulary
        if unknown or not self.policy.supports(retrieval, query.injected):
            message = texts.DECLINE_INJECTION if query.injected else texts.DECLINE_OFF_TOPIC
            return query, retrieval, decline(message, retrieval.passages[:TOP_PASSAGES])
        return query, retrieval, None

    def answer(
        self, question: str, history: Sequence[str] = (), module: str | None = None
    ) -> Answer:
        """A short grounded answer with citations, or a polite decline."""
        query, retrieval, declined = self.retrieve(question, history, module)
        return declined or self.compose(query, retrieval)

    def _candidates(
        self, query: SearchQuery, retrieval: Retrieval
    ) -> list[tuple[float, int, int, str]]:
        units = [
            (rank, pos, s)
            for rank, p in enumerate(retrieval.passages[:TOP_PASSAGES])
            for pos, s in enumerate(split_sentences(p.chunk.text))
            if not INJECTION.search(s)
        ]
        if not units:
            return []
        words = content_words(query.text)
        lexical = [
            (len(words & content_words(s)) / max(len(words), 1) - 0.05 * rank, rank, pos, s)
            for rank, pos, s in units
        ]
        shortlist = sorted(lexical, key=lambda item: -item[0])[:SHORTLIST]
        vectors = self._embedder.embed([s for _, _, _, s in shortlist])
        return [
            (0.6 * _cosine(retrieval.query_vector, vector) + 0.4 * score, rank, pos, sentence)
            for (score, rank, pos, sentence), vector in zip(shortlist, vectors, strict=True)
        ]

    def _pick(self, scored: list[tuple[float, int, int, str]]) -> list[tuple[int, int, str]]:
        ranked = sorted(scored, key=lambda item: -item[0])
        best = ranked[0][0]
        picked: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        for score, rank, pos, sentence in ranked:
            key = sentence.casefold()
            if len(picked) >= MAX_SENTENCES or (picked and score < KEEP_RATIO * best):
                break
            if key not in seen:
                seen.add(key)
                picked.append((rank, pos, sentence))
        if all(rank for rank, _, _ in picked):
            top = [(pos, s) for _, rank, pos, s in ranked if rank == 0][:1]
            picked = picked[: MAX_SENTENCES - 1] + [(0, pos, s) for pos, s in top]
        if len(picked) == 1:
            rank, pos, _ = picked[0]
            follow = [s for _, r, p, s in scored if r == rank and p == pos + 1]
            picked += [(rank, pos + 1, s) for s in follow]
        return sorted(picked)

    def compose(self, query: SearchQuery, retrieval: Retrieval) -> Answer:
        """The chat answer built from the retrieved passages (never from anything else)."""
        scored = self._candidates(query, retrieval)
        passages = retrieval.passages[:TOP_PASSAGES]
        if not scored:
            return decline(texts.DECLINE_OFF_TOPIC, passages)
        picked = self._pick(scored)
        best_rank = max(scored, key=lambda item: item[0])[1]
        used = sorted({rank for rank, _, _ in picked} | {best_rank})
        lines = [texts.LEAD.format(heading=passages[best_rank].chunk.heading)]
        lines += [f"• {s}" for _, _, s in picked] if len(picked) > 1 else [picked[0][2]]
        citations = tuple(dict.fromkeys(Citation.of(passages[r].chunk) for r in used))
        return Answer(
            text="\n".join(lines),
            citations=citations,
            declined=False,
            nearest_modules=nearest_modules([passages[r] for r in used] + list(passages)),
            passage_ids=tuple(p.id for p in passages),
        )
