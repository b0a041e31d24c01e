"""Mentions, DMs and thread follow-ups; contribution activity from messages and reactions."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord

from bot.adapters.discord import messages
from bot.adapters.discord.bot import TutorClient
from tests.adapters.fake_discord import (
    BOT_ID,
    GUILD_ID,
    FakeChannel,
    FakeMessage,
    FakeThread,
    FakeUser,
    Recorder,
    make_client,
)

ADA = FakeUser(111_111_111_111_111_111, "Ada")
BO = FakeUser(222_222_222_222_222_222, "Bo")
TUTOR = FakeUser(BOT_ID, "Tutor", bot=True)


def said(channel: FakeChannel, author: FakeUser, text: str, **kwargs: Any) -> FakeMessage:
    mentions = [TUTOR] if f"<@{BOT_ID}>" in text else []
    return FakeMessage(channel, author, text, mentions=mentions, **kwargs)


def events(client: TutorClient, user: FakeUser, kind: str) -> list[Any]:
    learner = client.services.learners.find("discord", "discord", str(user.id))
    assert learner is not None and learner.id is not None
    return client.services.events.of(learner.id, kind)


def test_a_mention_opens_a_thread_and_follow_ups_there_keep_context(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        channel = FakeChannel(Recorder())
        await client.on_message(said(channel, ADA, f"<@{BOT_ID}> /quiz m01"))
        created = channel.recorder.of("create_thread")
        assert len(created) == 1 and created[0]["name"].startswith("Q: /quiz m01")
        thread = next(kw["channel"] for kw in channel.recorder.of("send"))
        assert isinstance(thread, FakeThread) and "Question 1/5" in thread.sent[-1].content
        await client.on_message(said(thread, ADA, "1"))
        assert "Question 2/5" in thread.sent[-1].content  # the typed answer reached the quiz

    asyncio.run(scenario())


def test_dms_are_answered_inline_and_bots_and_chatter_are_ignored(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        dm = FakeChannel(Recorder(), kind=discord.ChannelType.private)
        await client.on_message(said(dm, ADA, "/roadmap 1"))
        assert dm.recorder.of("create_thread") == [] and "Week 1" in dm.sent[0].content
        channel = FakeChannel(Recorder())
        await client.on_message(said(channel, ADA, "anyone up for lunch?"))
        await client.on_message(said(channel, FakeUser(5, "OtherBot", bot=True), f"<@{BOT_ID}> hi"))
        other = FakeThread(channel.recorder, parent=channel, name="humans", owner=ADA.id)
        await client.on_message(said(other, BO, "no tutor here"))
        assert channel.recorder.of("send") == []

    asyncio.run(scenario())


def test_echoed_everyone_in_a_mention_never_pings(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        channel = FakeChannel(Recorder())
        await client.on_message(said(channel, ADA, f"<@{BOT_ID}> /quiz @everyone"))
        sent = channel.recorder.of("send")
        assert any("@everyone" in kw.get("content", "") for kw in sent)
        assert all(kw["allowed_mentions"].everyone is False for kw in sent)

    asyncio.run(scenario())


def test_guild_messages_replies_and_reactions_become_activity(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        channel = FakeChannel(Recorder())
        first = said(channel, ADA, "Here is how I set up DVC remotes for the course project.")
        await client.on_message(first)
        ref = SimpleNamespace(message_id=first.id, resolved=first)
        await client.on_message(said(channel, BO, "Thanks, that helped!", reference=ref))
        payload = SimpleNamespace(
            guild_id=GUILD_ID,
            channel_id=channel.id,
            message_id=first.id,
            message_author_id=ADA.id,
            user_id=BO.id,
            emoji="👍",
            member=BO,
        )
        await client.on_raw_reaction_add(payload)
        posted = events(client, ADA, "message_posted")
        assert len(posted) == 1 and posted[0].data["length"] > 20
        assert len(events(client, ADA, "reply_received")) == 1
        assert len(events(client, ADA, "reaction_received")) == 1
        deletion = SimpleNamespace(guild_id=GUILD_ID, message_id=first.id, cached_message=first)
        await client.on_raw_message_delete(deletion)
        assert len(events(client, ADA, "message_deleted")) == 1

    asyncio.run(scenario())


def test_without_the_content_intent_lengths_are_not_counted_nor_silence_answered(
    tmp_path: Path, caplog: Any
) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path, message_content=False)
        await client.setup_hook()
        channel = FakeChannel(Recorder())
        await client.on_message(said(channel, ADA, "a long message the bot cannot read"))
        assert events(client, ADA, "message_posted")[0].data["length"] == 0
        thread = FakeThread(channel.recorder, parent=channel, name="Q: drift")
        await client.on_message(said(thread, ADA, ""))
        assert thread.sent == []

    asyncio.run(scenario())
    assert "message-content intent is off" in caplog.text


def test_a_mention_without_thread_permission_is_answered_in_the_channel(tmp_path: Path) -> None:
    class Locked(FakeMessage):
        async def create_thread(self, **_: Any) -> FakeThread:
            raise discord.Forbidden(SimpleNamespace(status=403, reason="Forbidden"), "no")

    async def scenario() -> None:
        client = make_client(tmp_path)
        channel = FakeChannel(Recorder())
        await messages.on_message(
            client, Locked(channel, ADA, f"<@{BOT_ID}> /badges", mentions=[TUTOR])
        )
        assert channel.sent and channel.recorder.of("create_thread") == []

    asyncio.run(scenario())
