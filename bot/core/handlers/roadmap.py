"""`/roadmap [track] [week]`: the learner's track (cohort, chosen or default) and its weeks."""

from __future__ import annotations

from bot.core.ask import texts as ask_texts
from bot.core.ask.course import Position, position
from bot.core.context import Request
from bot.core.handlers import texts
from bot.core.reply import Reply
from bot.core.weekly import render_week
from curriculum.catalog.models import Curriculum, Track
from curriculum.numbers import ascii_int


def find_track(cur: Curriculum, given: str) -> Track | None:
    """A track by id, or by an unambiguous start of its id (`course`, `roadmap`)."""
    key = given.strip().casefold()
    if key in cur.tracks:
        return cur.tracks[key]
    found = [t for t in cur.tracks.values() if t.id.startswith(key)] if key else []
    return found[0] if len(found) == 1 else None


def track_ids(cur: Curriculum) -> str:
    return ", ".join(f"`{t}`" for t in cur.tracks)


def render_outline(track: Track, current: int | None = None, lead: str = "") -> str:
    """The track's weeks, the learner's current one marked."""
    lines = [lead, ""] if lead else []
    lines += [f"*{track.title}*", track.description.strip(), ""]
    for w in track.weeks:
        mark = texts.CURRENT if w.week == current else ""
        lines.append(f"{w.week}. {w.title}{mark}")
    return "\n".join(lines)


def _lead(found: Position) -> str:
    return texts.OUTLINE_LEAD.format(title=found.track.title, id=found.track.id, why=found.why)


def handle(req: Request) -> list[Reply]:
    """`/roadmap`, `/roadmap 3`, `/roadmap course-5w`, `/roadmap course-5w 2`."""
    cur = req.services.curriculum
    words = req.args.replace("week", " ").split()
    wanted = find_track(cur, words[0]) if words and ascii_int(words[0], 3) is None else None
    if wanted is not None:
        words = words[1:]
    found = position(req, wanted.id if wanted else None)
    if found is None:
        return [Reply.text(texts.NO_TRACK_CONFIGURED, ephemeral=True)]
    track = found.track
    if not words:
        current = found.week if wanted is None or found.why != ask_texts.ASKED_TRACK else None
        usage = texts.ROADMAP_USAGE.format(tracks=track_ids(cur))
        return [Reply.text(f"{render_outline(track, current, _lead(found))}\n\n{usage}")]
    given = " ".join(words)
    number = ascii_int(given, 3)
    week = track.week(number) if number is not None else None
    if week is None:
        return [
            Reply.text(
                texts.NO_WEEK.format(
                    title=track.title, n=len(track.weeks), given=given[:20], tracks=track_ids(cur)
                ),
                ephemeral=True,
            )
        ]
    return [Reply.text(render_week(track, week))]
