"""A learner's time zone: their own setting, else their cohort's, else UTC.

Streaks, "today", Fast Learner days and Innovator days are all counted in this zone.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from storage.tables import Learner

UTC_ZONE = ZoneInfo("UTC")


MAX_ZONE_NAME = 64


@cache
def _zone_names() -> dict[str, str]:
    """Every IANA zone name, by its case-folded spelling (folders like `America` are not zones)."""
    return {name.casefold(): name for name in available_timezones()}


def parse_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone called `name` (e.g. `Europe/Paris`, any case), or None when there is none.

    Only names in the zone list are looked up, so folders (`America`, `Etc`), data files and
    long or odd names never reach the file system.
    """
    if not name or len(name.strip()) > MAX_ZONE_NAME:
        return None
    key = _zone_names().get(name.strip().casefold())
    if key is None:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
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
