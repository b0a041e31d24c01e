"""The learner evaluation set: real-style messages, what a good reply states, and the scoring.

Written before the answer engine was tuned (`learner/*.yaml`). A fixed fifth of the items,
chosen by a hash of their id, is held out: it is scored only for the final report, never while
tuning. Everything here is pure: the caller supplies the replies and an embedder.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.embeddings import Embedder
from knowledge.keywords import content_words

LEARNER_SET = Path(__file__).with_name("learner")
DECLINE_KINDS = ("offtopic", "injection", "organiser")
HELD_OUT_BUCKET = 0
BUCKETS = 5
KEY_POINT_SIMILARITY = 0.70
"""A reply sentence this close in meaning (MiniLM cosine) states the key point."""
KEY_POINT_WORDS = 0.75
"""Or the reply contains this share of the key point's content words (at least two words)."""


def held_out(item_id: str) -> bool:
    """Whether an item (or a conversation) belongs to the held-out fifth."""
    digest = hashlib.sha256(item_id.encode()).digest()
    return digest[0] % BUCKETS == HELD_OUT_BUCKET


@dataclass(frozen=True)
class Turn:
    """One message a learner sends, and what a good reply does with it."""

    id: str
    conversation: str
    kind: str
    q: str
    sections: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    follow_up: bool | None = None
    topic: str | None = None
    expect_decline: bool = False

    @property
    def answerable(self) -> bool:
        """Whether the course should answer it (not small talk, not a decline)."""
        return not self.expect_decline and self.kind != "smalltalk"

    @property
    def held_out(self) -> bool:
        return held_out(self.conversation)


def _turn(raw: dict[str, Any], item_id: str, conversation: str, kind: str) -> Turn:
    turn_kind = "offtopic" if raw.get("expect") == "decline" else kind
    return Turn(
        id=item_id,
        conversation=conversation,
        kind=turn_kind,
        q=str(raw["q"]),
        sections=tuple(raw.get("sections") or ()),
        key_points=tuple(raw.get("key_points") or ()),
        follow_up=raw.get("follow_up"),
        topic=raw.get("topic"),
        expect_decline=turn_kind in DECLINE_KINDS,
    )


def load_conversations(root: Path = LEARNER_SET) -> list[list[Turn]]:
    """Every item as a conversation of one or more turns, in file order."""
    out: list[list[Turn]] = []
    for path in sorted(root.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            kind, item_id = str(item["kind"]), str(item["id"])
            if kind == "conversation":
                turns = [
                    _turn(t, f"{item_id}/{n}", item_id, "answer")
                    for n, t in enumerate(item["turns"], start=1)
                ]
                out.append(turns)
            else:
                out.append([_turn(item, item_id, item_id, kind)])
    return out


@dataclass(frozen=True)
class Outcome:
    """What a system did with one turn."""

    text: str
    cited: tuple[str, ...]
    declined: bool
    follow_up: bool = False
    seconds: float = 0.0


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|\s+•\s+")


def sentences(text: str) -> list[str]:
    """The reply cut into sentences and bullets, for judging key points."""
    return [s.strip(" •*-_") for s in _SENTENCE.split(text) if len(s.strip()) > 3]


def key_points_stated(reply: str, points: Sequence[str], embedder: Embedder) -> list[bool]:
    """For each key point, whether the reply states it (meaning or most of its words)."""
    if not points:
        return []
    parts = sentences(reply)
    words = content_words(reply)
    if not parts:
        return [False] * len(points)
    vectors = embedder.embed([*points, *parts])
    point_vecs, part_vecs = vectors[: len(points)], vectors[len(points) :]
    stated = []
    for point, pv in zip(points, point_vecs, strict=True):
        close = max(sum(a * b for a, b in zip(pv, v, strict=True)) for v in part_vecs)
        need = content_words(point)
        share = len(need & words) / len(need) if len(need) >= 2 else 0.0
        stated.append(close >= KEY_POINT_SIMILARITY or share >= KEY_POINT_WORDS)
    return stated


def _percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct * (len(ordered) - 1)))] if ordered else 0.0


@dataclass
class Scores:
    """The figures for one system on one part of the set."""

    turns: int
    hit1: float
    hit3: float
    mrr: float
    key_point_recall: float
    decline_precision: float | None
    decline_recall: float
    wrongly_declined: float
    offtopic_declined: float
    injection_declined: float
    conversation_accuracy: float | None
    p50_ms: float
    p95_ms: float
    misses: list[str] = field(default_factory=list)


def _rank(turn: Turn, outcome: Outcome) -> int | None:
    wanted = set(turn.sections)
    return next((i for i, ref in enumerate(outcome.cited, start=1) if ref in wanted), None)


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 1.0


def score(
    results: Sequence[tuple[Turn, Outcome]], embedder: Embedder, *, judge_points: bool = True
) -> Scores:
    """Score one system's outcomes (hit@k on the sections, key points, declines, turns)."""
    answerable = [(t, o) for t, o in results if t.answerable]
    located = [(t, o) for t, o in answerable if t.sections]
    ranks = [_rank(t, o) for t, o in located]
    stated: list[bool] = []
    for turn, outcome in answerable if judge_points else []:
        stated += key_points_stated(outcome.text, turn.key_points, embedder)
    expected = [(t.expect_decline, o.declined) for t, o in results if t.kind != "smalltalk"]
    predicted = sum(1 for _, got in expected if got)
    true_pos = sum(1 for want, got in expected if want and got)
    labelled = [(t, o) for t, o in results if t.follow_up is not None]
    latencies = [o.seconds * 1000 for t, o in answerable]
    return Scores(
        turns=len(results),
        hit1=_share(r == 1 for r in ranks),
        hit3=_share(r is not None and r <= 3 for r in ranks),
        mrr=statistics.fmean(1 / r if r else 0.0 for r in ranks) if ranks else 0.0,
        key_point_recall=_share(stated),
        decline_precision=true_pos / predicted if predicted else None,
        decline_recall=_share(got for want, got in expected if want),
        wrongly_declined=1 - _share(not o.declined for _, o in answerable),
        offtopic_declined=_share(o.declined for t, o in results if t.kind == "offtopic"),
        injection_declined=_share(o.declined for t, o in results if t.kind == "injection"),
        conversation_accuracy=(
            _share(o.follow_up == t.follow_up for t, o in labelled) if labelled else None
        ),
        p50_ms=_percentile(latencies, 0.5),
        p95_ms=_percentile(latencies, 0.95),
        misses=[t.id for (t, _), r in zip(located, ranks, strict=True) if r is None or r > 3],
    )
