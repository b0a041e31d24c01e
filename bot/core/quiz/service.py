"""Quiz use cases: start or resume, answer (typed or pressed), finish, expire, review."""

from __future__ import annotations

import dataclasses
import zlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.clock import as_utc
from bot.core.context import Request
from bot.core.progress import after_event
from bot.core.quiz import render, texts
from bot.core.quiz.targets import QuizTarget, TargetError, resolve_target
from bot.core.reply import Reply
from curriculum.catalog.models import Question, QuestionType
from curriculum.quiz import grade, is_pass, percent, plan_quiz
from curriculum.quiz.review import schedule
from storage.repositories.quizzes import AlreadyActive
from storage.tables import QuizSession

REVIEW_KIND = "review"
SENT_AT_TRUSTED = timedelta(minutes=10)


def start_quiz(req: Request) -> list[Reply]:
    """`/quiz [target]`: resume the quiz running here, or start the one asked for."""
    svc, learner = req.services, req.learner
    assert learner.id is not None
    running = _active(req)
    expired: list[Reply] = []
    if isinstance(running, list):
        expired = running
    elif running is not None and req.args.strip().casefold() == "stop":
        return [_stop(req, running)]
    elif running is not None:
        return [
            Reply.text(
                texts.RESUMED.format(
                    title=_title(req, running),
                    n=running.position + 1,
                    total=len(running.question_ids),
                )
            ),
            _current_question(req, running),
        ]
    target = _pick_target(req)
    if isinstance(target, Reply):
        return [*expired, target]
    now = svc.clock.now()
    seed = svc.settings.quiz_seed
    if seed is None:
        key = f"{learner.id}|{req.incoming.thread_key}|{now.isoformat()}".encode()
        seed = zlib.crc32(key) & 0x7FFFFFFF  # fits a signed 32-bit INTEGER column
    plan = plan_quiz(target.questions, seed, target.limit)
    try:
        session = svc.quizzes.start(
            learner_id=learner.id,
            kind=target.kind,
            target=target.target,
            thread_key=req.incoming.thread_key,
            question_ids=plan.question_ids,
            choice_orders=plan.choice_orders,
            seed=seed,
            now=now,
        )
    except AlreadyActive:
        return start_quiz(req)
    intro = texts.STARTED.format(
        title=target.title,
        count=len(plan.question_ids),
        how=texts.HOW_BUTTONS,
        pass_note=texts.PASS_NOTE if target.kind == "module" else "",
    )
    return [*expired, Reply.text(intro), _current_question(req, session)]


def _pick_target(req: Request) -> QuizTarget | Reply:
    """The quiz `/quiz <args>` asks for, or the reply saying why none can start."""
    svc, learner = req.services, req.learner
    assert learner.id is not None
    if req.args.strip().casefold() == "stop":
        return Reply.text(texts.NOTHING_TO_STOP)
    passed = {mid for mid, p in svc.progress.of(learner.id).items() if p.quiz_passed_at}
    try:
        named = resolve_target(svc.curriculum, req.args, passed)
    except TargetError as exc:
        return Reply.text(str(exc))
    target = named if named is not None else _review_target(req)
    if isinstance(target, QuizTarget) and not target.questions:
        return Reply.text(texts.NO_QUESTIONS.format(what=target.title))
    return target


def start_problem(req: Request) -> Reply | None:
    """Why `/quiz <args>` cannot start a quiz (a private reply), or None when it can.

    Adapters that open a thread for a new quiz ask first, so nothing is posted in vain.
    """
    target = _pick_target(req)
    return dataclasses.replace(target, ephemeral=True) if isinstance(target, Reply) else None


def answer_typed(req: Request) -> list[Reply] | None:
    """A plain message in a thread with a running quiz is an answer; None if no quiz runs."""
    running = _active(req)
    if running is None:
        return None
    if isinstance(running, list):
        return running
    sent_at = req.incoming.sent_at
    if sent_at is not None and abs(sent_at - req.services.clock.now()) > SENT_AT_TRUSTED:
        sent_at = None  # a platform clock this far off ours says nothing about the race
    if sent_at is not None and running.position > 0 and sent_at < as_utc(running.last_activity_at):
        # Typed before the question now on screen was shown: it was meant for an earlier one.
        return [Reply.text(texts.TYPED_TOO_LATE, ephemeral=True), _current_question(req, running)]
    return _answer(req, running, running.question_ids[running.position], req.incoming.clipped_text)


def answer_pressed(req: Request, value: str) -> list[Reply]:
    """A choice button: the value names the session, the question and the displayed index."""
    parsed = render.parse_button_value(value)
    session = req.services.quizzes.get(parsed[0]) if parsed else None
    if parsed is None or session is None or session.learner_id != req.learner.id:
        return [
            Reply.text("That button is not part of a quiz of yours. " + texts.USAGE, ephemeral=True)
        ]
    if session.status != "active":
        answered = parsed[1] in session.question_ids[: session.position]
        if answered:
            return [Reply.text(texts.ALREADY_COUNTED, ephemeral=True)]
        return [
            Reply.text(texts.CLOSED_QUIZ.get(session.status, texts.CLOSED_OTHER), ephemeral=True)
        ]
    closed = _close_if_done(req, session) or _expire_if_idle(req, session)
    if closed:
        return closed
    return _answer(req, session, parsed[1], str(parsed[2] + 1))


def _answer(req: Request, session: QuizSession, question_id: str, given: str) -> list[Reply]:
    svc = req.services
    current = (
        session.question_ids[session.position]
        if session.position < len(session.question_ids)
        else None
    )
    question = svc.curriculum.question(question_id)
    if question is None or question_id != current:
        return [Reply.text(texts.ALREADY_COUNTED, ephemeral=True)]
    order = session.choice_orders.get(question.id, [])
    verdict = grade(question, order, given)
    if verdict is None:
        hint = (
            texts.UNREADABLE_TF
            if question.type is QuestionType.TRUE_FALSE
            else texts.UNREADABLE.format(given=given[:40], count=len(order))
        )
        return [Reply.text(hint), _current_question(req, session)]
    now = svc.clock.now()
    assert session.id is not None
    # One answer is one unit of work: the answer, the session's progress, the event, the review
    # card and, on the last question, the score, module progress, pass event and badges.
    with svc.db.unit_of_work():
        outcome = svc.quizzes.answer(session.id, question.id, given, verdict, now)
        if not outcome.counted:
            return [Reply.text(texts.ALREADY_COUNTED, ephemeral=True)]
        _after_answer(req, session, question, verdict, now)
        replies = [render.feedback_reply(svc.curriculum, question, verdict)]
        updated = outcome.session
        if updated.position < len(updated.question_ids):
            replies.append(_current_question(req, updated))
        else:
            replies.append(_finish(req, updated, "finished"))
    return replies


def _after_answer(
    req: Request, session: QuizSession, question: Question, correct: bool, now: datetime
) -> None:
    svc, learner_id = req.services, req.learner.id
    assert learner_id is not None
    svc.events.record(
        learner_id,
        "quiz_answered",
        now,
        subject=question.id,
        data={"correct": correct, "session": session.id, "kind": session.kind},
        dedupe_key=f"answer:{session.id}:{question.id}",
    )
    card = svc.reviews.get(learner_id, question.id)
    if not correct or card is not None:
        state, due = schedule(card.card if card else None, correct, now)
        svc.reviews.save(learner_id, question.id, state, due, reviewed=card is not None)


def _finish(req: Request, session: QuizSession, status: str) -> Reply:
    """Close and score the session; call it inside the unit of work that answered it."""
    svc = req.services
    assert session.id is not None and session.learner_id is not None
    now = svc.clock.now()
    closed, closed_now = svc.quizzes.close_active(session.id, status, now)
    if not closed_now:
        return Reply.text(texts.ALREADY_FINISHED.format(title=_title(req, closed)))
    total = len(closed.question_ids)
    pct = percent(closed.correct, total)
    title = _title(req, closed)
    lines: list[str] = []
    if closed.kind == "module":
        passed = is_pass(closed.correct, total)
        row = svc.progress.record_attempt(session.learner_id, closed.target, pct, passed, now)
        template = texts.FINISHED_PASS if passed else texts.FINISHED_FAIL
        lines.append(
            template.format(
                title=title, correct=closed.correct, total=total, percent=pct, target=closed.target
            )
        )
        lines.append(texts.BEST.format(module=closed.target, best=row.best_percent))
        if passed:
            svc.events.record(
                session.learner_id,
                "module_quiz_passed",
                now,
                subject=closed.target,
                data={"percent": pct, "session": session.id},
                dedupe_key=f"quiz-passed:{session.id}",
            )
            lines += after_event(svc, req.learner)
    else:
        lines.append(
            texts.FINISHED_PRACTICE.format(
                title=title, correct=closed.correct, total=total, percent=pct
            )
        )
    missed = closed.position - closed.correct
    if missed and closed.kind != REVIEW_KIND:
        lines.append(texts.REVIEW_CARDS.format(n=missed))
    return Reply.text("\n".join(lines))


def _stop(req: Request, session: QuizSession) -> Reply:
    assert session.id is not None
    req.services.quizzes.close(session.id, "stopped", req.services.clock.now())
    return Reply.text(
        texts.STOPPED.format(
            title=_title(req, session), answered=session.position, total=len(session.question_ids)
        )
    )


def _active(req: Request) -> QuizSession | list[Reply] | None:
    """The quiz running in this thread; an expiry notice if it went idle; None if none."""
    assert req.learner.id is not None
    session = req.services.quizzes.active(req.learner.id, req.incoming.thread_key)
    if session is None:
        return None
    return _close_if_done(req, session) or _expire_if_idle(req, session) or session


def _close_if_done(req: Request, session: QuizSession) -> list[Reply]:
    """Score a session whose questions are all answered but which was never closed."""
    if session.position < len(session.question_ids):
        return []
    with req.services.db.unit_of_work():
        return [_finish(req, session, "finished")]


def _expire_if_idle(req: Request, session: QuizSession) -> list[Reply]:
    svc = req.services
    idle = timedelta(minutes=svc.settings.quiz_idle_minutes)
    if svc.clock.now() - as_utc(session.last_activity_at) <= idle:
        return []
    total = len(session.question_ids)
    assert session.id is not None
    with svc.db.unit_of_work():
        closed, closed_now = svc.quizzes.close_active(session.id, "expired", svc.clock.now())
        if not closed_now:
            return [Reply.text(texts.ALREADY_FINISHED.format(title=_title(req, closed)))]
        if session.kind == "module" and session.position > 0:
            assert session.learner_id is not None
            pct = percent(session.correct, total)
            svc.progress.record_attempt(
                session.learner_id,
                session.target,
                pct,
                is_pass(session.correct, total),
                svc.clock.now(),
            )
    return [
        Reply.text(
            texts.EXPIRED.format(
                title=_title(req, session),
                minutes=svc.settings.quiz_idle_minutes,
                correct=session.correct,
                answered=session.position,
                total=total,
                percent=percent(session.correct, total),
                target=session.target,
            )
        )
    ]


def _current_question(req: Request, session: QuizSession) -> Reply:
    qid = session.question_ids[session.position]
    question = req.services.curriculum.question(qid)
    assert question is not None and session.id is not None
    return render.question_reply(
        session.id,
        question,
        session.choice_orders.get(qid),
        session.position + 1,
        len(session.question_ids),
    )


def _title(req: Request, session: QuizSession) -> str:
    cur = req.services.curriculum
    if session.kind == "module" and session.target in cur.modules:
        m = cur.modules[session.target]
        return f"Module {m.number}: {m.title}"
    if session.kind == "elective" and session.target in cur.electives:
        e = cur.electives[session.target]
        return f"Elective {e.id}: {e.title}"
    if session.kind == "section":
        return f"Course section {session.target}"
    if session.kind == "level":
        return f"{session.target.title()} level mix"
    return "Review"


def _review_target(req: Request) -> QuizTarget | Reply:
    svc, learner = req.services, req.learner
    assert learner.id is not None
    now = svc.clock.now()
    zone = ZoneInfo(learner.timezone or "UTC")
    day_start = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    done_today = sum(
        1
        for e in svc.events.of(learner.id, "quiz_answered")
        if e.data.get("kind") == REVIEW_KIND and as_utc(e.occurred_at) >= day_start
    )
    room = svc.settings.review_daily_cap - done_today
    if room <= 0:
        return Reply.text(texts.REVIEW_CAPPED.format(cap=svc.settings.review_daily_cap))
    cards = svc.reviews.due(learner.id, now, room)
    questions = [q for c in cards if (q := svc.curriculum.question(c.question_id))]
    if not questions:
        return Reply.text(texts.NO_REVIEWS)
    return QuizTarget(REVIEW_KIND, REVIEW_KIND, "Review", questions)
