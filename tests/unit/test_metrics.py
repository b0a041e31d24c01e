"""Prometheus metrics after a scripted session: names, labels and values.

The registry lives for the process, so each test compares values before and after.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlmodel import select

from bot import metrics
from bot.core import router
from bot.core.broadcast import DeliveryError, Destination
from bot.core.context import Request
from bot.core.reply import Reply
from bot.testing import FakeChat
from scheduler.poster import WeeklyPostJob, schedule_of
from storage.repositories.cohorts import CohortRepository
from storage.tables import AskedQuestion
from tests.unit.test_quiz_transcripts import play

SAMPLES = {
    "answered": ("tutor_questions_answered_total", None),
    "declined": ("tutor_questions_declined_total", {}),
    "latency_count": ("tutor_answer_latency_seconds_count", {}),
    "quiz_right": ("tutor_quiz_answers_total", {"result": "correct"}),
    "quiz_wrong": ("tutor_quiz_answers_total", {"result": "wrong"}),
    "sent": ("tutor_weekly_posts_total", {"outcome": "sent"}),
    "skipped": ("tutor_weekly_posts_total", {"outcome": "skipped"}),
    "failed": ("tutor_weekly_posts_total", {"outcome": "failed"}),
    "retries": ("tutor_delivery_retries_total", {}),
    "errors": ("tutor_adapter_errors_total", {"platform": "fake"}),
}


def snapshot() -> dict[str, float]:
    values = {}
    for key, (name, labels) in SAMPLES.items():
        if labels is None:
            values[key] = sum(
                s.value for m in metrics.REGISTRY.collect() for s in m.samples if s.name == name
            )
        else:
            values[key] = metrics.REGISTRY.get_sample_value(name, labels) or 0.0
    return values


class FlakyBroadcaster:
    """Fails the first channel post, then delivers."""

    platform = "fake"

    def __init__(self) -> None:
        self.failures = 1
        self.sent: list[str] = []

    async def post(self, destination: Destination, reply: Reply) -> str:
        if self.failures and destination.user is None:
            self.failures -= 1
            raise DeliveryError("channel_not_found")
        self.sent.append(reply.plain)
        return f"m{len(self.sent)}"


def boom(req: Request) -> list[Reply]:
    raise RuntimeError("handler bug")


def test_a_scripted_session_is_counted(chat: FakeChat, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot()
    chat.send_admin("coach", "/cohort create roadmap-12w start:2026-01-05 time:10:00")
    chat.send_admin("coach", "/cohort skip 2")
    chat.send("ada", "What is MLOps?")
    chat.send("ada", "/ask who won the football world cup in 1998?")
    play(chat, "ada", "m01", right=True)
    play(chat, "bo", "m02", right=False)
    monkeypatch.setitem(router.COMMANDS, "boom", boom)
    assert "went wrong" in chat.send("ada", "/boom").text
    assert "went wrong" in chat.send("ada", "/boom").text

    cohort = CohortRepository(chat.services.db).by_channel("fake", "w1", "general")
    assert cohort is not None
    sched = schedule_of(cohort, 12)
    radio = FlakyBroadcaster()
    job = WeeklyPostJob(chat.services, {"fake": radio}, "metrics-test")
    chat.clock.set_time(sched.fire_time(1))
    asyncio.run(job.tick())  # week 1 fails
    chat.clock.advance(minutes=6)
    asyncio.run(job.tick())  # retried and sent
    chat.clock.set_time(sched.fire_time(2) + timedelta(minutes=1))
    asyncio.run(job.tick())  # week 2 was skipped by the admin

    after = snapshot()
    delta = {k: after[k] - before[k] for k in after}
    with chat.services.db.session() as s:  # the rows the question counters count
        rows = list(s.exec(select(AskedQuestion)))
    assert len(rows) == 2
    assert delta["answered"] == sum(1 for r in rows if not r.declined)
    assert delta["declined"] == sum(1 for r in rows if r.declined) == 1
    assert delta["latency_count"] == 2
    modules = chat.services.curriculum.modules
    assert delta["quiz_right"] == modules["m01"].quiz_questions
    assert delta["quiz_wrong"] == modules["m02"].quiz_questions
    assert delta["failed"] == 1 and delta["retries"] == 1 and delta["sent"] == 1
    assert delta["skipped"] == 1
    assert delta["errors"] == 2


def test_metrics_are_exposed_with_their_documented_names(chat: FakeChat) -> None:
    metrics.track_index_size(chat.services.knowledge.store.count)
    text = metrics.render().decode()
    for name in (
        "tutor_questions_answered_total",
        "tutor_questions_declined_total",
        "tutor_answer_latency_seconds_bucket",
        "tutor_quiz_answers_total",
        "tutor_weekly_posts_total",
        "tutor_delivery_retries_total",
        "tutor_adapter_errors_total",
        "tutor_index_chunks",
    ):
        assert f"# TYPE {name.removesuffix('_total').removesuffix('_bucket')}" in text, name
    size = metrics.REGISTRY.get_sample_value("tutor_index_chunks")
    assert size == chat.services.knowledge.store.count()
