"""`/cohort ...`: create and administer a cohort channel; join and leave it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.cohort import faq, schedule, texts
from bot.core.cohort.post_now import post_now
from bot.core.cohort.report import render_report
from bot.core.cohort.rights import is_cohort_admin
from bot.core.context import Request
from bot.core.instructor import access
from bot.core.reply import Reply
from bot.core.timezones import parse_zone
from bot.core.weekly import render_week
from curriculum.numbers import ascii_int
from scheduler.calendar import parse_day, parse_time
from scheduler.poster import schedule_of
from storage.repositories.claims import ClaimRepository
from storage.repositories.cohorts import CohortExists, CohortRepository
from storage.tables import Cohort, PostClaim

POST_NOW_EVERY = timedelta(minutes=10)
ADMIN_ACTIONS = {
    "pause",
    "resume",
    "skip",
    "unskip",
    "post-now",
    "late-policy",
    "digest",
    "announce",
    "approval",
    "report",
    "dashboard",
}


def handle(req: Request) -> list[Reply]:
    """Dispatch `/cohort <sub> ...`; admins only for changes."""
    words = req.args.split()
    sub = words[0].casefold() if words else "status"
    if sub == "create":
        return [_create(req, words[1:])]
    cohort = _cohorts(req).by_channel(
        req.incoming.platform, req.incoming.workspace, req.incoming.channel
    )
    if cohort is None:
        return [Reply.text(texts.NO_COHORT, ephemeral=True)]
    if sub == "faq":
        return [faq.handle(req, cohort, req.args.strip()[3:])]
    if sub in ADMIN_ACTIONS and not is_cohort_admin(req.incoming, cohort):
        return [Reply.text(texts.NOT_ADMIN.format(what=f"use `/cohort {sub}`"), ephemeral=True)]
    action = ACTIONS.get(sub)
    if action is None:
        return [Reply.text(texts.USAGE, ephemeral=True)]
    return [action(req, cohort, words[1:])]


def _cohorts(req: Request) -> CohortRepository:
    return CohortRepository(req.services.db)


def _create(req: Request, words: list[str]) -> Reply:
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
        cohort = _cohorts(req).create(
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
            track=tracks[words[0]].title, first=_local(first, zone), day=day, time=at, tz=zone
        )
    )


def _parse_options(options: dict[str, str]) -> tuple[date, str, str, str] | Reply:
    try:
        start = date.fromisoformat(options.get("start", ""))
    except ValueError:
        return Reply.text(
            texts.BAD_OPTION.format(
                given=options.get("start", "start:"),
                expected="start:YYYY-MM-DD",
                usage=texts.SUB_USAGE["create"],
            ),
            ephemeral=True,
        )
    day = parse_day(options.get("day", start.strftime("%a")))
    if day is None:
        return Reply.text(
            texts.BAD_OPTION.format(
                given=options["day"], expected="day:mon..sun", usage=texts.SUB_USAGE["create"]
            ),
            ephemeral=True,
        )
    at = parse_time(options.get("time", "09:00"))
    if at is None:
        return Reply.text(
            texts.BAD_OPTION.format(
                given=options["time"], expected="time:HH:MM", usage=texts.SUB_USAGE["create"]
            ),
            ephemeral=True,
        )
    given_zone = options.get("tz", "UTC")
    zone = parse_zone(given_zone)
    if zone is None:
        return Reply.text(
            texts.BAD_OPTION.format(
                given=given_zone[:60], expected="tz:Europe/Berlin", usage=texts.SUB_USAGE["create"]
            ),
            ephemeral=True,
        )
    return start, day, at.strftime("%H:%M"), zone.key


def _local(when: datetime, zone: str) -> str:
    return when.astimezone(ZoneInfo(zone)).strftime("%a %d %b %Y %H:%M %Z")


def _weeks(req: Request, cohort: Cohort) -> int:
    return len(req.services.curriculum.tracks[cohort.track_id].weeks)


def _next(cohort: Cohort, weeks: int, claims: list[PostClaim], now: datetime) -> str:
    week = schedule.next_week(cohort, weeks, claims)
    if week is None:
        return texts.NEXT_NONE
    when = schedule_of(cohort, weeks).fire_time(week)
    shown = _local(when, cohort.timezone)
    if when <= now:
        return texts.NEXT_EARLY.format(week=week, when=shown)
    return texts.NEXT_AT.format(week=week, when=shown)


def _status(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    assert cohort.id is not None
    weeks, now = _weeks(req, cohort), req.services.clock.now()
    claims = ClaimRepository(req.services.db).of_cohort(cohort.id)
    lines = schedule.week_lines(cohort, weeks, claims, now)
    track = req.services.curriculum.tracks[cohort.track_id]
    return Reply.text(
        texts.STATUS.format(
            track=track.title,
            start=cohort.start_date.isoformat(),
            day=cohort.post_day,
            time=cohort.post_time,
            tz=cohort.timezone,
            late=cohort.late_policy,
            digest=_on(cohort.digest),
            announce=_on(cohort.announce_badges),
            approval=_on(cohort.require_approval),
            state=texts.PAUSED + "\n" if cohort.paused else "",
            members=len(req.services.community.members(cohort.id)),
            next=_next(cohort, weeks, claims, now),
            schedule="\n".join(lines),
        )
    )


def _on(flag: bool) -> str:
    return "on" if flag else "off"


def _set(req: Request, cohort: Cohort, **changes: object) -> Cohort:
    assert cohort.id is not None
    return _cohorts(req).update(cohort.id, **changes)


def _pause(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    _set(req, cohort, paused=True)
    return Reply.text(texts.PAUSED)


def _resume(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    updated = _set(req, cohort, paused=False)
    nxt = schedule_of(updated, _weeks(req, cohort)).next_due(req.services.clock.now())
    shown = f"week {nxt[0]} on {_local(nxt[1], cohort.timezone)}" if nxt else "track finished"
    return Reply.text(texts.RESUMED.format(next=shown))


def _week_arg(req: Request, cohort: Cohort, words: list[str], sub: str) -> int | Reply:
    n = _weeks(req, cohort)
    given = words[0] if words else ""
    week = ascii_int(given, 3)
    if week is None or not 1 <= week <= n:
        usage = texts.SUB_USAGE[sub]
        reply = texts.BAD_WEEK.format(n=n, given=given[:20] or "(none)", usage=usage)
        return Reply.text(reply, ephemeral=True)
    return week


def _skip(req: Request, cohort: Cohort, words: list[str]) -> Reply:
    week = _week_arg(req, cohort, words, "skip")
    if isinstance(week, Reply):
        return week
    _set(req, cohort, skipped_weeks=sorted({*cohort.skipped_weeks, week}))
    return Reply.text(texts.SKIPPED.format(week=week))


def _unskip(req: Request, cohort: Cohort, words: list[str]) -> Reply:
    week = _week_arg(req, cohort, words, "unskip")
    if isinstance(week, Reply):
        return week
    assert cohort.id is not None
    released = ClaimRepository(req.services.db).release_skipped(cohort.id, week)
    if week not in cohort.skipped_weeks and not released:
        return Reply.text(texts.NOT_SKIPPED.format(week=week))
    _set(req, cohort, skipped_weeks=[w for w in cohort.skipped_weeks if w != week])
    slot = schedule_of(cohort, _weeks(req, cohort)).fire_time(week)
    late = texts.UNSKIPPED_LATE if slot <= req.services.clock.now() else ""
    return Reply.text(texts.UNSKIPPED.format(week=week, when=late))


def _preview(req: Request, cohort: Cohort, words: list[str]) -> Reply:
    if words:
        week = _week_arg(req, cohort, words, "preview")
        if isinstance(week, Reply):
            return week
    else:
        nxt = schedule_of(cohort, _weeks(req, cohort)).next_due(req.services.clock.now())
        week = nxt[0] if nxt else _weeks(req, cohort)
    track = req.services.curriculum.tracks[cohort.track_id]
    track_week = track.week(week)
    assert track_week is not None
    return Reply.text(render_week(track, track_week) + "\n\n" + texts.PREVIEW_NOTE)


def _late_policy(req: Request, cohort: Cohort, words: list[str]) -> Reply:
    policy = words[0].casefold() if words else ""
    if policy not in ("post", "skip"):
        return Reply.text(
            texts.BAD_OPTION.format(
                given=policy or "(none)",
                expected="post or skip",
                usage=texts.SUB_USAGE["late-policy"],
            ),
            ephemeral=True,
        )
    _set(req, cohort, late_policy=policy)
    what = "posted late with a note" if policy == "post" else "skipped"
    return Reply.text(texts.LATE_POLICY.format(what=what))


def _toggle(field: str, name: str, sub: str) -> Callable[[Request, Cohort, list[str]], Reply]:
    def action(req: Request, cohort: Cohort, words: list[str]) -> Reply:
        value = words[0].casefold() if words else ""
        if value not in ("on", "off"):
            return Reply.text(
                texts.BAD_OPTION.format(
                    given=value or "(none)", expected="on or off", usage=texts.SUB_USAGE[sub]
                ),
                ephemeral=True,
            )
        _set(req, cohort, **{field: value == "on"})
        return Reply.text(texts.SETTING.format(name=name, state=value))

    return action


def _join(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    assert cohort.id is not None and req.learner.id is not None
    joined = _cohorts(req).join(cohort.id, req.learner.id, req.services.clock.now())
    if not joined:
        return Reply.text(texts.ALREADY, ephemeral=True)
    track = req.services.curriculum.tracks.get(cohort.track_id)
    title = track.title if track else cohort.track_id
    return Reply.text(texts.JOINED.format(track=title), ephemeral=True)


def _leave(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    assert cohort.id is not None and req.learner.id is not None
    left = _cohorts(req).leave(cohort.id, req.learner.id)
    return Reply.text(texts.LEFT if left else texts.NOT_MEMBER, ephemeral=True)


def _post_now(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    return post_now(req, cohort, POST_NOW_EVERY)


def _report(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    return render_report(req, cohort)


def _dashboard(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    """A one-time sign-in link, shown only to the admin who asked."""
    assert req.learner.id is not None
    ids = access.administered(req.services, req.learner.id, cohort)
    url = access.issue_link(req.services, req.learner.id, ids)
    minutes = int(access.LINK_LIFETIME.total_seconds() // 60)
    shown = f"{len(ids)} cohort" + ("s" if len(ids) != 1 else "")
    return Reply.text(
        texts.DASHBOARD_LINK.format(cohorts=shown, url=url, minutes=minutes),
        ephemeral=True,
        in_thread=False,
    )


ACTIONS: dict[str, Callable[[Request, Cohort, list[str]], Reply]] = {
    "status": _status,
    "pause": _pause,
    "resume": _resume,
    "skip": _skip,
    "unskip": _unskip,
    "preview": _preview,
    "late-policy": _late_policy,
    "digest": _toggle("digest", "The weekly digest", "digest"),
    "announce": _toggle("announce_badges", "Badge announcements in this channel", "announce"),
    "approval": _toggle("require_approval", "Project approval", "approval"),
    "join": _join,
    "leave": _leave,
    "post-now": _post_now,
    "report": _report,
    "dashboard": _dashboard,
}
