"""`/cohort ...`: find the channel's cohort, check admin rights, and hand over to the action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.core.cohort import controls, faq, membership, texts
from bot.core.cohort.create import create
from bot.core.cohort.dashboard import dashboard_link
from bot.core.cohort.post_now import post_now
from bot.core.cohort.report import render_report
from bot.core.cohort.rights import acts_as_admin
from bot.core.cohort.status import status
from bot.core.context import Request
from bot.core.reply import Reply
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort

POST_NOW_EVERY = timedelta(minutes=10)
ADMIN_ACTIONS = {
    "pause",
    "resume",
    "skip",
    "unskip",
    "post-now",
    "late-policy",
    "digest",
    "announce",
    "approval",
    "report",
    "dashboard",
}


def handle(req: Request) -> list[Reply]:
    """Dispatch `/cohort <sub> ...`; admins only for changes."""
    words = req.args.split()
    sub = words[0].casefold() if words else "status"
    if sub == "create":
        return [create(req, words[1:])]
    cohort = CohortRepository(req.services.db).by_channel(
        req.incoming.platform, req.incoming.workspace, req.incoming.channel
    )
    if cohort is None:
        return [Reply.text(texts.NO_COHORT, ephemeral=True)]
    if sub == "faq":
        return [faq.handle(req, cohort, req.args.strip()[3:])]
    if sub in ADMIN_ACTIONS and not acts_as_admin(req, cohort):
        return [Reply.text(texts.NOT_ADMIN.format(what=f"use `/cohort {sub}`"), ephemeral=True)]
    action = ACTIONS.get(sub)
    if action is None:
        return [Reply.text(texts.USAGE, ephemeral=True)]
    return [action(req, cohort, words[1:])]


def _post_now(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    return post_now(req, cohort, POST_NOW_EVERY)


def _report(req: Request, cohort: Cohort, _: list[str]) -> Reply:
    return render_report(req, cohort)


ACTIONS: dict[str, Callable[[Request, Cohort, list[str]], Reply]] = {
    "status": status,
    "pause": controls.pause,
    "resume": controls.resume,
    "skip": controls.skip,
    "unskip": controls.unskip,
    "preview": controls.preview,
    "late-policy": controls.late_policy,
    "digest": controls.digest,
    "announce": controls.announce,
    "approval": controls.approval,
    "join": membership.join,
    "leave": membership.leave,
    "post-now": _post_now,
    "report": _report,
    "dashboard": dashboard_link,
}
