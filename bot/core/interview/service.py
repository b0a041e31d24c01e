"""Interview use cases: start or resume, collect an answer, done / hint / skip / stop."""

from __future__ import annotations

import zlib
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.core.clock import as_utc
from bot.core.context import Request
from bot.core.interview import render, texts
from bot.core.interview.grading import grader_for
from bot.core.interview.plan import plan_interview
from bot.core.interview.summary import summary_reply
from bot.core.reply import Reply
from curriculum.catalog.interview import InterviewQuestion
from curriculum.interview import HINT_PENALTY, Grade
from curriculum.interview.planning import FocusError, resolve_focus
from curriculum.quiz.review import schedule
from storage.repositories.interviews import InterviewAlreadyActive
from storage.tables import InterviewAnswerRow, InterviewSession

if TYPE_CHECKING:
    from bot.bootstrap import Services

IDLE = timedelta(hours=12)
"""An interview untouched this long closes (with its summary) when the thread is used again."""
COMMAND_WORDS = {"done": "done", "submit": "done", "hint": "hint", "skip": "skip", "stop": "stop"}


def start(req: Request) -> list[Reply]:
    """`/interview [focus | stop]`: resume the interview running here, or start one."""
    svc, learner = req.services, req.learner
    assert learner.id is not None
    running, expired = _running(req)
    wanted = req.args.strip().casefold()
    if running is not None and wanted == "stop":
        return _stop(req, running)
    if running is not None:
        n, total = running.position + 1, len(running.question_ids)
        return [Reply.text(texts.RESUMED.format(n=n, total=total)), _current(req, running)]
    if wanted == "stop":
        return [*expired, Reply.text(texts.NOTHING_TO_STOP)]
    try:
        focus = resolve_focus(svc.curriculum, req.args)
    except FocusError as exc:
        return [*expired, Reply.text(f"{exc} {texts.USAGE}")]
    now = svc.clock.now()
    seed = zlib.crc32(f"{learner.id}|{req.incoming.thread_key}|{now.isoformat()}".encode())
    ids, title = plan_interview(svc, learner.id, focus, seed)
    try:
        session = svc.interviews.start(learner.id, req.incoming.thread_key, title, ids, now)
    except InterviewAlreadyActive:
        return start(req)
    intro = texts.STARTED.format(
        title=title, count=len(ids), s="" if len(ids) == 1 else "s", penalty=HINT_PENALTY
    )
    return [*expired, Reply.text(intro), _current(req, session)]


def answer_typed(req: Request) -> list[Reply] | None:
    """A message in a thread with a running interview; None when no interview runs here."""
    session, expired = _running(req)
    if expired:
        return expired
    if session is None:
        return None
    text = req.incoming.clipped_text
    act = COMMAND_WORDS.get(text.casefold().strip(" .!`"))
    if act is not None:
        return _act(req, session, session.question_ids[session.position], act)
    assert session.id is not None
    updated = req.services.interviews.add_to_draft(session.id, text, req.services.clock.now())
    return [Reply.text(texts.NOTED.format(words=len(updated.draft.split())))]


def pressed(req: Request, value: str) -> list[Reply]:
    """A Done / Hint / Skip / Stop button: the value names the session and the question."""
    parsed = render.parse_button_value(value)
    session = req.services.interviews.get(parsed[0]) if parsed else None
    if parsed is None or session is None or session.learner_id != req.learner.id:
        return [Reply.text(texts.NOT_YOURS, ephemeral=True)]
    if session.status != "active":
        return [Reply.text(texts.ALREADY_COUNTED, ephemeral=True)]
    return _act(req, session, parsed[1], parsed[2])


def _act(req: Request, session: InterviewSession, question_id: str, act: str) -> list[Reply]:
    current = session.question_ids[session.position]
    if act == "stop":
        return _stop(req, session)
    if question_id != current:
        return [Reply.text(texts.ALREADY_COUNTED, ephemeral=True)]
    question = req.services.curriculum.interview.get(question_id)
    assert question is not None
    if act == "hint":
        return [_hint(req, session, question)]
    if act == "skip":
        return _record(req, session, question, None)
    if not session.draft.strip():
        return [Reply.text(texts.EMPTY_DRAFT)]
    grade = grader_for(req.services).grade(question, session.draft, session.hints)
    return _record(req, session, question, grade)


def _hint(req: Request, session: InterviewSession, question: InterviewQuestion) -> Reply:
    if session.hints >= len(question.key_points):
        return Reply.text(texts.NO_MORE_HINTS)
    assert session.id is not None
    req.services.interviews.add_hint(session.id, req.services.clock.now())
    point = question.key_points[session.hints]
    hint = texts.HINT.format(penalty=HINT_PENALTY, statement=point.statement)
    return Reply.text(hint, ephemeral=True)  # for the learner only; the buttons stay usable


def _record(
    req: Request, session: InterviewSession, question: InterviewQuestion, grade: Grade | None
) -> list[Reply]:
    svc, now = req.services, req.services.clock.now()
    assert session.id is not None
    row = InterviewAnswerRow(
        session_id=session.id,
        learner_id=session.learner_id,
        question_id=question.id,
        answer=session.draft,
        score=grade.score if grade else 0.0,
        covered=grade.covered if grade else [],
        missed=grade.missed if grade else [k.id for k in question.key_points],
        hints=session.hints,
        skipped=grade is None,
        answered_at=now,
    )
    outcome = svc.interviews.record(session.id, row, now)
    if not outcome.counted:
        return [Reply.text(texts.ALREADY_COUNTED, ephemeral=True)]
    _remember(svc, session, question, row)
    if grade is None:
        replies = [render.skipped_reply(question)]
    else:
        follow = render.follow_up(question, str(session.id))
        replies = [render.feedback_reply(question, grade, follow)]
    updated = outcome.session
    if updated.position < len(updated.question_ids):
        replies.append(_current(req, updated))
    else:
        closed = svc.interviews.close(session.id, "finished", now)
        replies.append(summary_reply(req, closed, finished=True))
    return replies


def _remember(
    svc: Services, session: InterviewSession, question: InterviewQuestion, row: InterviewAnswerRow
) -> None:
    """The event the badge and readiness read, and the review item for missed key points."""
    now = svc.clock.now()
    svc.events.record(
        session.learner_id,
        "interview_answered",
        now,
        subject=question.id,
        data={"score": row.score, "weeks": list(question.weeks), "skipped": row.skipped},
        dedupe_key=f"interview:{session.id}:{question.id}",
    )
    existing = svc.interviews.review(session.learner_id, question.id)
    if row.missed or existing is not None:
        card, due = schedule(existing.card if existing else None, not row.missed, now)
        svc.interviews.save_review(
            session.learner_id, question.id, row.missed, card, due, existing is not None
        )


def _stop(req: Request, session: InterviewSession) -> list[Reply]:
    assert session.id is not None
    closed = req.services.interviews.close(session.id, "stopped", req.services.clock.now())
    return [summary_reply(req, closed, finished=False)]


def _running(req: Request) -> tuple[InterviewSession | None, list[Reply]]:
    """The interview running in this thread, or the summary of one that went idle."""
    assert req.learner.id is not None
    svc = req.services
    session = svc.interviews.active(req.learner.id, req.incoming.thread_key)
    if session is None or svc.clock.now() - as_utc(session.last_activity_at) <= IDLE:
        return session, []
    assert session.id is not None
    closed = svc.interviews.close(session.id, "expired", svc.clock.now())
    return None, [
        Reply.text(texts.EXPIRED.format(hours=int(IDLE.total_seconds() // 3600))),
        summary_reply(req, closed, finished=False),
    ]


def _current(req: Request, session: InterviewSession) -> Reply:
    svc = req.services
    question = svc.curriculum.interview.get(session.question_ids[session.position])
    assert question is not None and session.id is not None
    review = svc.interviews.review(session.learner_id, question.id)
    missed = review.key_points if review is not None else []
    n, total = session.position + 1, len(session.question_ids)
    return render.question_reply(session.id, question, n, total, missed)
