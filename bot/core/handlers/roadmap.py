"""`/roadmap [week]`: a week of the default track (the cohort's track once cohorts exist)."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.reply import Reply
from bot.core.weekly import render_week
from curriculum.catalog.models import Track
from curriculum.numbers import ascii_int

USAGE = "Use `/roadmap` for the outline or `/roadmap 3` for week 3 (weeks 1 to {n})."


def render_outline(track: Track) -> str:
    lines = [f"*{track.title}*", track.description.strip(), ""]
    lines += [f"{w.week}. {w.title}" for w in track.weeks]
    lines += ["", USAGE.format(n=len(track.weeks))]
    return "\n".join(lines)


def handle(req: Request) -> list[Reply]:
    cur = req.services.curriculum
    track = cur.tracks.get(req.services.settings.default_track)
    if track is None:
        return [Reply.text("No roadmap track is configured (TUTOR_DEFAULT_TRACK).")]
    arg = req.args.strip().removeprefix("week").strip()
    if not arg:
        return [Reply.text(render_outline(track))]
    number = ascii_int(arg, 3)
    week = track.week(number) if number is not None else None
    if week is None:
        missing = f"There is no week *{arg[:20]}*. " + USAGE.format(n=len(track.weeks))
        return [Reply.text(missing, ephemeral=True)]
    return [Reply.text(render_week(track, week))]
