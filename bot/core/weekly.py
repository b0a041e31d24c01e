"""A track week as chat text: used by `/roadmap` and the scheduled weekly posts."""

from __future__ import annotations

from curriculum.catalog.models import Track, TrackWeek


def quiz_hint(target: str) -> str:
    return f"`/quiz section {target[8:]}`" if target.startswith("section-") else f"`/quiz {target}`"


def render_week(track: Track, week: TrackWeek) -> str:
    """ "Week N — title", what to learn, the hands-on task, the deliverable, modules and quizzes."""
    lines = [f"*Week {week.week} — {week.title}*", f"_{track.title}_", "", "*Learn*"]
    lines += [f"• {item}" for item in week.learn]
    lines += ["", f"*Hands-on:* {week.hands_on}", f"*Deliverable:* {week.deliverable}"]
    lines.append("*Modules:* " + ", ".join(f"`{m}`" for m in week.modules))
    if week.quizzes:
        lines.append("*Check yourself:* " + ", ".join(quiz_hint(q) for q in week.quizzes))
    return "\n".join(lines)
