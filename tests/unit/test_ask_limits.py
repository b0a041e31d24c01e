"""The question rate limit: a token bucket that allows a burst and says when to try again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.core.ask.limits import TokenBucket, describe
from bot.testing import FakeChat

T0 = datetime(2026, 1, 5, 9, tzinfo=UTC)


def test_six_questions_a_minute_for_three_minutes_are_never_refused(chat: FakeChat) -> None:
    refusals = 0
    for n in range(18):
        refusals += "Try again in" in chat.send("ada", f"What is drift, part {n}?")
        chat.clock.advance(seconds=10)
    assert refusals == 0


def test_a_flood_is_refused_with_the_time_to_wait(chat: FakeChat) -> None:
    replies = [chat.send("ada", f"What is MLflow {n}?").text for n in range(12)]
    assert not any("Try again in" in r for r in replies[:10])
    assert "Try again in 10 seconds" in replies[10]


def test_the_bucket_refills_at_the_rate_and_never_beyond_the_burst() -> None:
    bucket = TokenBucket(per_minute=6, burst=10)
    assert bucket.wait([], T0) is None
    burst = [T0] * 10
    assert bucket.wait(burst, T0) == timedelta(seconds=10)
    assert bucket.wait(burst, T0 + timedelta(seconds=10)) is None
    long_ago = [T0 - timedelta(hours=1)] * 50
    assert bucket.wait(long_ago, T0) is None
    assert describe(timedelta(seconds=1)) == "1 second"
    assert describe(timedelta(seconds=90)) == "2 minutes"
