"""`/roadmap [week]`: a week of the default track (the cohort's track once cohorts exist)."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.reply import Reply
from curriculum.catalog.models import Track, TrackWeek

USAGE = "Use `/roadmap` for the outline or `/roadmap 3` for week 3 (weeks 1 to {n})."


def render_week(track: Track, week: TrackWeek) -> str:
    """A week as chat text: title, what to learn, the task, the deliverable, quizzes."""
    lines = [f"*{track.title} — Week {week.week}: {week.title}*", "", "*Learn*"]
    lines += [f"• {item}" for item in week.learn]
    lines += ["", f"*Hands-on:* {week.hands_on}", f"*Deliverable:* {week.deliverable}"]
    if week.quizzes:
        hints = ", ".join(
            f"`/quiz section {q[8:]}`" if q.startswith("section-") else f"`/quiz {q}`"
            for q in week.quizzes
        )
        lines.append(f"*Check yourself:* {hints}")
    return "\n".join(lines)


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
    week = track.week(int(arg)) if arg.isdigit() else None
    if week is None:
        return [Reply.text(f"There is no week *{arg[:20]}*. " + USAGE.format(n=len(track.weeks)))]
    return [Reply.text(render_week(track, week))]
