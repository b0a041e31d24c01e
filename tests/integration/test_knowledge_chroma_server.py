"""Ingest and query through a real Chroma server (`chroma run`) over HTTP."""

from __future__ import annotations

import pytest

from knowledge.answer import RelevancePolicy
from knowledge.answerer import ExtractiveAnswerer
from knowledge.embeddings import HashingEmbedder
from knowledge.ingest import ingest
from knowledge.retrieval import HybridRetriever
from knowledge.store import ChromaStore
from knowledge.testing import tiny_curriculum


@pytest.mark.slow
def test_ingest_and_answer_through_a_chroma_server(chroma_url: str) -> None:
    store = ChromaStore(url=chroma_url)
    embedder = HashingEmbedder(dim=256)
    first = ingest(tiny_curriculum(), store, embedder, include_seeds=False)
    again = ingest(tiny_curriculum(), store, embedder, include_seeds=False)
    assert first.added == store.count() > 0 and again.embedded == 0
    hits = store.query(embedder.embed(["concept drift"])[0], k=3, module="m06")
    assert hits and all(h.chunk.module == "m06" for h in hits)
    policy = RelevancePolicy(min_similarity=0.2, strong_similarity=0.45, min_bm25=0.5)
    answerer = ExtractiveAnswerer(HybridRetriever(store, embedder), embedder, policy)
    answer = answerer.answer("How do I publish the port of a docker container?")
    assert not answer.declined
    assert answer.citations[0].ref == "lessons/m04.md#containerization-basics"


def test_bad_url_names_the_problem() -> None:
    with pytest.raises(ValueError, match="http://host:port"):
        ChromaStore(url="localhost:8000").count()
