"""Knowledge retrieval benchmark: our hybrid pipeline against a plain vector-search baseline.

    .venv/bin/python -m bench.retrieval [--questions knowledge/eval/questions.yaml]

Both systems use the same curriculum, the same packaged MiniLM embeddings, a local Chroma and the
same questions. Ours: heading-aware chunks, BM25 + vector search fused by RRF, declines. The
baseline is what a plain LangChain tutorial builds: RecursiveCharacterTextSplitter chunks of the
raw documents, similarity search only, never declines (langchain_chroma is not installed, so it
calls chromadb directly). Figures: module-level hit@1, hit@3, MRR@10, decline precision/recall,
warm per-question latency, cold and incremental ingest time, peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter

from curriculum.catalog import load_curriculum
from knowledge.answer import ExtractiveAnswerer
from knowledge.embeddings import MiniLMEmbedder
from knowledge.eval.runner import QUESTIONS, Outcome, Scores, evaluate, load_questions
from knowledge.ingest import ingest
from knowledge.retrieval import HybridRetriever
from knowledge.sources import collect_documents
from knowledge.store import ChromaStore

RANK_DEPTH = 10


class Ours:
    """The knowledge pipeline as the bot runs it (retrieve, then decline or compose)."""

    def __init__(self, answerer: ExtractiveAnswerer, compose: bool = True) -> None:
        self.answerer = answerer
        self.compose = compose

    def run(self, question: str) -> Outcome:
        query, retrieval, declined = self.answerer.retrieve(question, k=RANK_DEPTH)
        if declined is None and self.compose:
            self.answerer.compose(query, retrieval)
        modules = [p.chunk.module for p in retrieval.passages]
        return Outcome(modules, declined is not None, retrieval.max_similarity, retrieval.max_bm25)


class Baseline:
    """Plain chunks + vector similarity search, no keyword side, no declining."""

    def __init__(self, path: str, embedder: MiniLMEmbedder) -> None:
        import chromadb

        client = chromadb.PersistentClient(path=path)
        self.collection = client.get_or_create_collection(
            "baseline", embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self.embedder = embedder

    def ingest(self) -> float:
        started = time.perf_counter()
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=100)
        texts, metas = [], []
        for doc in collect_documents(load_curriculum()):
            for piece in splitter.split_text(doc.text):
                texts.append(piece)
                metas.append({"module": doc.module or ""})
        for start in range(0, len(texts), 64):
            batch = texts[start : start + 64]
            self.collection.add(
                ids=[str(start + i) for i in range(len(batch))],
                documents=batch,
                metadatas=metas[start : start + 64],
                embeddings=np.asarray(self.embedder.embed(batch), dtype=np.float32),
            )
        return time.perf_counter() - started

    def run(self, question: str) -> Outcome:
        vector = np.asarray(self.embedder.embed([question]), dtype=np.float32)
        got = self.collection.query(query_embeddings=vector, n_results=RANK_DEPTH)
        metas = (got["metadatas"] or [[]])[0]
        return Outcome([str(m["module"]) or None for m in metas], declined=False)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _row(name: str, ours: str, base: str) -> str:
    return f"{name:<28}{ours:>18}{base:>18}"


def _fmt(value: float | None, pct: bool = True) -> str:
    if value is None:
        return "n/a"
    return f"{value * 100:.1f}%" if pct else f"{value:.3f}"


def report(ours: Scores, base: Scores, timings: dict[str, str]) -> None:
    """Print the figures side by side."""
    print(_row("", "ours (hybrid)", "baseline (vector)"))
    print(_row("hit@1", _fmt(ours.hit1), _fmt(base.hit1)))
    print(_row("hit@3", _fmt(ours.hit3), _fmt(base.hit3)))
    print(_row("MRR@10", _fmt(ours.mrr, False), _fmt(base.mrr, False)))
    print(_row("decline precision", _fmt(ours.decline_precision), _fmt(base.decline_precision)))
    print(_row("decline recall", _fmt(ours.decline_recall), _fmt(base.decline_recall)))
    print(
        _row("latency p50 (warm)", f"{ours.latency_p50_ms:.0f} ms", f"{base.latency_p50_ms:.0f} ms")
    )
    print(
        _row("latency p95 (warm)", f"{ours.latency_p95_ms:.0f} ms", f"{base.latency_p95_ms:.0f} ms")
    )
    for name, value in timings.items():
        print(name if not value else _row(name, *value.split("|")))
    print("\nours, missed at 3:", *ours.misses, sep="\n  ")
    print("ours, wrong decline decisions:", *ours.wrong_declines, sep="\n  ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    args = parser.parse_args()
    questions = load_questions(args.questions)
    curriculum = load_curriculum()
    embedder = MiniLMEmbedder()
    embedder.embed(["warm up"])
    with tempfile.TemporaryDirectory() as tmp:
        store = ChromaStore(path=f"{tmp}/ours")
        cold = ingest(curriculum, store, embedder)
        warm = ingest(curriculum, store, embedder)
        ours = Ours(ExtractiveAnswerer(HybridRetriever(store, embedder), embedder))
        ours.run("warm up the keyword index")
        ours_scores, _ = evaluate(ours, questions)
        peak_ours = _peak_mb()
        baseline = Baseline(f"{tmp}/baseline", embedder)
        base_cold = baseline.ingest()
        base_scores, _ = evaluate(baseline, questions)
    timings = {
        "ingest cold": f"{cold.seconds:.1f} s ({cold.embedded} chunks)|{base_cold:.1f} s",
        "ingest incremental": f"{warm.seconds:.1f} s ({warm.embedded} embedded)|re-embeds all",
        "peak RSS (process)": f"{peak_ours:.0f} MB|{_peak_mb():.0f} MB (both)",
    }
    print(f"{len(questions)} questions ({sum(q.answerable for q in questions)} answerable)\n")
    report(ours_scores, base_scores, timings)


if __name__ == "__main__":
    main()
