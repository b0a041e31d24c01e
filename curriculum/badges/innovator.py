"""Innovator: substantive cohort messages acknowledged by other learners (see badges.yaml)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from curriculum.badges.record import Contribution, Grant, LearnerRecord


@dataclass(frozen=True)
class Counted:
    """A contribution that counts: the message, its local posting day, when it was acknowledged."""

    contribution: Contribution
    day: date
    acknowledged_at: datetime


def _near_duplicate(c: Contribution, own: tuple[Contribution, ...], window: timedelta) -> bool:
    return any(
        o.key != c.key
        and o.fingerprint == c.fingerprint
        and c.posted_at - window <= o.posted_at < c.posted_at
        for o in own
    )


def _first_ack_by_another(c: Contribution, learner_id: int) -> datetime | None:
    times = [a.at for a in c.acks if a.by != learner_id]
    return min(times) if times else None


def counted_contributions(record: LearnerRecord, params: dict[str, Any]) -> list[Counted]:
    """The contributions that count, in the order they were acknowledged, daily cap applied."""
    window = timedelta(days=int(params["dedupe_days"]))
    eligible: list[tuple[datetime, Contribution]] = []
    for c in record.contributions:
        if not c.in_cohort or c.deleted or c.length < int(params["min_chars"]):
            continue
        if _near_duplicate(c, record.contributions, window):
            continue
        acked = _first_ack_by_another(c, record.learner_id)
        if acked is not None:
            eligible.append((max(acked, c.posted_at), c))
    per_day: Counter[date] = Counter()
    counted: list[Counted] = []
    for acked, c in sorted(eligible, key=lambda pair: (pair[0], pair[1].key)):
        day = record.local_date(c.posted_at)
        if per_day[day] >= int(params["daily_cap"]):
            continue
        per_day[day] += 1
        counted.append(Counted(c, day, acked))
    return counted


def innovator(badge_id: str, record: LearnerRecord, params: dict[str, Any]) -> Grant | None:
    """Granted when `contributions` counted ones span at least `distinct_days` local days."""
    need, days_needed = int(params["contributions"]), int(params["distinct_days"])
    so_far: list[Counted] = []
    for item in counted_contributions(record, params):
        so_far.append(item)
        days = {c.day for c in so_far}
        if len(so_far) >= need and len(days) >= days_needed:
            return Grant(
                badge_id,
                item.acknowledged_at,
                {
                    "contributions": [c.contribution.key for c in so_far],
                    "days": sorted(d.isoformat() for d in days),
                },
            )
    return None
