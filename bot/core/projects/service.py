"""`/project`: submit and list projects; cohort admins approve or ask for changes.

A module is complete when its quiz is passed (best >= 80%) and its project is submitted, or
approved when the learner's cohort sets `require_approval`.
"""

from __future__ import annotations

from bot.core.context import Request
from bot.core.progress import after_event
from bot.core.progress.peers import resolve_person
from bot.core.projects import pending, texts
from bot.core.projects.history import latest_per_module
from bot.core.projects.links import valid_link
from bot.core.reply import Reply
from curriculum.catalog.models import Capstone, Module
from storage.tables import Learner, ProjectSubmission


def handle(req: Request) -> list[Reply]:
    """Dispatch on the sub-command; anything else shows the usage."""
    verb, _, rest = req.args.strip().partition(" ")
    verb = verb.casefold()
    if verb == "submit":
        return [submit(req, rest)]
    if verb == "list":
        return [list_submissions(req, rest)]
    if verb == "capstone":
        return [capstone_brief(req)]
    if verb == "pending":
        return pending.show(req)
    if verb in ("approve", "changes"):
        return [pending.review_command(req, verb, rest)]
    return [Reply.text(texts.USAGE, ephemeral=True)]


def _module(req: Request, given: str) -> Module | Capstone | Reply:
    capstone = req.services.curriculum.capstone
    if capstone is not None and given.strip().casefold() == capstone.id:
        return capstone
    module = req.services.curriculum.find_module(given)
    if module is not None:
        return module
    listing = "\n".join(
        texts.MODULE_LINE.format(id=m.id, title=m.title)
        for m in req.services.curriculum.ordered_modules()
    )
    return Reply.text(
        texts.UNKNOWN_MODULE.format(given=given[:40], modules=listing), ephemeral=True
    )


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
        return Reply.text(texts.SUBMIT_USAGE, ephemeral=True)
    module = _module(req, tokens[0])
    if isinstance(module, Reply):
        return module
    url = valid_link(tokens[1])
    if url is None:
        return Reply.text(
            texts.BAD_LINK.format(given=tokens[1][:80], module=module.id), ephemeral=True
        )
    now = svc.clock.now()
    note = tokens[2] if len(tokens) == 3 else ""
    row, created = svc.projects.submit(learner.id, module.id, url, note, now)
    if not created:
        return Reply.text(texts.ALREADY.format(module=module.id), ephemeral=True)
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
    if isinstance(module, Capstone):
        lines.append(texts.CAPSTONE_NEXT.format(score=module.pass_score))
    elif passed is None or passed.quiz_passed_at is None:
        lines.append(texts.QUIZ_NEXT.format(module=module.id))
    lines += after_event(svc, learner)
    return Reply.text("\n".join(lines))


def capstone_brief(req: Request) -> Reply:
    """The capstone's brief, milestones and rubric, and how to hand it in."""
    cap = req.services.curriculum.capstone
    if cap is None:
        return Reply.text(texts.NO_CAPSTONE)
    lines = [texts.CAPSTONE_HEAD.format(title=cap.title), cap.brief.strip(), texts.MILESTONES]
    lines += [
        texts.MILESTONE_LINE.format(title=m.title, after=", ".join(m.after)) for m in cap.milestones
    ]
    lines.append(texts.RUBRIC.format(score=cap.pass_score))
    lines += [texts.RUBRIC_LINE.format(title=c.title, weight=c.weight) for c in cap.rubric]
    lines.append(texts.CAPSTONE_SUBMIT)
    return Reply.text("\n".join(lines))


def list_submissions(req: Request, rest: str = "") -> Reply:
    """The learner's submissions with their status; an admin may name another learner."""
    learner = req.learner
    if rest.strip():
        if not req.incoming.is_admin:
            return Reply.text(texts.LIST_OTHER_ADMIN_ONLY, ephemeral=True)
        inc = req.incoming
        found = resolve_person(req.services, inc.platform, inc.workspace, rest.strip())
        if found is None:
            return Reply.text(texts.NO_SUCH_LEARNER.format(who=rest.strip()[:40]))
        learner = found
    assert learner.id is not None
    rows = latest_per_module(req.services.projects.of(learner.id))
    own = learner.id == req.learner.id
    name = learner.display_name or learner.user_id
    if not rows:
        empty = texts.LIST_EMPTY if own else texts.LIST_OTHER_EMPTY.format(name=name)
        return Reply.text(empty, ephemeral=True)
    lines = [texts.LIST_TITLE if own else texts.LIST_OTHER_TITLE.format(name=name)]
    lines += [_list_line(r) for r in rows]
    if own:
        lines.append(texts.LIST_FOOTER)
    return Reply.text("\n".join(lines), ephemeral=True)


def _list_line(row: ProjectSubmission) -> str:
    review = texts.LIST_REVIEW_NOTE.format(note=row.review_note) if row.review_note else ""
    return texts.LIST_LINE.format(
        module=row.module_id,
        status=row.status,
        url=row.url,
        note=f" ({row.note})" if row.note else "",
        review=review,
    )
