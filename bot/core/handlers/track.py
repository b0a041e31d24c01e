"""`/track [track | default]`: which track a learner without a cohort follows."""

from __future__ import annotations

from bot.core.ask.course import position
from bot.core.context import Request
from bot.core.handlers import texts
from bot.core.handlers.roadmap import find_track
from bot.core.reply import Reply
from curriculum.catalog.models import Curriculum


def _tracks(cur: Curriculum) -> str:
    return "\n".join(
        texts.TRACK_LINE.format(id=t.id, title=t.title, n=len(t.weeks)) for t in cur.tracks.values()
    )


def handle(req: Request) -> list[Reply]:
    """Show the learner's track and the choices, or choose one."""
    svc, cur = req.services, req.services.curriculum
    assert req.learner.id is not None
    given = req.args.strip()
    cohort = svc.community.cohort_of(req.learner.id)
    if not given:
        found = position(req)
        if found is None:
            return [Reply.text(texts.NO_TRACK_CONFIGURED)]
        lead = texts.OUTLINE_LEAD.format(title=found.track.title, id=found.track.id, why=found.why)
        how = texts.TRACK_COHORT.format(title=found.track.title) if cohort else texts.TRACK_HOW
        return [Reply.text(texts.TRACK_SHOW.format(lead=lead, tracks=_tracks(cur), how=how))]
    note = texts.TRACK_IN_COHORT_NOTE if cohort else ""
    if given.casefold() == "default":
        svc.privacy.update_setting(req.learner.id, "track_id", None)
        default = cur.tracks.get(svc.settings.default_track)
        if default is None:
            return [Reply.text(texts.NO_TRACK_CONFIGURED)]
        return [Reply.text(texts.TRACK_RESET.format(title=default.title, id=default.id) + note)]
    track = find_track(cur, given)
    if track is None:
        return [Reply.text(texts.TRACK_UNKNOWN.format(given=given[:40], tracks=_tracks(cur)))]
    svc.privacy.update_setting(req.learner.id, "track_id", track.id)
    return [
        Reply.text(
            texts.TRACK_SET.format(title=track.title, id=track.id, n=len(track.weeks)) + note
        )
    ]
