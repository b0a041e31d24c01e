"""Admin controls of a cohort: pause and resume, skip and unskip weeks, preview a week, the late
policy, and the digest, badge-announcement and project-approval switches."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.cohort import texts
from bot.core.cohort.schedule import local_when, weeks_of
from bot.core.context import Request
from bot.core.reply import Reply
from bot.core.weekly import render_week
from curriculum.numbers import ascii_int
from scheduler.poster import schedule_of
from storage.repositories.claims import ClaimRepository
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort

Action = Callable[[Request, Cohort, list[str]], Reply]


def _set(req: Request, cohort: Cohort, **changes: object) -> Cohort:
    assert cohort.id is not None
    return CohortRepository(req.services.db).update(cohort.id, **changes)


def pause(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    _set(req, cohort, paused=True)
    return Reply.text(texts.PAUSED)


def resume(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    updated = _set(req, cohort, paused=False)
    nxt = schedule_of(updated, weeks_of(req, cohort)).next_due(req.services.clock.now())
    shown = f"week {nxt[0]} on {local_when(nxt[1], cohort.timezone)}" if nxt else "track finished"
    return Reply.text(texts.RESUMED.format(next=shown))


def _week_arg(req: Request, cohort: Cohort, words: list[str], sub: str) -> int | Reply:
    n = weeks_of(req, cohort)
    given = words[0] if words else ""
    week = ascii_int(given, 3)
    if week is None or not 1 <= week <= n:
        usage = texts.SUB_USAGE[sub]
        reply = texts.BAD_WEEK.format(n=n, given=given[:20] or "(none)", usage=usage)
        return Reply.text(reply, ephemeral=True)
    return week


def skip(req: Request, cohort: Cohort, words: list[str]) -> Reply:
    week = _week_arg(req, cohort, words, "skip")
    if isinstance(week, Reply):
        return week
    _set(req, cohort, skipped_weeks=sorted({*cohort.skipped_weeks, week}))
    return Reply.text(texts.SKIPPED.format(week=week))


def unskip(req: Request, cohort: Cohort, words: list[str]) -> Reply:
    week = _week_arg(req, cohort, words, "unskip")
    if isinstance(week, Reply):
        return week
    assert cohort.id is not None
    released = ClaimRepository(req.services.db).release_skipped(cohort.id, week)
    if week not in cohort.skipped_weeks and not released:
        return Reply.text(texts.NOT_SKIPPED.format(week=week))
    _set(req, cohort, skipped_weeks=[w for w in cohort.skipped_weeks if w != week])
    slot = schedule_of(cohort, weeks_of(req, cohort)).fire_time(week)
    late = texts.UNSKIPPED_LATE if slot <= req.services.clock.now() else ""
    return Reply.text(texts.UNSKIPPED.format(week=week, when=late))


def preview(req: Request, cohort: Cohort, words: list[str]) -> Reply:
    if words:
        week = _week_arg(req, cohort, words, "preview")
        if isinstance(week, Reply):
            return week
    else:
        nxt = schedule_of(cohort, weeks_of(req, cohort)).next_due(req.services.clock.now())
        week = nxt[0] if nxt else weeks_of(req, cohort)
    track = req.services.curriculum.tracks[cohort.track_id]
    track_week = track.week(week)
    assert track_week is not None
    return Reply.text(render_week(track, track_week) + "\n\n" + texts.PREVIEW_NOTE)


def late_policy(req: Request, cohort: Cohort, words: list[str]) -> Reply:
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


def toggle(field: str, name: str, sub: str) -> Action:
    """An `on|off` switch of one of the cohort's flags."""

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


digest = toggle("digest", "The weekly digest", "digest")
announce = toggle("announce_badges", "Badge announcements in this channel", "announce")
approval = toggle("require_approval", "Project approval", "approval")
