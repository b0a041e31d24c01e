"""Study statistics for `/progress`: the streak and the weakest topics, from the event log."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from bot.core.clock import as_utc
from curriculum.catalog.models import Curriculum
from storage.tables import Event

MIN_TOPIC_ANSWERS = 3


@dataclass(frozen=True)
class TopicScore:
    """Right answers out of all answers on questions carrying one tag."""

    tag: str
    right: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


def study_streak(answered: Iterable[datetime], zone: tzinfo, today: date) -> int:
    """Consecutive local days with a quiz answer, ending today (or yesterday, if none yet today)."""
    days = {as_utc(t).astimezone(zone).date() for t in answered}
    cursor = today if today in days else today - timedelta(days=1)
    streak = 0
    while cursor in days:
        streak += 1
        cursor -= timedelta(days=1)
    return streak


def weakest_topics(
    answers: Iterable[Event], curriculum: Curriculum, *, limit: int = 3
) -> list[TopicScore]:
    """Question tags with the lowest right-rate, among tags with MIN_TOPIC_ANSWERS answers."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for event in answers:
        question = curriculum.question(event.subject)
        if question is None:
            continue
        for tag in question.tags:
            total[tag] += 1
            right[tag] += bool(event.data.get("correct"))
    scores = [
        TopicScore(t, right[t], n)
        for t, n in total.items()
        if n >= MIN_TOPIC_ANSWERS and right[t] < n  # a topic always answered right is not weak
    ]
    return sorted(scores, key=lambda s: (s.right / s.total, -s.total, s.tag))[:limit]
