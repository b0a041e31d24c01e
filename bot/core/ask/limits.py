"""A token bucket over a learner's stored question times: bursts are fine, a steady flood waits."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.clock import as_utc

BURST = 10


@dataclass(frozen=True)
class TokenBucket:
    """`burst` questions at once, refilled at `per_minute` questions a minute."""

    per_minute: int
    burst: int = BURST

    @property
    def memory(self) -> timedelta:
        """How far back asked questions matter: after this the bucket is full again."""
        return timedelta(minutes=self.burst / self.per_minute)

    def wait(self, asked: Iterable[datetime], now: datetime) -> timedelta | None:
        """None when a question may be asked now; else how long until one may."""
        rate = self.per_minute / 60.0  # tokens per second
        tokens, last = float(self.burst), None
        for when in sorted(as_utc(t) for t in asked):
            if last is not None:
                tokens = min(self.burst, tokens + (when - last).total_seconds() * rate)
            tokens, last = tokens - 1, when
        if last is not None:
            tokens = min(self.burst, tokens + (as_utc(now) - last).total_seconds() * rate)
        if tokens >= 1:
            return None
        return timedelta(seconds=math.ceil((1 - tokens) / rate))


def describe(wait: timedelta) -> str:
    """ "40 seconds", "1 minute", "2 minutes"."""
    seconds = max(1, int(wait.total_seconds()))
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
