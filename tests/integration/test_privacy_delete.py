"""Export then delete on real databases: nothing with the learner's id remains in any table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlmodel
from sqlalchemy import func, select
from sqlmodel import SQLModel

from bot.core.activity import MessagePosted, ReactionAdded
from bot.core.progress import reconcile
from bot.core.reply import File
from bot.testing import FakeChat, make_services
from storage.repositories.privacy import learner_columns
from storage.tables import Cohort, Event
from tests.unit.test_badges_transcripts import complete, join_cohort
from tests.unit.test_quiz_transcripts import play


@pytest.fixture
def db_chat(database_url: str, tmp_path: Path) -> Iterator[FakeChat]:
    services = make_services(tmp_path, database_url=database_url)
    yield FakeChat(services)
    services.close()


def rich_history(chat: FakeChat) -> tuple[int, int]:
    """Ada and Bo with quizzes, reviews, badges, projects, questions, feedback, contributions."""
    join_cohort(chat, ["ada", "bo"], announce_badges=True)
    complete(chat, "ada", "m01")
    complete(chat, "bo", "m01")
    play(chat, "ada", "m02", right=False)
    svc, now = chat.services, chat.clock.now()
    ada = svc.learners.find(chat.platform, "w1", "ada")
    bo = svc.learners.find(chat.platform, "w1", "bo")
    assert ada is not None and ada.id is not None and bo is not None and bo.id is not None
    with svc.db.session() as s:  # ada created the cohort
        for row in s.exec(sqlmodel.select(Cohort)).all():
            row.created_by = ada.id
            s.add(row)
    mine = svc.questions.record(
        learner_id=ada.id,
        thread_key="k",
        question="q?",
        answer="a",
        declined=False,
        citations=[],
        now=now,
    )
    theirs = svc.questions.record(
        learner_id=bo.id,
        thread_key="k",
        question="q2?",
        answer="a",
        declined=False,
        citations=[],
        now=now,
    )
    svc.questions.feedback(mine, bo.id, True, now)
    svc.questions.feedback(theirs, ada.id, False, now)
    text = "A long and thoughtful message about model registries and aliases " * 2
    chat.router.observe(MessagePosted(chat.platform, "w1", chat.channel, "b1", "bo", text))
    chat.router.observe(ReactionAdded(chat.platform, "w1", chat.channel, "b1", "bo", "ada", "+1"))
    chat.router.observe(
        MessagePosted(
            chat.platform,
            "w1",
            chat.channel,
            "a1",
            "ada",
            text,
            reply_to_user="bo",
            reply_to_message="b1",
        )
    )
    chat.send("ada", "/privacy delete")
    return ada.id, bo.id


def rows_holding(chat: FakeChat, learner_id: int) -> dict[str, int]:
    found: dict[str, int] = {}
    with chat.services.db.engine.connect() as conn:
        for table, column in learner_columns():
            n = conn.execute(select(func.count()).select_from(table).where(column == learner_id))
            count = n.scalar_one()
            if count:
                found[f"{table.name}.{column.name}"] = count
    return found


def test_export_then_delete_leaves_nothing_with_the_learners_id(db_chat: FakeChat) -> None:
    ada, bo = rich_history(db_chat)
    assert db_chat.services.badges.of(ada) and rows_holding(db_chat, ada)
    reply = db_chat.send("ada", "/privacy export").items[0]
    export = json.loads(next(p for p in reply.parts if isinstance(p, File)).data)["tables"]
    for table in (
        "quiz_answer",
        "badge_award",
        "project_submission",
        "asked_question",
        "answer_feedback",
        "event",
        "review_card",
        "cohort_member",
    ):
        assert export.get(table), table
    assert export["acknowledgements_given"]
    bo_before = rows_holding(db_chat, bo)

    done = db_chat.send("ada", "/privacy delete confirm")
    assert "quiz answers" in done and "badge" in done and "project submission" in done

    assert rows_holding(db_chat, ada) == {}
    checked = {t.name for t, _ in learner_columns()}
    for table in SQLModel.metadata.sorted_tables:
        refs = [fk for c in table.columns for fk in c.foreign_keys]
        if any(fk.column.table.name == "learner" for fk in refs):
            assert table.name in checked
    with db_chat.services.db.session() as s:
        events = s.exec(sqlmodel.select(Event)).all()
        assert all(e.data.get("by") != ada for e in events)
    bo_after = rows_holding(db_chat, bo)
    assert bo_after["badge_award.learner_id"] == bo_before["badge_award.learner_id"]
    assert "Held by: Bo" in db_chat.send("bo", "/badges").text.replace("_", "")
    assert reconcile(db_chat.services).granted == []
