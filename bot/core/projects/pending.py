"""The review queue in chat: `/project pending`, its buttons, `/project approve|changes`."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.core.cohort.rights import acts_as_admin
from bot.core.context import Request
from bot.core.progress.peers import resolve_person
from bot.core.projects import review, texts
from bot.core.reply import Choice, Choices, Reply, Text
from curriculum.numbers import ascii_int
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort

SHOWN = 10
"""Submissions shown in chat at once (each with its own buttons)."""


def reviewer_cohort(req: Request) -> Cohort | None:
    """The cohort of this channel, else the reviewer's own cohort."""
    inc = req.incoming
    cohort = CohortRepository(req.services.db).by_channel(inc.platform, inc.workspace, inc.channel)
    if cohort is None and req.learner.id is not None:
        cohort = req.services.community.cohort_of(req.learner.id)
    return cohort


def show(req: Request) -> list[Reply]:
    """`/project pending`: a title, then one message per submission with its buttons."""
    if not req.incoming.is_admin:
        return [Reply.text(texts.ADMIN_ONLY, ephemeral=True)]
    cohort = reviewer_cohort(req)
    if cohort is None:
        return [Reply.text(texts.PENDING_NO_COHORT, ephemeral=True)]
    if not acts_as_admin(req, cohort):
        return [Reply.text(texts.ADMIN_ONLY, ephemeral=True)]
    if not cohort.require_approval:
        return [Reply.text(texts.PENDING_NO_APPROVAL, ephemeral=True)]
    queue = review.pending(req.services, cohort)
    if not queue:
        return [Reply.text(texts.PENDING_EMPTY, ephemeral=True)]
    replies = [Reply.text(texts.PENDING_TITLE.format(n=len(queue)), ephemeral=True)]
    replies += [_item(req, cohort, item) for item in queue[:SHOWN]]
    if len(queue) > SHOWN:
        replies.append(Reply.text(texts.PENDING_MORE.format(n=len(queue) - SHOWN), ephemeral=True))
    return replies


def _item(req: Request, cohort: Cohort, item: review.Pending) -> Reply:
    row = item.submission
    module = req.services.curriculum.modules.get(row.module_id)
    when = row.submitted_at.astimezone(ZoneInfo(cohort.timezone)).strftime("%a %d %b %H:%M")
    text = texts.PENDING_ITEM.format(
        id=row.id,
        name=item.name,
        module=row.module_id,
        title=module.title if module else "",
        when=when,
        url=row.url,
        note=f"\n“{row.note}”" if row.note else "",
    )
    buttons = Choices(
        texts.REVIEW_ACTION,
        (
            Choice(texts.APPROVE_BUTTON, f"approve:{row.id}"),
            Choice(texts.CHANGES_BUTTON, f"changes:{row.id}"),
        ),
    )
    return Reply((Text(text), buttons), ephemeral=True)


def pressed(req: Request, value: str) -> list[Reply]:
    """A press on Approve or Request changes under a queued submission."""
    if not req.incoming.is_admin:
        return [Reply.text(texts.ADMIN_ONLY, ephemeral=True)]
    verb, _, given = value.partition(":")
    submission_id = ascii_int(given)
    cohort = _cohort_of_submission(req, submission_id)
    if submission_id is None or cohort is None:
        return [Reply.text(texts.NO_SUCH_SUBMISSION.format(id=given[:12]), ephemeral=True)]
    if not acts_as_admin(req, cohort):
        return [Reply.text(texts.ADMIN_ONLY, ephemeral=True)]
    if verb == "changes":
        found = review.submission_in(req.services, cohort, submission_id)
        assert found is not None
        how = texts.CHANGES_HOW.format(
            name=found.name, module=found.submission.module_id, id=submission_id
        )
        return [Reply.text(how, ephemeral=True)]
    return [_decide(req, cohort, submission_id, approve=True, note="")]


def _cohort_of_submission(req: Request, submission_id: int | None) -> Cohort | None:
    if submission_id is None:
        return None
    row = req.services.projects.get(submission_id)
    return None if row is None else req.services.community.cohort_of(row.learner_id)


def review_command(req: Request, verb: str, rest: str) -> Reply:
    """`/project approve <learner> <module>|#id` and `/project changes ... <note>`."""
    if not req.incoming.is_admin:
        return Reply.text(texts.ADMIN_ONLY, ephemeral=True)
    target = _target(req, rest)
    if isinstance(target, Reply):
        return target
    cohort, submission_id, note = target
    if not acts_as_admin(req, cohort):
        return Reply.text(texts.ADMIN_ONLY, ephemeral=True)  # an admin elsewhere, not here
    if not cohort.require_approval:
        return Reply.text(texts.NO_APPROVAL.format(name=_learner_name(req, submission_id)))
    if verb == "changes" and not note:
        return Reply.text(texts.CHANGES_NOTE_NEEDED)
    return _decide(req, cohort, submission_id, approve=verb == "approve", note=note)


def _target(req: Request, rest: str) -> tuple[Cohort, int, str] | Reply:
    tokens = rest.split(maxsplit=1)
    if tokens and tokens[0].startswith("#"):
        submission_id = ascii_int(tokens[0][1:])
        cohort = _cohort_of_submission(req, submission_id)
        if submission_id is None or cohort is None:
            return Reply.text(texts.NO_SUCH_SUBMISSION.format(id=tokens[0][1:13]))
        return cohort, submission_id, tokens[1].strip() if len(tokens) > 1 else ""
    return _target_by_name(req, rest)


def _target_by_name(req: Request, rest: str) -> tuple[Cohort, int, str] | Reply:
    tokens = rest.split(maxsplit=2)
    if len(tokens) < 2:
        return Reply.text(texts.REVIEW_USAGE)
    inc, svc = req.incoming, req.services
    learner = resolve_person(svc, inc.platform, inc.workspace, tokens[0])
    if learner is None or learner.id is None:
        return Reply.text(texts.NO_SUCH_LEARNER.format(who=tokens[0][:40]))
    module = svc.curriculum.find_module(tokens[1])
    if module is None:
        return Reply.text(texts.UNKNOWN_MODULE.format(given=tokens[1][:40], modules=""))
    name = learner.display_name or learner.user_id
    latest = svc.projects.latest(learner.id, module.id)
    cohort = svc.community.cohort_of(learner.id)
    if cohort is None:
        return Reply.text(texts.NO_APPROVAL.format(name=name))
    if latest is None or latest.id is None:
        return Reply.text(texts.NOTHING_TO_REVIEW.format(name=name, module=module.id))
    return cohort, latest.id, tokens[2].strip() if len(tokens) == 3 else ""


def _learner_name(req: Request, submission_id: int) -> str:
    row = req.services.projects.get(submission_id)
    learner = req.services.learners.get(row.learner_id) if row else None
    return (learner.display_name or learner.user_id) if learner else "This learner"


def _decide(req: Request, cohort: Cohort, submission_id: int, *, approve: bool, note: str) -> Reply:
    done = review.decide(
        req.services,
        cohort,
        submission_id,
        approve=approve,
        note=note,
        reviewer_id=req.learner.id,
    )
    return Reply.text(describe(done, submission_id))


def describe(done: review.Decision, submission_id: int) -> str:
    """The reviewer's confirmation of a decision, in words."""
    if done.outcome is review.Outcome.NOT_FOUND or done.submission is None or done.learner is None:
        return texts.NO_SUCH_SUBMISSION.format(id=submission_id)
    name = done.learner.display_name or done.learner.user_id
    module, note = done.submission.module_id, done.submission.review_note or ""
    by_outcome = {
        review.Outcome.APPROVED: texts.APPROVED,
        review.Outcome.CHANGES: texts.CHANGES,
        review.Outcome.ALREADY_APPROVED: texts.ALREADY_APPROVED,
        review.Outcome.ALREADY_CHANGES: texts.ALREADY_CHANGES,
        review.Outcome.SUPERSEDED: texts.SUPERSEDED,
        review.Outcome.NOTE_NEEDED: texts.CHANGES_NOTE_NEEDED,
    }
    line = by_outcome[done.outcome].format(name=name, module=module, note=note)
    return "\n".join([line, *done.progress_lines])
