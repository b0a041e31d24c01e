"""Who may change a cohort: an admin, in the place the cohort lives."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.incoming import Incoming
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort


def is_cohort_admin(incoming: Incoming, cohort: Cohort) -> bool:
    """Admin rights count only where the cohort lives.

    On Discord one learner spans every server, and anyone can be Manage Server in a server of
    their own; so an admin verdict counts for a cohort only when it was given in the cohort's
    server. Cohorts without a recorded server (Slack, console, older rows) keep the verdict.
    """
    if not incoming.is_admin:
        return False
    return cohort.guild_id is None or cohort.guild_id == incoming.guild


def acts_as_admin(req: Request, cohort: Cohort) -> bool:
    """Whether the sender may act as the cohort's admin; if so, they are recorded as one.

    The record is what keeps admins out of the cohort's learners (`/cohort report`, the
    dashboard): the platform's verdict arrives with each message and is kept nowhere else.
    """
    if not is_cohort_admin(req.incoming, cohort):
        return False
    assert cohort.id is not None and req.learner.id is not None
    CohortRepository(req.services.db).record_admin(
        cohort.id, req.learner.id, req.services.clock.now()
    )
    return True
