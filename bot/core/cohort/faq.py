"""`/cohort faq add|list|remove`: organisers' answers, given in chat to the cohort's learners."""

from __future__ import annotations

from bot.core.cohort import texts
from bot.core.cohort.rights import acts_as_admin
from bot.core.context import Request
from bot.core.reply import Reply
from curriculum.numbers import ascii_int
from storage.repositories.cohort_faq import CohortFaqRepository
from storage.tables import Cohort, CohortFaq

MATCH = 0.72
"""How close a learner's question must come to an entry's question to get its answer."""
MATCH_ORGANISER = 0.55
"""The bar for questions only organisers can answer (certificates, deadlines ...)."""


def _repo(req: Request) -> CohortFaqRepository:
    return CohortFaqRepository(req.services.db)


def handle(req: Request, cohort: Cohort, rest: str) -> Reply:
    """`faq` (list), `faq add <question> | <answer>`, `faq remove <id>`."""
    sub, _, tail = rest.strip().partition(" ")
    sub = sub.casefold() or "list"
    if sub == "list":
        return _list(req, cohort)
    if sub not in ("add", "remove"):
        return Reply.text(texts.FAQ_USAGE, ephemeral=True)
    if not acts_as_admin(req, cohort):
        return Reply.text(texts.NOT_ADMIN.format(what=f"{sub} FAQ entries"), ephemeral=True)
    return _add(req, cohort, tail) if sub == "add" else _remove(req, cohort, tail)


def _list(req: Request, cohort: Cohort) -> Reply:
    assert cohort.id is not None
    entries = _repo(req).active(cohort.id)
    if not entries:
        return Reply.text(texts.FAQ_EMPTY, ephemeral=True)
    lines = [texts.FAQ_TITLE]
    lines += [f"`{e.id}` *{e.question}*\n{e.answer}" for e in entries]
    return Reply.text("\n".join(lines), ephemeral=True)


def _add(req: Request, cohort: Cohort, text: str) -> Reply:
    question, bar, answer = text.partition("|")
    question, answer = question.strip(), answer.strip()
    if not bar or len(question) < 5 or len(answer) < 5:
        return Reply.text(texts.FAQ_USAGE, ephemeral=True)
    if len(question) > 500 or len(answer) > 2000:
        return Reply.text(texts.FAQ_TOO_LONG, ephemeral=True)
    assert cohort.id is not None
    row = _repo(req).add(cohort.id, question, answer, req.learner.id, req.services.clock.now())
    return Reply.text(texts.FAQ_ADDED.format(id=row.id, question=question), ephemeral=True)


def _remove(req: Request, cohort: Cohort, text: str) -> Reply:
    faq_id = ascii_int(text.strip().lstrip("#"))
    assert cohort.id is not None
    if faq_id is None:
        return Reply.text(texts.FAQ_USAGE, ephemeral=True)
    removed = _repo(req).remove(cohort.id, faq_id, req.learner.id, req.services.clock.now())
    reply = texts.FAQ_REMOVED if removed else texts.FAQ_NO_ENTRY
    return Reply.text(reply.format(id=faq_id), ephemeral=True)


def matching_entry(req: Request, question: str, organiser: bool) -> CohortFaq | None:
    """The learner's cohort's FAQ entry this question asks, if one comes close enough."""
    svc = req.services
    assert req.learner.id is not None
    cohort = svc.community.cohort_of(req.learner.id)
    if cohort is None or cohort.id is None:
        return None
    entries = _repo(req).active(cohort.id)
    if not entries:
        return None
    scores = svc.knowledge.similarity(question, [e.question for e in entries])
    best = max(range(len(entries)), key=lambda i: scores[i])
    bar = MATCH_ORGANISER if organiser else MATCH
    return entries[best] if scores[best] >= bar else None
