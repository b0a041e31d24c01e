"""Mentions, DMs and thread follow-ups through `parse_message_create`; activity from messages,
replies and reactions through the gateway parsers."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from tests.adapters.fake_discord import BOT_ID, Course, DiscordHarness

TUTOR = f"<@{BOT_ID}>"


def events(h: DiscordHarness, user: int, kind: str) -> list[Any]:
    learner = h.client.services.learners.find("discord", "discord", str(user))
    assert learner is not None and learner.id is not None
    return h.client.services.events.of(learner.id, kind)


def test_a_mention_opens_a_thread_and_follow_ups_there_keep_context(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.say(c.ada, c.general, f"{TUTOR} /quiz m01")
            thread = h.thread_of(c.general)
            assert thread["name"].startswith("Q: /quiz m01")
            tid = int(thread["id"])
            assert "Question 1/5" in h.texts(tid)
            await h.say(c.ada, tid, "1")
            assert "Question 2/5" in h.texts(tid)  # the typed answer reached the quiz
            assert c.world.refusals == []

    asyncio.run(scenario())


def test_dms_are_answered_inline_and_bots_and_chatter_are_ignored(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        other_bot = c.world.add_user("OtherBot", bot=True)
        c.world.join(c.guild, other_bot)
        async with DiscordHarness(tmp_path, world=c.world) as h:
            dm = int((await h.client.http.start_private_message(c.ada))["id"])
            await h.say(c.ada, dm, "/roadmap 1")
            assert "Week 1" in h.texts(dm)
            await h.say(c.ada, c.general, "anyone up for lunch?")
            await h.say(other_bot, c.general, f"{TUTOR} hi")
            assert h.texts(c.general) == "anyone up for lunch?\n<@" + str(BOT_ID) + "> hi"

    asyncio.run(scenario())


def test_replying_to_the_tutor_is_not_a_mention(tmp_path: Path) -> None:
    """Item 8: Discord lists the replied-to author in `mentions`; only `raw_mentions` says
    whether the text mentions the bot."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.ada, c.general, "roadmap", week=1)
            answer = h.seen(c.general)[-1]
            before = len(c.world.messages)
            await h.say(c.bo, c.general, "nice, thanks", reply_to=int(answer["id"]))
            assert c.world.threads_of(c.general) == []
            assert len(c.world.messages) == before + 1  # only Bo's own message

    asyncio.run(scenario())


def test_private_answers_asked_in_public_go_by_dm(tmp_path: Path) -> None:
    """Item 5: `@Tutor /privacy export` in a channel: the export arrives by DM, never in the
    public thread; the thread only says where it went."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.say(c.ada, c.general, f"{TUTOR} /privacy export")
            tid = int(h.thread_of(c.general)["id"])
            public = h.seen(tid)
            assert public and all(not m["attachments"] for m in public)
            assert "sent it to you in a DM" in h.texts(tid)
            dms = [ch for ch in c.world.channels.values() if ch["type"] == 1]
            assert len(dms) == 1 and dms[0]["recipients"][0]["id"] == str(c.ada)
            assert h.seen(int(dms[0]["id"]))

    asyncio.run(scenario())


def test_messages_replies_and_reactions_become_activity(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            first = await h.say(
                c.ada, c.general, "Here is how I set up DVC remotes for the course project."
            )
            await h.say(c.bo, c.general, "Thanks, that helped!", reply_to=int(first["id"]))
            await h.react(c.bo, int(first["id"]))
            posted = events(h, c.ada, "message_posted")
            assert len(posted) == 1 and posted[0].data["length"] > 20
            assert len(events(h, c.ada, "reply_received")) == 1
            assert len(events(h, c.ada, "reaction_received")) == 1
            await h.delete(int(first["id"]))
            assert len(events(h, c.ada, "message_deleted")) == 1

    asyncio.run(scenario())


def test_reactions_on_the_tutors_messages_make_no_learner_of_it(tmp_path: Path) -> None:
    """Item 11: a reaction on the bot's own answer is nobody's contribution."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.ada, c.general, "roadmap", week=1)
            await h.react(c.bo, int(h.seen(c.general)[-1]["id"]))
            learners = h.client.services.learners
            assert learners.find("discord", "discord", str(BOT_ID)) is None

    asyncio.run(scenario())


def test_without_the_content_intent_lengths_are_not_counted_nor_silence_answered(
    tmp_path: Path, caplog: Any
) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, message_content=False) as h:
            assert not h.client.intents.message_content
            await h.say(c.ada, c.general, "a long message the bot cannot read")
            assert events(h, c.ada, "message_posted")[0].data["length"] == 0
            await h.say(c.ada, c.general, f"{TUTOR} /roadmap 1")  # a mention is readable
            assert "Week 1" in h.texts(int(h.thread_of(c.general)["id"]))

    asyncio.run(scenario())
    assert "message-content intent is off" in caplog.text


def test_a_mention_without_thread_permission_is_answered_in_the_channel(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        c.bot_perms(c.guild).create_public_threads = False
        c.guild.roles[c.guild.id].create_public_threads = False
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.say(c.ada, c.general, f"{TUTOR} /badges")
            assert c.world.threads_of(c.general) == [] and len(h.seen(c.general)) > 1

    asyncio.run(scenario())


def test_a_channel_the_tutor_cannot_write_in_is_logged_not_raised(
    tmp_path: Path, caplog: Any
) -> None:
    """Item 11: `typing()` is inside the try block: a refused typing indicator is logged."""

    async def scenario() -> None:
        c = Course()
        for role in (c.bot_perms(c.guild), c.guild.roles[c.guild.id]):
            role.send_messages = role.create_public_threads = False
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.say(c.ada, c.general, f"{TUTOR} /badges")

    with caplog.at_level(logging.WARNING):
        asyncio.run(scenario())
    assert "could not send to channel" in caplog.text
    assert "Ignoring exception in on_message" not in caplog.text


def test_private_answers_with_dms_closed_point_to_the_slash_command(tmp_path: Path) -> None:
    """Item 5: when the DM is refused, the export is not posted in public either."""

    async def scenario() -> None:
        c = Course()
        c.world.closed_dms.add(c.ada)
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.say(c.ada, c.general, f"{TUTOR} /privacy export")
            tid = int(h.thread_of(c.general)["id"])
            assert all(not m["attachments"] for m in h.seen(tid))
            assert "/privacy export" in h.texts(tid) and "DMs are closed" in h.texts(tid)
            assert [r.code for r in c.world.refusals] == [50007]

    asyncio.run(scenario())
