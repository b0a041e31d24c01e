"""Answer benchmark: the tutor's chat path against a plain vector-search baseline, one run.

    .venv/bin/python -m bench.answers [--part dev|held-out|all] [--misses]

Every message of the learner evaluation set (`knowledge/eval/learner/`) goes through the real
router, as a fresh learner per conversation, on temp SQLite and a local Chroma with the packaged
MiniLM model. The baseline is what a plain LangChain tutorial builds: the same documents cut by
RecursiveCharacterTextSplitter, similarity search only, the top chunk as the reply, no declines.
Figures: section hit@1/@3 and MRR on the citations, key-point recall of the reply text, decline
precision/recall, answerable questions wrongly declined, conversation accuracy, warm latency
p50/p95 and its ratio to the query-embedding time measured in the same run, ingest cold and
incremental, peak RSS. Tune on `dev`; `held-out` is for the final report only.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter
from sqlmodel import col, func, select

from bench.memory import peak_rss_mb
from bot.bootstrap import Services, bootstrap
from bot.core.incoming import Incoming
from bot.core.router import Router
from bot.settings import Settings
from curriculum.catalog import load_curriculum
from curriculum.catalog.models import Curriculum
from knowledge.embeddings import Embedder, MiniLMEmbedder
from knowledge.eval.learner import Outcome, Scores, Turn, load_conversations, score
from knowledge.service import Knowledge
from knowledge.sources import collect_documents
from storage.tables import AskedQuestion

_ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}")


class ChatSystem:
    """The tutor as learners meet it: each turn through the router, a learner per conversation."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.router = Router(services)
        self.embedding_ms: list[float] = []
        """The query-embedding time of each message, measured right before its answer."""

    def run(self, turns: Sequence[Turn]) -> list[Outcome]:
        user = turns[0].conversation
        outcomes = []
        for turn in turns:
            incoming = Incoming(
                platform="bench", workspace="w", channel="c", user=user, text=turn.q, thread="t"
            )
            last = self._last_id()
            if turn.answerable:  # under the same load as the answer that follows
                started = time.perf_counter()
                self.services.knowledge.embedder.embed([turn.q])
                self.embedding_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            replies = self.router.handle(incoming)
            seconds = time.perf_counter() - started
            text = "\n".join(r.plain for r in replies)
            row = self._row_after(last)
            if row is None:  # small talk, usage: nothing was looked up
                outcomes.append(Outcome(text, (), False, False, seconds))
                continue
            cited = tuple(_lesson_ref(c["ref"]) for c in row.citations)
            outcomes.append(
                Outcome(text, cited, row.declined, row.search_text is not None, seconds)
            )
        return outcomes

    def _last_id(self) -> int:
        with self.services.db.session() as s:
            last = s.exec(select(func.max(AskedQuestion.id))).one()
            return int(last or 0)

    def _row_after(self, last: int) -> AskedQuestion | None:
        with self.services.db.session() as s:
            return s.exec(
                select(AskedQuestion)
                .where(col(AskedQuestion.id) > last)
                .order_by(col(AskedQuestion.id).desc())
            ).first()


def _lesson_ref(ref: str) -> str:
    """`lessons/m06.md#drift-detection` -> `m06#drift-detection`."""
    source, _, anchor = ref.partition("#")
    return f"{source.rsplit('/', 1)[-1].removesuffix('.md')}#{anchor}"


class Baseline:
    """Plain chunks + vector similarity, the top chunk as the reply, no declines, no context."""

    def __init__(self, path: str, embedder: Embedder, curriculum: Curriculum) -> None:
        import chromadb

        client = chromadb.PersistentClient(path=path)
        self.collection = client.get_or_create_collection(
            "baseline", embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self.embedder = embedder
        self.curriculum = curriculum

    def ingest(self) -> float:
        started = time.perf_counter()
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=100)
        texts, refs = [], []
        for doc in collect_documents(self.curriculum):
            stem = doc.source.rsplit("/", 1)[-1].removesuffix(".md")
            for piece in splitter.split_text(doc.text):
                at = doc.text.find(piece[:60])
                anchors = _ANCHOR.findall(doc.text[: max(at, 0) + len(piece) // 2])
                texts.append(piece)
                refs.append(f"{stem}#{anchors[-1]}" if anchors else stem)
        for start in range(0, len(texts), 64):
            batch = texts[start : start + 64]
            self.collection.add(
                ids=[str(start + i) for i in range(len(batch))],
                documents=batch,
                metadatas=[{"ref": r} for r in refs[start : start + 64]],
                embeddings=np.asarray(self.embedder.embed(batch), dtype=np.float32),
            )
        return time.perf_counter() - started

    def run(self, turns: Sequence[Turn]) -> list[Outcome]:
        outcomes = []
        for turn in turns:
            started = time.perf_counter()
            vector = np.asarray(self.embedder.embed([turn.q]), dtype=np.float32)
            got = self.collection.query(query_embeddings=vector, n_results=3)
            seconds = time.perf_counter() - started
            docs = (got["documents"] or [[]])[0]
            refs = tuple(str(m["ref"]) for m in (got["metadatas"] or [[]])[0])
            outcomes.append(Outcome(docs[0][:700] if docs else "", refs, False, False, seconds))
        return outcomes


def chat_services(data: Path, curriculum: Curriculum, embedder: Embedder) -> Services:
    """The tutor's services on temp storage with the real model and a local Chroma."""
    settings = Settings(data_dir=data, database_url=f"sqlite:///{data}/bench.db")
    knowledge = Knowledge.build(data, embedder=embedder, curriculum=curriculum)
    return bootstrap(settings, curriculum=curriculum, auto_upgrade=True, knowledge=knowledge)


def run_all(
    system: ChatSystem | Baseline, conversations: list[list[Turn]]
) -> list[tuple[Turn, Outcome]]:
    """Every conversation through one system."""
    return [pair for turns in conversations for pair in zip(turns, system.run(turns), strict=True)]


def _median_p95(values: Sequence[float]) -> tuple[float, float]:
    """Median and p95 of timings in milliseconds."""
    times = sorted(values) or [0.0]
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def report(
    ours: Scores,
    base: Scores,
    extra: list[tuple[str, str, str]],
    names: tuple[str, str] = ("tutor", "baseline (vector)"),
) -> None:
    """Print the figures side by side."""
    rows = [
        ("section hit@1", _pct(ours.hit1), _pct(base.hit1)),
        ("section hit@3", _pct(ours.hit3), _pct(base.hit3)),
        ("MRR (citations)", f"{ours.mrr:.3f}", f"{base.mrr:.3f}"),
        ("key-point recall", _pct(ours.key_point_recall), _pct(base.key_point_recall)),
        ("decline precision", _pct(ours.decline_precision), _pct(base.decline_precision)),
        ("decline recall", _pct(ours.decline_recall), _pct(base.decline_recall)),
        ("off-topic declined", _pct(ours.offtopic_declined), _pct(base.offtopic_declined)),
        ("injections declined", _pct(ours.injection_declined), _pct(base.injection_declined)),
        ("answerable wrongly declined", _pct(ours.wrongly_declined), _pct(base.wrongly_declined)),
        (
            "conversation accuracy",
            _pct(ours.conversation_accuracy),
            _pct(base.conversation_accuracy),
        ),
        ("warm p50", f"{ours.p50_ms:.0f} ms", f"{base.p50_ms:.0f} ms"),
        ("warm p95", f"{ours.p95_ms:.0f} ms", f"{base.p95_ms:.0f} ms"),
        *extra,
    ]
    print(f"{'':<30}{names[0]:>22}{names[1]:>22}")
    for name, a, b in rows:
        print(f"{name:<30}{a:>22}{b:>22}")


def _wanted(part: str, held_out: bool) -> bool:
    return part in ("all", "both") or held_out == (part == "held-out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "held-out", "both", "all"], default="dev")
    parser.add_argument("--misses", action="store_true", help="list the turns that went wrong")
    args = parser.parse_args()
    if os.environ.get("TUTOR_LLM"):  # the LLM mode: the tutor with its model vs extractive
        from bench.llm_answers import run_llm

        run_llm(args.part)
        return
    conversations = [c for c in load_conversations() if _wanted(args.part, c[0].held_out)]
    curriculum = load_curriculum()
    embedder = MiniLMEmbedder()
    embedder.embed(["warm up"])
    with tempfile.TemporaryDirectory() as tmp:
        services = chat_services(Path(tmp), curriculum, embedder)
        started = time.perf_counter()
        services.knowledge.ingest(curriculum)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        warm = services.knowledge.ingest(curriculum)
        incremental = time.perf_counter() - started
        services.knowledge.warm_up()
        chat = ChatSystem(services)
        ours_results = run_all(chat, conversations)
        peak_ours = peak_rss_mb()
        embed_p50, embed_p95 = _median_p95(chat.embedding_ms)
        baseline = Baseline(f"{tmp}/baseline", embedder, curriculum)
        base_cold = baseline.ingest()
        base_results = run_all(baseline, conversations)
        services.close()
    parts = ["dev", "held-out"] if args.part == "both" else [args.part]
    for part in parts:
        mine = [(t, o) for t, o in ours_results if _wanted(part, t.held_out)]
        theirs = [(t, o) for t, o in base_results if _wanted(part, t.held_out)]
        ours, base = score(mine, embedder), score(theirs, embedder)
        answerable = sum(t.answerable for t, _ in mine)
        print(f"\npart: {part} · {len(mine)} messages ({answerable} answerable)\n")
        extra = [
            ("query embedding p50 / p95", f"{embed_p50:.0f} / {embed_p95:.0f} ms", ""),
            (
                "warm p95 ÷ embedding p95",
                f"{ours.p95_ms / embed_p95:.2f}×",
                f"{base.p95_ms / embed_p95:.2f}×",
            ),
            ("ingest cold (all indexes)", f"{cold:.0f} s", f"{base_cold:.0f} s"),
            ("ingest incremental", f"{incremental:.1f} s ({warm.embedded} embedded)", "all"),
            ("peak RSS (bench process)", f"{peak_ours:.0f} MB", ""),
        ]
        report(ours, base, extra)
        if args.misses:
            _print_misses(mine, embedder)


def _print_misses(results: list[tuple[Turn, Outcome]], embedder: Embedder) -> None:
    from knowledge.eval.learner import key_points_stated

    print("\nturns that went wrong:")
    for turn, outcome in results:
        problems = []
        if turn.expect_decline != outcome.declined and turn.kind != "smalltalk":
            problems.append("declined" if outcome.declined else "answered")
        if turn.follow_up is not None and turn.follow_up != outcome.follow_up:
            problems.append(f"follow_up={outcome.follow_up}")
        if turn.answerable and turn.sections and not set(turn.sections) & set(outcome.cited[:3]):
            problems.append(f"cited {list(outcome.cited[:3])} want {list(turn.sections)}")
        stated = (
            key_points_stated(outcome.text, turn.key_points, embedder) if turn.answerable else []
        )
        missed = [p for p, ok in zip(turn.key_points, stated, strict=True) if not ok]
        if missed:
            problems.append(f"missed {missed}")
        if problems:
            print(f"- {turn.id} [{turn.kind}] {turn.q[:90]!r}: {'; '.join(problems)}")


if __name__ == "__main__":
    main()
