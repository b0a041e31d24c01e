"""`/project`: submit and list projects; cohort admins approve or ask for changes.

A module is complete when its quiz is passed (best >= 80%) and its project is submitted, or
approved when the learner's cohort sets `require_approval`.
"""

from __future__ import annotations

from bot.core.context import Request
from bot.core.progress import after_event
from bot.core.progress.peers import resolve_person
from bot.core.projects import texts
from bot.core.projects.history import latest_per_module, reviewer_notes
from bot.core.projects.links import valid_link
from bot.core.reply import Reply
from curriculum.catalog.models import Module
from storage.tables import Learner


def handle(req: Request) -> list[Reply]:
    """Dispatch on the sub-command; anything else shows the usage."""
    verb, _, rest = req.args.strip().partition(" ")
    verb = verb.casefold()
    if verb == "submit":
        return [submit(req, rest)]
    if verb == "list":
        return [list_submissions(req)]
    if verb in ("approve", "changes"):
        return [review(req, verb, rest)]
    return [Reply.text(texts.USAGE)]


def _module(req: Request, given: str) -> Module | Reply:
    module = req.services.curriculum.find_module(given)
    if module is not None:
        return module
    listing = "\n".join(
        texts.MODULE_LINE.format(id=m.id, title=m.title)
        for m in req.services.curriculum.ordered_modules()
    )
    return Reply.text(texts.UNKNOWN_MODULE.format(given=given[:40], modules=listing))


def _requires_approval(req: Request, learner: Learner) -> bool:
    assert learner.id is not None
    cohort = req.services.community.cohort_of(learner.id)
    return bool(cohort and cohort.require_approval)


def submit(req: Request, rest: str) -> Reply:
    """Record a submission (http/https only) and grant what it completes."""
    svc, learner = req.services, req.learner
    assert learner.id is not None
    tokens = rest.split(maxsplit=2)
    if len(tokens) < 2:
        return Reply.text(texts.SUBMIT_USAGE)
    module = _module(req, tokens[0])
    if isinstance(module, Reply):
        return module
    url = valid_link(tokens[1])
    if url is None:
        return Reply.text(texts.BAD_LINK.format(given=tokens[1][:80], module=module.id))
    now = svc.clock.now()
    note = tokens[2] if len(tokens) == 3 else ""
    row, created = svc.projects.submit(learner.id, module.id, url, note, now)
    if not created:
        return Reply.text(texts.ALREADY.format(module=module.id))
    svc.events.record(
        learner.id,
        "project_submitted",
        now,
        subject=module.id,
        data={"submission": row.id},
        dedupe_key=f"project:{row.id}",
    )
    lines = [texts.SUBMITTED.format(module=module.id, title=module.title, url=url)]
    if _requires_approval(req, learner):
        lines.append(texts.NEEDS_APPROVAL)
    passed = svc.progress.of(learner.id).get(module.id)
    if passed is None or passed.quiz_passed_at is None:
        lines.append(texts.QUIZ_NEXT.format(module=module.id))
    lines += after_event(svc, learner)
    return Reply.text("\n".join(lines))


def list_submissions(req: Request) -> Reply:
    """The learner's submissions with their status."""
    assert req.learner.id is not None
    rows = latest_per_module(req.services.projects.of(req.learner.id))
    if not rows:
        return Reply.text(texts.LIST_EMPTY, ephemeral=True)
    reviewed = reviewer_notes(req.services, req.learner.id)
    lines = [texts.LIST_TITLE]
    for r in rows:
        note = f" ({r.note})" if r.note else ""
        lines.append(
            texts.LIST_LINE.format(module=r.module_id, status=r.status, url=r.url, note=note)
        )
        if r.status == "changes" and r.id in reviewed:
            lines.append(texts.REVIEWER_NOTE.format(note=reviewed[r.id]))
    lines.append(texts.LIST_FOOTER)
    return Reply.text("\n".join(lines), ephemeral=True)


def review(req: Request, verb: str, rest: str) -> Reply:
    """A cohort admin approves a submission or asks for changes."""
    if not req.incoming.is_admin:
        return Reply.text(texts.ADMIN_ONLY, ephemeral=True)
    tokens = rest.split(maxsplit=2)
    if len(tokens) < 2:
        return Reply.text(texts.REVIEW_USAGE)
    if verb == "changes" and len(tokens) < 3:
        return Reply.text(texts.CHANGES_NOTE_NEEDED)
    inc = req.incoming
    learner = resolve_person(req.services, inc.platform, inc.workspace, tokens[0])
    if learner is None or learner.id is None:
        return Reply.text(texts.NO_SUCH_LEARNER.format(who=tokens[0][:40]))
    module = _module(req, tokens[1])
    if isinstance(module, Reply):
        return module
    return _apply_review(req, learner, module, verb, tokens[2] if len(tokens) == 3 else "")


def _apply_review(req: Request, learner: Learner, module: Module, verb: str, note: str) -> Reply:
    svc, name = req.services, learner.display_name or learner.user_id
    assert learner.id is not None
    if not _requires_approval(req, learner):
        return Reply.text(texts.NO_APPROVAL.format(name=name))
    latest = svc.projects.latest(learner.id, module.id)
    if latest is None or latest.id is None or latest.status != "submitted":
        return Reply.text(texts.NOTHING_TO_REVIEW.format(name=name, module=module.id))
    status = "approved" if verb == "approve" else "changes"
    now = svc.clock.now()
    svc.projects.review(latest.id, status, now)
    svc.events.record(
        learner.id,
        "project_reviewed",
        now,
        subject=module.id,
        data={"submission": latest.id, "status": status, "note": note[:500]},
        dedupe_key=f"project-review:{latest.id}:{status}",
    )
    if status == "changes":
        return Reply.text(texts.CHANGES.format(name=name, module=module.id, note=note))
    lines = [texts.APPROVED.format(name=name, module=module.id)]
    lines += after_event(svc, learner, approval=True)
    return Reply.text("\n".join(lines))
