"""Answer a question from the course material, with citations and 👍/👎 feedback."""

from __future__ import annotations

from datetime import timedelta

from bot.core.ask import course, intents, limits, texts
from bot.core.cohort import faq
from bot.core.context import Request
from bot.core.reply import Choice, Choices, Citation, Part, Reply, Text
from curriculum.numbers import ascii_int
from knowledge.answer import Answer, decline
from knowledge.conversation import Turn
from knowledge.query import injected
from knowledge.texts import DECLINE_INJECTION
from storage.repositories.questions import ModelCall
from storage.tables import CohortFaq


def ask(req: Request) -> list[Reply]:
    """`/ask <question>` or a plain message: a grounded answer in the thread."""
    question = req.args.strip()
    if not question:
        return [Reply.text(texts.USAGE, ephemeral=True)]
    chat = intents.smalltalk(question)
    if chat is not None:
        return [Reply.text(texts.SMALLTALK[chat])]
    question = intents.without_pleasantries(question)
    limited = _rate_limited(req)
    if limited is not None:
        return [limited]
    if injected(question):  # never searched, never answered from the material
        return [_recorded(req, question, decline(DECLINE_INJECTION, [], hint=False))]
    organiser = intents.organiser_question(question)
    names = tuple(b.name for b in req.services.curriculum.badges)
    about_course = None if organiser else intents.course_question(question, names)
    if about_course is not None:
        text = course.answer(req, about_course)
        return [_recorded(req, question, Answer(text, (), False, (), (), "course"))]
    entry = faq.matching_entry(req, question, organiser)
    if entry is not None:
        return [_recorded(req, question, _cohort_answer(req, entry))]
    if organiser:
        declined = Answer(texts.ORGANISER, (), True, (), (), "organiser")
        return [_recorded(req, question, declined)]
    if not _index_ready(req):
        return [Reply.text(texts.NO_INDEX)]
    svc = req.services
    assert req.learner.id is not None
    learner, thread = req.learner.id, req.incoming.thread_key
    history = svc.questions.conversation(learner, thread)
    turns = [Turn(q, a) for q, a in svc.questions.exchanges(learner, thread)]
    return [_recorded(req, question, svc.knowledge.ask(question, history, turns=turns))]


def start_afresh(req: Request) -> list[Reply]:
    """`/new`: the next question is answered on its own."""
    assert req.learner.id is not None
    svc = req.services
    svc.questions.start_afresh(req.learner.id, req.incoming.thread_key, svc.clock.now())
    return [Reply.text(texts.NEW_CONVERSATION, ephemeral=True)]


def _cohort_answer(req: Request, entry: CohortFaq) -> Answer:
    author = req.services.learners.get(entry.created_by) if entry.created_by else None
    who = (author.display_name or author.user_id) if author else "an organiser"
    when = entry.created_at.strftime("%d %b %Y")
    text = f"{entry.answer}\n{texts.COHORT_FAQ_SOURCE.format(who=who, when=when)}"
    return Answer(text, (), False, (), (), "cohort_faq", key=f"cohort_faq:{entry.id}")


def _recorded(req: Request, question: str, answer: Answer) -> Reply:
    svc, learner = req.services, req.learner
    assert learner.id is not None
    asked_id = svc.questions.record(
        learner_id=learner.id,
        thread_key=req.incoming.thread_key,
        question=question,
        answer=answer.text,
        declined=answer.declined,
        citations=[{"label": c.label, "ref": c.ref, "module": c.module} for c in answer.citations],
        now=svc.clock.now(),
        kind=answer.kind,
        search_text=answer.search_text if answer.follow_up else None,
        model_call=_model_call(answer),
    )
    return answer_reply(answer, asked_id)


def _model_call(answer: Answer) -> ModelCall | None:
    usage = answer.usage
    if usage is None:
        return None
    return ModelCall(
        model=f"{usage.provider}:{usage.model}",
        outcome=usage.outcome,
        latency_ms=round(usage.latency_s * 1000),
        input_tokens=usage.input_tokens,
        output_tokens=usage.output_tokens,
    )


def answer_reply(answer: Answer, asked_id: int) -> Reply:
    """The answer, its citations, a next step and the feedback buttons."""
    if answer.declined:
        if answer.kind == "organiser":
            return Reply.text(answer.text)
        return Reply((Text(answer.text), Text(texts.DECLINED_NEXT)))
    if answer.kind in ("course", "cohort_faq"):
        return Reply.text(answer.text)
    modules = [c.module for c in answer.citations if c.module]
    follow = texts.FOLLOW_UP.format(module=modules[0]) if modules else texts.FOLLOW_UP_GENERIC
    parts: list[Part] = [Text(answer.text)]
    parts += [
        Citation(title=c.label, source=c.source, anchor=c.anchor, module_id=c.module)
        for c in answer.citations
    ]
    parts += [
        Text(follow),
        Choices(
            texts.FEEDBACK_ACTION,
            (
                Choice(texts.HELPFUL, f"{asked_id}:up"),
                Choice(texts.NOT_HELPFUL, f"{asked_id}:down"),
            ),
        ),
    ]
    return Reply(tuple(parts))


def feedback(req: Request, value: str) -> list[Reply]:
    """A 👍/👎 press: stored against the answer, one vote per learner."""
    asked, _, vote = value.partition(":")
    svc = req.services
    answer_id = ascii_int(asked)
    if answer_id is None or vote not in ("up", "down") or not svc.questions.exists(answer_id):
        return [Reply.text(texts.UNKNOWN_ANSWER, ephemeral=True)]
    assert req.learner.id is not None
    svc.questions.feedback(answer_id, req.learner.id, vote == "up", svc.clock.now())
    return [Reply.text(texts.THANKS, ephemeral=True)]


def _rate_limited(req: Request) -> Reply | None:
    svc, learner_id = req.services, req.learner.id
    assert learner_id is not None
    now = svc.clock.now()
    per_minute, per_day = svc.settings.ask_per_minute, svc.settings.ask_per_day
    bucket = limits.TokenBucket(per_minute)
    wait = bucket.wait(svc.questions.times_since(learner_id, now - bucket.memory), now)
    if wait is not None:
        return Reply.text(
            texts.TOO_FAST_WAIT.format(
                burst=bucket.burst, limit=per_minute, wait=limits.describe(wait)
            ),
            ephemeral=True,
        )
    if svc.questions.count_since(learner_id, now - timedelta(days=1)) >= per_day:
        return Reply.text(texts.DAILY_LIMIT.format(limit=per_day), ephemeral=True)
    return None


def _index_ready(req: Request) -> bool:
    svc = req.services
    if svc.knowledge.store.count() > 0:
        return True
    if not svc.settings.auto_ingest:
        return False
    svc.knowledge.ensure_ingested(svc.curriculum)
    return True
