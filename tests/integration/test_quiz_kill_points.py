"""Killing the process before any commit of a quiz leaves the database consistent.

A "kill" is an exception raised just before the n-th commit (the transaction never reaches the
database, as when the process dies); "restart" builds new services on the same database. The
sweep tries every commit point of a scripted `/quiz m01` (one wrong answer, then right ones, typed
and pressed), on SQLite and PostgreSQL, and after each restart checks the invariants and that the
quiz continues and finishes with the right score.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlmodel import Session, select

from bot.core.progress import refresh
from bot.testing import FakeChat, Replies, make_services
from curriculum.catalog.models import Curriculum, QuestionType
from storage.tables import Event, ModuleProgress, QuizAnswer, QuizSession, ReviewCard

MODULE = "m01"


class Killed(BaseException):
    """The process died here (a BaseException, so no handler can swallow it)."""


@contextmanager
def kill_before_commit(n: int | None) -> Iterator[list[int]]:
    """Raise Killed just before the n-th commit (1-based); count commits either way."""
    seen = [0]

    def before_commit(session: Session) -> None:
        if session.in_nested_transaction():
            return  # a savepoint inside a unit of work, not a commit
        seen[0] += 1
        if n is not None and seen[0] == n:
            raise Killed(f"killed before commit {n}")

    event.listen(Session, "before_commit", before_commit)
    try:
        yield seen
    finally:
        event.remove(Session, "before_commit", before_commit)


def answer_next(chat: FakeChat, user: str, replies: Replies) -> Replies:
    """Answer the question on screen: the quiz's first question wrong, every other one right."""
    q = chat.current_question(user)
    learner = chat.services.learners.find(chat.platform, "w1", user)
    assert learner is not None and learner.id is not None
    session = chat.services.quizzes.active(learner.id, f"{chat.platform}:w1:general:t1")
    assert session is not None
    right = q.id != session.question_ids[0]
    if q.type is QuestionType.SHORT_ANSWER:
        assert q.accepted
        return chat.send(user, q.accepted[0] if right else "no idea at all")
    if q.type is QuestionType.TRUE_FALSE and right:
        return chat.send(user, q.canonical_answer().casefold())  # typed, not pressed
    if not replies.items or not [r for r in replies.items if r.choices()]:
        replies = chat.send(user, "/quiz")  # after a restart: ask for the question again
    labels = [o.label for o in replies.buttons().options]
    pick = q.canonical_answer() if right else next(x for x in labels if x != q.canonical_answer())
    return chat.press(user, pick, replies)


def quiz_running(chat: FakeChat, user: str) -> bool:
    learner = chat.services.learners.find(chat.platform, "w1", user)
    assert learner is not None and learner.id is not None
    return chat.services.quizzes.active(learner.id, f"{chat.platform}:w1:general:t1") is not None


def play_to_the_end(chat: FakeChat, user: str, replies: Replies) -> Replies:
    for _ in range(20):
        if not quiz_running(chat, user):
            return replies
        replies = answer_next(chat, user, replies)
    raise AssertionError("the quiz never ended")


def assert_consistent(chat: FakeChat, user: str) -> None:
    """Every answer has its event and progress; wrong ones a card; finished ones their score."""
    with chat.services.db.session() as s:
        answers = list(s.exec(select(QuizAnswer)))
        events = {e.dedupe_key: e for e in s.exec(select(Event)) if e.dedupe_key}
        cards = {(c.learner_id, c.question_id) for c in s.exec(select(ReviewCard))}
        progress = {(p.learner_id, p.module_id): p for p in s.exec(select(ModuleProgress))}
        sessions = list(s.exec(select(QuizSession)))
    for a in answers:
        assert f"answer:{a.session_id}:{a.question_id}" in events, f"answer {a.id} has no event"
        assert a.correct or (a.learner_id, a.question_id) in cards, f"answer {a.id} has no card"
    for q in sessions:
        mine = [a for a in answers if a.session_id == q.id]
        assert q.position == len(mine) and q.correct == sum(a.correct for a in mine)
        assert [a.question_id for a in mine] == q.question_ids[: q.position]
        if q.status == "active":
            assert q.position < len(q.question_ids), "an active session has every answer"
        if q.status == "finished" and q.kind == "module":
            row = progress.get((q.learner_id, q.target))
            assert row is not None and row.attempts >= 1, "a finished quiz without progress"
            if q.correct * 100 >= 80 * len(q.question_ids):
                assert f"quiz-passed:{q.id}" in events, "a pass without its pass event"
                assert row.quiz_passed_at is not None, "a pass without module progress"
    learner = chat.services.learners.find(chat.platform, "w1", user)
    assert learner is not None
    outcome = refresh(chat.services, learner)
    assert outcome.granted == [] and outcome.completed == [], "badges or completions were missing"


def restart(chat: FakeChat, tmp_path: Path, url: str, curriculum: Curriculum) -> FakeChat:
    chat.services.close()
    services = make_services(tmp_path, database_url=url, curriculum=curriculum)
    fresh = FakeChat(services)
    return fresh


def commit_points(tmp_path: Path, url: str) -> tuple[int, Any]:
    """How many commits a clean run of the answers makes (after `/quiz m01`)."""
    chat = FakeChat(make_services(tmp_path, database_url=url))
    replies = chat.send("probe", f"/quiz {MODULE}")
    with kill_before_commit(None) as seen:
        last = play_to_the_end(chat, "probe", replies)
    assert "4/5 (80%). Passed!" in last, last.text
    curriculum = chat.services.curriculum
    chat.services.close()
    return seen[0], curriculum


def test_every_commit_point_of_a_quiz_is_safe_to_kill(tmp_path: Path, database_url: str) -> None:
    total, curriculum = commit_points(tmp_path, database_url)
    assert total >= 5
    for n in range(1, total + 1):
        user = f"learner{n}"
        chat = FakeChat(make_services(tmp_path, database_url=database_url, curriculum=curriculum))
        replies = chat.send(user, f"/quiz {MODULE}")
        try:
            with kill_before_commit(n):
                play_to_the_end(chat, user, replies)
        except Killed:
            pass
        chat = restart(chat, tmp_path, database_url, curriculum)
        assert_consistent(chat, user)
        resumed = chat.send(user, f"/quiz {MODULE}")
        assert "Something went wrong" not in resumed, (n, resumed.text)
        if "Passed!" not in resumed:
            resumed = play_to_the_end(chat, user, resumed)
        assert "4/5 (80%). Passed!" in resumed, (n, resumed.text)
        assert_consistent(chat, user)
        submitted = chat.send(user, f"/project submit {MODULE} https://example.org/p")
        assert "pass its quiz" not in submitted, (n, submitted.text)
        chat.services.close()
