"""Who may change a cohort: an admin, in the place the cohort lives."""

from __future__ import annotations

from bot.core.incoming import Incoming
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
