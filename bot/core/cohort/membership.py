"""`/cohort join` and `/cohort leave`: a learner follows the cohort's track, or stops."""

from __future__ import annotations

from bot.core.cohort import texts
from bot.core.context import Request
from bot.core.reply import Reply
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort


def join(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    assert cohort.id is not None and req.learner.id is not None
    joined = CohortRepository(req.services.db).join(
        cohort.id, req.learner.id, req.services.clock.now()
    )
    if not joined:
        return Reply.text(texts.ALREADY, ephemeral=True)
    track = req.services.curriculum.tracks.get(cohort.track_id)
    title = track.title if track else cohort.track_id
    return Reply.text(texts.JOINED.format(track=title), ephemeral=True)


def leave(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    assert cohort.id is not None and req.learner.id is not None
    left = CohortRepository(req.services.db).leave(cohort.id, req.learner.id)
    return Reply.text(texts.LEFT if left else texts.NOT_MEMBER, ephemeral=True)
