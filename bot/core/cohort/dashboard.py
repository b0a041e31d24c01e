"""`/cohort dashboard`: a one-time sign-in link to the instructor dashboard."""

from __future__ import annotations

from bot.core.cohort import texts
from bot.core.context import Request
from bot.core.instructor import access
from bot.core.reply import Reply
from storage.tables import Cohort


def dashboard_link(req: Request, cohort: Cohort, _: list[str]) -> Reply:
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
