"""Prometheus metrics: one registry for the whole process, served at the dashboard's /metrics.

Every metric of the tutor is defined here, on `REGISTRY` (not the client's global default), so
tests read values from one place and other modules add theirs beside these. Counting happens
where the facts are written: SQLAlchemy `after_insert` listeners on the rows for asked questions
and quiz answers (no use case has to remember to count; `install_listeners()` is called once by
the composition root), the weekly-post job for posts and retries, the router for latency and
errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from sqlalchemy import event

from storage.tables import AskedQuestion, QuizAnswer

REGISTRY = CollectorRegistry(auto_describe=True)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

QUESTIONS_ANSWERED = Counter(
    "tutor_questions_answered",
    "Questions the tutor answered, by how (section, faq, cohort_faq, passage, ...).",
    ["kind"],
    registry=REGISTRY,
)
QUESTIONS_DECLINED = Counter(
    "tutor_questions_declined",
    "Questions the tutor declined (the material does not support an answer).",
    registry=REGISTRY,
)
ANSWER_LATENCY = Histogram(
    "tutor_answer_latency_seconds",
    "Time from a question arriving at the core to its answer being ready.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0),
    registry=REGISTRY,
)
QUIZ_ANSWERS = Counter(
    "tutor_quiz_answers",
    "Quiz answers recorded, by result (correct or wrong).",
    ["result"],
    registry=REGISTRY,
)
POSTS = Counter(
    "tutor_weekly_posts",
    "Weekly cohort posts by outcome (sent, skipped, failed).",
    ["outcome"],
    registry=REGISTRY,
)
DELIVERY_RETRIES = Counter(
    "tutor_delivery_retries",
    "Weekly posts scheduled for another delivery attempt after a failure.",
    registry=REGISTRY,
)
ADAPTER_ERRORS = Counter(
    "tutor_adapter_errors",
    "Failures while handling a message or button press, by platform.",
    ["platform"],
    registry=REGISTRY,
)
INDEX_CHUNKS = Gauge(
    "tutor_index_chunks",
    "Chunks in the knowledge index (Chroma), read at scrape time.",
    registry=REGISTRY,
)
POST_OUTCOMES = {"posted": "sent", "skipped": "skipped", "failed": "failed"}


def render() -> bytes:
    """The tutor's registry and the LLM answerer's, in Prometheus' text format."""
    from knowledge.llm.metrics import REGISTRY as LLM_REGISTRY

    return generate_latest(REGISTRY) + generate_latest(LLM_REGISTRY)


def track_index_size(count: Callable[[], int]) -> None:
    """Read the index size from `count` at each scrape (-1 when the index is unreachable)."""

    def read() -> float:
        try:
            return float(count())
        except Exception:
            return -1.0

    INDEX_CHUNKS.set_function(read)


def _question_recorded(_mapper: Any, _conn: Any, row: AskedQuestion) -> None:
    if row.declined:
        QUESTIONS_DECLINED.inc()
    else:
        QUESTIONS_ANSWERED.labels(kind=row.kind or "other").inc()


def _quiz_answered(_mapper: Any, _conn: Any, row: QuizAnswer) -> None:
    QUIZ_ANSWERS.labels(result="correct" if row.correct else "wrong").inc()


def post_outcome(status: str) -> None:
    """Count a weekly post's outcome (`posted`, `skipped` or `failed`)."""
    if status in POST_OUTCOMES:
        POSTS.labels(outcome=POST_OUTCOMES[status]).inc()


_installed = False


def install_listeners() -> None:
    """Count rows as they are written (idempotent: listeners are registered once)."""
    global _installed
    if _installed:
        return
    event.listen(AskedQuestion, "after_insert", _question_recorded)
    event.listen(QuizAnswer, "after_insert", _quiz_answered)
    _installed = True
