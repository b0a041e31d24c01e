"""The fallback answer when nothing we wrote fits: the passages' best sentences, stitched."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge import texts
from knowledge.answer import Answer, Citation, decline, nearest_modules
from knowledge.embeddings import Embedder
from knowledge.keywords import content_words
from knowledge.query import INJECTION, SearchQuery
from knowledge.retrieval import Retrieval
from knowledge.sentences import split_sentences

TOP_PASSAGES = 4
MAX_SENTENCES = 4
KEEP_RATIO = 0.8
SHORTLIST = 6
"""Sentences scored by keyword overlap that are then embedded for a semantic score."""

Scored = tuple[float, int, int, str]


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _candidates(query: SearchQuery, retrieval: Retrieval, embedder: Embedder) -> list[Scored]:
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
    vectors = embedder.embed([s for _, _, _, s in shortlist])
    return [
        (0.6 * _cosine(retrieval.query_vector, vector) + 0.4 * score, rank, pos, sentence)
        for (score, rank, pos, sentence), vector in zip(shortlist, vectors, strict=True)
    ]


def _pick(scored: list[Scored]) -> list[tuple[int, int, str]]:
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


def compose_extractive(query: SearchQuery, retrieval: Retrieval, embedder: Embedder) -> Answer:
    """An answer stitched from the passages' sentences that best match the question."""
    scored = _candidates(query, retrieval, embedder)
    passages = retrieval.passages[:TOP_PASSAGES]
    if not scored:
        return decline(texts.DECLINE_OFF_TOPIC, passages)
    picked = _pick(scored)
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
        follow_up=query.follow_up,
        search_text=query.text,
    )
