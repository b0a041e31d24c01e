"""`/cohort create`: make this channel a cohort channel that follows a track."""

from __future__ import annotations

from datetime import date

from bot.core.cohort import texts
from bot.core.cohort.schedule import local_when
from bot.core.context import Request
from bot.core.reply import Reply
from bot.core.timezones import parse_zone
from scheduler.calendar import parse_day, parse_time
from scheduler.poster import schedule_of
from storage.repositories.cohorts import CohortExists, CohortRepository


def create(req: Request, words: list[str]) -> Reply:
    """Create the channel's cohort from `<track> start:... [day:...] [time:...] [tz:...]`."""
    if not req.incoming.is_admin:
        return Reply.text(texts.NOT_ADMIN.format(what="create a cohort"), ephemeral=True)
    if req.incoming.is_dm:
        return Reply.text(texts.IN_DM, ephemeral=True)
    tracks = req.services.curriculum.tracks
    if not words or words[0] not in tracks:
        given = words[0] if words else "(none)"
        return Reply.text(
            texts.BAD_TRACK.format(given=given[:40], tracks=", ".join(sorted(tracks))),
            ephemeral=True,
        )
    options = dict(w.split(":", 1) for w in words[1:] if ":" in w)
    parsed = _parse_options(options)
    if isinstance(parsed, Reply):
        return parsed
    start, day, at, zone = parsed
    assert req.learner.id is not None
    try:
        cohort = CohortRepository(req.services.db).create(
            platform=req.incoming.platform,
            workspace=req.incoming.workspace,
            channel_id=req.incoming.channel,
            guild_id=req.incoming.guild,
            track_id=words[0],
            start=start,
            day=day,
            at=at,
            zone=zone,
            created_by=req.learner.id,
            now=req.services.clock.now(),
        )
    except CohortExists:
        return Reply.text(texts.EXISTS, ephemeral=True)
    first = schedule_of(cohort, len(tracks[words[0]].weeks)).fire_time(1)
    return Reply.text(
        texts.CREATED.format(
            track=tracks[words[0]].title, first=local_when(first, zone), day=day, time=at, tz=zone
        )
    )


def _parse_options(options: dict[str, str]) -> tuple[date, str, str, str] | Reply:
    try:
        start = date.fromisoformat(options.get("start", ""))
    except ValueError:
        return _bad(options.get("start", "start:"), "start:YYYY-MM-DD")
    day = parse_day(options.get("day", start.strftime("%a")))
    if day is None:
        return _bad(options["day"], "day:mon..sun")
    at = parse_time(options.get("time", "09:00"))
    if at is None:
        return _bad(options["time"], "time:HH:MM")
    given_zone = options.get("tz", "UTC")
    zone = parse_zone(given_zone)
    if zone is None:
        return _bad(given_zone[:60], "tz:Europe/Berlin")
    return start, day, at.strftime("%H:%M"), zone.key


def _bad(given: str, expected: str) -> Reply:
    return Reply.text(
        texts.BAD_OPTION.format(given=given, expected=expected, usage=texts.SUB_USAGE["create"]),
        ephemeral=True,
    )
