"""Hybrid retrieval: BM25 keywords and vector similarity, fused by reciprocal rank fusion."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import bm25s  # type: ignore[import-untyped]

from knowledge.chunking import Chunk, from_lesson
from knowledge.embeddings import Embedder
from knowledge.keywords import tokenize
from knowledge.spelling import Speller
from knowledge.store import VectorHit
from knowledge.written import ProbeMatch

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG

RRF_K = 60
CANDIDATES = 20
SOURCE_WEIGHTS = {"lessons": 1.0, "catalog": 0.85, "seeds": 0.7}
"""Fused scores are scaled by source kind: lessons explain, catalog pages and seeds outline."""
NO_MODULE_WEIGHT = 0.9
"""Material tied to no module (e.g. the interview digest) yields to the module it summarises."""


def source_weight(chunk: Chunk) -> float:
    """How much a chunk's source counts in the fused ranking (1.0 for module lessons)."""
    weight = SOURCE_WEIGHTS.get(chunk.source.split("/", 1)[0], 1.0)
    return weight if chunk.module else weight * NO_MODULE_WEIGHT


class SearchableStore(Protocol):
    """What retrieval needs from a store (ChromaStore satisfies it)."""

    def count(self) -> int: ...
    def all_chunks(self) -> list[Chunk]: ...
    def query(
        self, vector: Sequence[float], k: int, module: str | None = None
    ) -> list[VectorHit]: ...


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its fused score and the scores behind it."""

    chunk: Chunk
    score: float
    similarity: float | None = None
    bm25: float = 0.0
    vector_rank: int | None = None
    keyword_rank: int | None = None

    @property
    def id(self) -> str:
        """The chunk id."""
        return self.chunk.id


@dataclass(frozen=True)
class Retrieval:
    """The passages for one query, best first, and the relevance signals for declining."""

    query: str
    passages: list[Passage]
    max_similarity: float
    max_bm25: float
    query_vector: list[float] = field(repr=False, default_factory=list)
    matches: list[ProbeMatch] = field(default_factory=list)
    """Written answers whose learner phrasings are closest to the query, best first."""
    own_vector: list[float] = field(repr=False, default_factory=list)
    """For a follow-up searched with the previous question: the message's own embedding."""

    @property
    def confidence(self) -> float:
        """How well the query is covered: its best written-answer or passage similarity."""
        best = self.matches[0].score if self.matches else 0.0
        return max(best, self.max_similarity)


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: sum of 1 / (k + rank) over every ranking an id appears in."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, id_ in enumerate(ranking, start=1):
            scores[id_] = scores.get(id_, 0.0) + 1.0 / (k + rank)
    return scores


class KeywordIndex:
    """A BM25 index over chunks (rebuilt only when the chunk set changes)."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = list(chunks)
        self.vocabulary: set[str] = set()
        corpus = [tokenize(c.search_text) or ["_"] for c in self.chunks]
        for tokens in corpus:
            self.vocabulary.update(tokens)
        self.speller = Speller(c.text for c in self.chunks if from_lesson(c.source))
        """Mends learners' typos against the lessons' words."""
        self._bm25 = bm25s.BM25()
        if self.chunks:
            self._bm25.index(corpus, show_progress=False)

    def search(self, query: str, k: int, module: str | None = None) -> list[tuple[Chunk, float]]:
        """The k best keyword matches with a positive score."""
        tokens = [t for t in tokenize(query) if t in self.vocabulary]
        if not tokens or not self.chunks:
            return []
        scores = self._bm25.get_scores(tokens)
        ranked = sorted(range(len(self.chunks)), key=lambda i: -float(scores[i]))
        hits = [(self.chunks[i], float(scores[i])) for i in ranked if scores[i] > 0]
        return [h for h in hits if module is None or h[0].module == module][:k]


class HybridRetriever:
    """Keyword + vector search over one store, fused by RRF (k=60)."""

    def __init__(self, store: SearchableStore, embedder: Embedder) -> None:
        self._store = store
        self._embedder = embedder
        self._index: KeywordIndex | None = None
        self._index_size = -1

    def invalidate(self) -> None:
        """Forget the keyword index (call after ingesting)."""
        self._index = None

    @property
    def keywords(self) -> KeywordIndex:
        """The BM25 index, built from the store's chunks on first use and after changes."""
        size = self._store.count()
        if self._index is None or size != self._index_size:
            self._index, self._index_size = KeywordIndex(self._store.all_chunks()), size
        return self._index

    def retrieve(
        self,
        query: str,
        k: int = 5,
        module: str | None = None,
        vector: list[float] | None = None,
    ) -> Retrieval:
        """The k best passages for `query`, optionally restricted to one module.

        Pass `vector` when the query is already embedded (the embedding is the costly part).
        """
        vector = vector if vector is not None else self._embedder.embed([query])[0]
        vector_hits = self._store.query(vector, CANDIDATES, module)
        keyword_hits = self.keywords.search(query, CANDIDATES, module)
        fused = rrf([[h.chunk.id for h in vector_hits], [c.id for c, _ in keyword_hits]])
        chunks = {h.chunk.id: h.chunk for h in vector_hits} | {c.id: c for c, _ in keyword_hits}
        fused = {i: score * source_weight(chunks[i]) for i, score in fused.items()}
        sims = {h.chunk.id: h.similarity for h in vector_hits}
        bm25 = {c.id: s for c, s in keyword_hits}
        v_rank = {h.chunk.id: r for r, h in enumerate(vector_hits, start=1)}
        k_rank = {c.id: r for r, (c, _) in enumerate(keyword_hits, start=1)}
        order = sorted(fused, key=lambda i: (-fused[i], -sims.get(i, 0.0)))[:k]
        passages = [
            Passage(
                chunks[i], fused[i], sims.get(i), bm25.get(i, 0.0), v_rank.get(i), k_rank.get(i)
            )
            for i in order
        ]
        return Retrieval(
            query=query,
            passages=passages,
            max_similarity=max(sims.values(), default=0.0),
            max_bm25=max(bm25.values(), default=0.0),
            query_vector=vector,
        )
