"""Score a question-answering system on questions.yaml: hit@k, MRR, declines, latency."""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import yaml

QUESTIONS = Path(__file__).with_name("questions.yaml")
Expect = Literal["answer", "decline", "answer_safely"]


@dataclass(frozen=True)
class EvalQuestion:
    """One evaluation message and what the tutor should do with it."""

    q: str
    expect: Expect = "answer"
    modules: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        """Whether the material should answer it."""
        return self.expect != "decline"


def load_questions(path: Path = QUESTIONS) -> list[EvalQuestion]:
    """The evaluation set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        EvalQuestion(item["q"], item.get("expect", "answer"), tuple(item.get("modules", ())))
        for item in data["questions"]
    ]


@dataclass(frozen=True)
class Outcome:
    """What a system did with one question."""

    ranked_modules: list[str | None]
    declined: bool
    similarity: float = 0.0
    bm25: float = 0.0


class System(Protocol):
    """Anything that can be scored: ranks modules for a question and may decline it."""

    def run(self, question: str) -> Outcome: ...


@dataclass
class Scores:
    """Module-level retrieval and decline figures for one system."""

    hit1: float
    hit3: float
    mrr: float
    decline_precision: float | None
    decline_recall: float
    latency_p50_ms: float
    latency_p95_ms: float
    misses: list[str] = field(default_factory=list)
    wrong_declines: list[str] = field(default_factory=list)


def _rank(outcome: Outcome, expected: Sequence[str]) -> int | None:
    for position, module in enumerate(outcome.ranked_modules, start=1):
        if module in expected:
            return position
    return None


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct * (len(ordered) - 1)))] if ordered else 0.0


def evaluate(system: System, questions: Sequence[EvalQuestion]) -> tuple[Scores, list[Outcome]]:
    """Run every question once (warm) and score it."""
    outcomes, latencies = [], []
    for item in questions:
        started = time.perf_counter()
        outcomes.append(system.run(item.q))
        latencies.append((time.perf_counter() - started) * 1000)
    answerable = [(i, o) for i, o in zip(questions, outcomes, strict=True) if i.answerable]
    ranks = [_rank(o, i.modules) for i, o in answerable]
    declines = [
        (i.expect == "decline", o.declined) for i, o in zip(questions, outcomes, strict=True)
    ]
    true_pos = sum(1 for want, got in declines if want and got)
    predicted = sum(1 for _, got in declines if got)
    wanted = sum(1 for want, _ in declines if want)
    scores = Scores(
        hit1=sum(1 for r in ranks if r == 1) / len(ranks),
        hit3=sum(1 for r in ranks if r is not None and r <= 3) / len(ranks),
        mrr=statistics.fmean(1 / r if r else 0.0 for r in ranks),
        decline_precision=true_pos / predicted if predicted else None,
        decline_recall=true_pos / wanted if wanted else 1.0,
        latency_p50_ms=_percentile(latencies, 0.5),
        latency_p95_ms=_percentile(latencies, 0.95),
        misses=[i.q for (i, _), r in zip(answerable, ranks, strict=True) if not r or r > 3],
        wrong_declines=[
            i.q
            for i, o in zip(questions, outcomes, strict=True)
            if o.declined != (i.expect == "decline")
        ],
    )
    return scores, outcomes
