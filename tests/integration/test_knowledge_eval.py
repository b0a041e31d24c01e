"""Retrieval and declining on the evaluation set, with the real MiniLM model and a real Chroma.

Floors sit a few points below the measured figures (see `python -m bench.retrieval`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.retrieval import Ours
from curriculum.catalog import load_curriculum
from knowledge.embeddings import MiniLMEmbedder
from knowledge.eval.runner import Scores, evaluate, load_questions
from knowledge.service import Knowledge

pytestmark = pytest.mark.slow

HIT3_FLOOR = 0.92
HIT1_FLOOR = 0.82
MRR_FLOOR = 0.86
DECLINE_RECALL_FLOOR = 0.90
DECLINE_PRECISION_FLOOR = 0.90


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Knowledge:
    """The real model, loaded once, and the whole curriculum ingested once."""
    data_dir: Path = tmp_path_factory.mktemp("knowledge")
    service = Knowledge.build(data_dir, embedder=MiniLMEmbedder())
    report = service.ensure_ingested(load_curriculum())
    assert report is not None and report.embedded > 0
    return service


@pytest.fixture(scope="module")
def scores(knowledge: Knowledge) -> Scores:
    return evaluate(Ours(knowledge.extractive, compose=False), load_questions())[0]


def test_retrieval_floors(scores: Scores) -> None:
    assert scores.hit3 >= HIT3_FLOOR, scores.misses
    assert scores.hit1 >= HIT1_FLOOR
    assert scores.mrr >= MRR_FLOOR


def test_decline_floors(scores: Scores) -> None:
    assert scores.decline_recall >= DECLINE_RECALL_FLOOR, scores.wrong_declines
    assert scores.decline_precision is not None
    assert scores.decline_precision >= DECLINE_PRECISION_FLOOR, scores.wrong_declines


def test_drift_question_is_answered_from_the_monitoring_lessons(knowledge: Knowledge) -> None:
    answer = knowledge.ask("What is the difference between data drift and concept drift?")
    assert not answer.declined
    assert {"m06", "m13"} & {c.module for c in answer.citations}
    assert answer.text.startswith("From *")
    assert "concept drift" in answer.text.lower()


def test_lasagna_is_declined(knowledge: Knowledge) -> None:
    answer = knowledge.ask("What's a good lasagna recipe?")
    assert answer.declined and not answer.citations


def test_follow_up_in_a_thread(knowledge: Knowledge) -> None:
    answer = knowledge.ask("what about concept drift?", ["How do I detect data drift?"])
    assert not answer.declined
    assert "m06" in {c.module for c in answer.citations}


def test_second_ingest_embeds_nothing(knowledge: Knowledge) -> None:
    assert knowledge.ensure_ingested(load_curriculum()) is None
    assert knowledge.ingest(load_curriculum()).embedded == 0
