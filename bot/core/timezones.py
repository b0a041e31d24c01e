"""A learner's time zone: their own setting, else their cohort's, else UTC.

Streaks, "today", Fast Learner days and Innovator days are all counted in this zone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from storage.tables import Learner

UTC_ZONE = ZoneInfo("UTC")


def parse_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone called `name` (e.g. `Europe/Paris`), or None when there is no such zone."""
    if not name or not name.strip() or ".." in name or name.startswith("/"):
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def learner_zone(services: Services, learner: Learner) -> ZoneInfo:
    """The zone the learner's days are counted in."""
    own = parse_zone(learner.timezone)
    if own is not None:
        return own
    if learner.id is not None:
        cohort = services.community.cohort_of(learner.id)
        if cohort is not None:
            return parse_zone(cohort.timezone) or UTC_ZONE
    return UTC_ZONE
