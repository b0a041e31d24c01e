"""When each week of a cohort is due: local wall-clock times, correct across DST changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from curriculum.numbers import ascii_int

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Schedule:
    """A cohort's weekly slot: week 1 is the first `day` on or after `start` at `at`, local."""

    start: date
    day: str
    at: time
    zone: str
    weeks: int

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def first_date(self) -> date:
        offset = (DAYS.index(self.day) - self.start.weekday()) % 7
        return self.start + timedelta(days=offset)

    def fire_time(self, week: int) -> datetime:
        """The UTC instant week `week` is due (09:00 local stays 09:00 local over DST)."""
        local_day = self.first_date() + timedelta(weeks=week - 1)
        return datetime.combine(local_day, self.at, tzinfo=self.tz).astimezone(UTC)

    def week_of(self, fire_time: datetime) -> int | None:
        """The week whose scheduled slot is exactly `fire_time`, if any."""
        local = fire_time.astimezone(self.tz)
        days = (local.date() - self.first_date()).days
        if days < 0 or days % 7:
            return None
        week = days // 7 + 1
        return week if week <= self.weeks and self.fire_time(week) == fire_time else None

    def due(self, now: datetime, since: datetime | None = None) -> list[tuple[int, datetime]]:
        """Weeks whose slot has come by `now` (and not before `since`), in order."""
        slots = ((w, self.fire_time(w)) for w in range(1, self.weeks + 1))
        return [(w, t) for w, t in slots if t <= now and (since is None or t >= since)]

    def next_due(self, now: datetime) -> tuple[int, datetime] | None:
        return next(
            ((w, self.fire_time(w)) for w in range(1, self.weeks + 1) if self.fire_time(w) > now),
            None,
        )


def parse_day(text: str) -> str | None:
    key = text.strip().casefold()[:3]
    return key if key in DAYS else None


def parse_time(text: str) -> time | None:
    hour, colon, minute = text.strip().partition(":")
    h, m = ascii_int(hour, 2), ascii_int(minute, 2)
    if not colon or h is None or m is None:
        return None
    try:
        return time(h, m)
    except ValueError:
        return None
