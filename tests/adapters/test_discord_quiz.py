"""/quiz on Discord: a thread, persistent buttons, one answer per question, and restarts."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord

from bot.adapters.discord.bot import TutorClient
from tests.adapters.fake_discord import (
    BOT_ID,
    FakeChannel,
    FakeInteraction,
    FakeMessage,
    FakeThread,
    FakeUser,
    Recorder,
    make_client,
    press,
)

ADA = FakeUser(111_111_111_111_111_111, "Ada")
BO = FakeUser(222_222_222_222_222_222, "Bo")


async def start_quiz(client: TutorClient, channel: FakeChannel, target: str = "m01") -> FakeThread:
    await client.setup_hook()
    interaction = FakeInteraction(client, channel, ADA)
    await client.tree.get_command("quiz").callback(interaction, target=target)
    threads = channel.recorder.of("create_thread")
    assert len(threads) == 1
    thread_message = channel.recorder.of("send")[-1]["channel"]
    assert isinstance(thread_message, FakeThread)
    return thread_message


def question_message(thread: FakeThread) -> FakeMessage:
    return next(m for m in reversed(thread.sent) if m.view is not None)


def test_quiz_runs_in_a_new_thread_with_persistent_buttons(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        channel = FakeChannel(Recorder())
        thread = await start_quiz(client, channel)
        rec = channel.recorder
        assert rec.calls[0] == ("defer", {"thinking": True})
        assert "started a quiz" in rec.of("followup")[0]["content"]
        assert thread.parent_id == channel.id and thread.owner_id == BOT_ID
        question = question_message(thread)
        assert "Question 1/5" in question.content
        assert question.view is not None and question.view.timeout is None
        assert question.view.is_persistent()
        ids = question.custom_ids()
        assert ids and all(i.startswith("tutor:quiz.answer:") and len(i) <= 100 for i in ids)

    asyncio.run(scenario())


def test_an_answer_disables_the_question_and_posts_the_next_one(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        thread = await start_quiz(client, FakeChannel(Recorder()))
        question = question_message(thread)
        first = question.custom_ids()[0]
        interaction = await press(client, question, first, ADA)
        rec = thread.recorder
        edits = rec.of("edit_original")
        assert len(edits) == 1
        assert all(b.disabled for b in edits[0]["view"].children)
        followups = [kw["content"] for kw in rec.of("followup")[-3:]]
        assert any("Right" in c or "Not quite" in c for c in followups), followups
        assert any("Question 2/5" in c for c in followups), followups
        assert interaction.response.done

    asyncio.run(scenario())


def test_someone_elses_press_is_turned_away_and_buttons_stay_live(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        thread = await start_quiz(client, FakeChannel(Recorder()))
        question = question_message(thread)
        await press(client, question, question.custom_ids()[0], BO)
        rec = thread.recorder
        assert rec.of("edit_original") == []
        note = rec.of("followup")[-1]
        assert note["ephemeral"] is True and "not part of a quiz of yours" in note["content"]

    asyncio.run(scenario())


def test_a_double_click_counts_once(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        thread = await start_quiz(client, FakeChannel(Recorder()))
        question = question_message(thread)
        first = question.custom_ids()[0]
        await press(client, question, first, ADA)
        await press(client, question, first, ADA)
        last = thread.recorder.of("followup")[-1]
        assert last["ephemeral"] is True and "already answered" in last["content"]

    asyncio.run(scenario())


def test_buttons_pressed_after_a_restart_continue_the_quiz(tmp_path: Path) -> None:
    async def before() -> tuple[FakeThread, FakeMessage]:
        client = make_client(tmp_path)
        thread = await start_quiz(client, FakeChannel(Recorder()))
        client.services.close()
        return thread, question_message(thread)

    thread, question = asyncio.run(before())

    async def after() -> None:
        client = make_client(tmp_path)  # a new process: same database, nothing in memory
        await client.setup_hook()
        await press(client, question, question.custom_ids()[1], ADA)
        followups = [kw["content"] for kw in thread.recorder.of("followup")]
        assert any("Question 2/5" in c for c in followups), followups
        assert len(thread.recorder.of("edit_original")) == 1

    asyncio.run(after())


def test_quiz_in_a_dm_runs_inline(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        dm = FakeChannel(Recorder(), kind=discord.ChannelType.private)
        interaction = FakeInteraction(client, dm, ADA)
        await client.tree.get_command("quiz").callback(
            interaction, target="m01"
        )  # every m01 question has buttons
        rec = dm.recorder
        assert rec.of("create_thread") == []
        contents = [kw["content"] for kw in rec.of("followup")]
        assert any("Question 1/" in c for c in contents)
        assert any("view" in kw for kw in rec.of("followup"))

    asyncio.run(scenario())
