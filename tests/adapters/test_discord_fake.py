"""The fake Discord refuses what Discord refuses: a fake that accepts more than the platform is
a bug in the tests. Each check goes through real discord.py objects and its HTTP client."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import discord
import pytest

from tests.adapters.discord_limits import EditRateLimit
from tests.adapters.fake_discord import Course, DiscordHarness


def interaction(h: DiscordHarness, user: int, channel: int) -> tuple[Any, Any]:
    """Two Interaction objects for one interaction (as two processes would see it)."""
    payload = h._base_payload(2, user, channel)
    payload["data"] = {"id": "1", "name": "roadmap", "type": 1}
    return (
        discord.Interaction(data=payload, state=h.state),
        discord.Interaction(data=payload, state=h.state),
    )


def test_one_response_per_interaction_and_follow_ups_only_after_it(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            first, second = interaction(h, c.ada, c.general)
            with pytest.raises(discord.NotFound):  # Unknown Webhook: nothing to follow up yet
                await first.followup.send("too early", allowed_mentions=h.client.allowed_mentions)
            await first.response.defer(thinking=True)
            with pytest.raises(discord.HTTPException) as again:
                await second.response.defer()
            assert again.value.code == 40060
            sent = await first.followup.send(
                "ok", wait=True, allowed_mentions=discord.AllowedMentions.none()
            )
            assert sent.guild is None  # what discord.py returns for a follow-up
            with pytest.raises(ValueError, match="guild info"):
                await sent.create_thread(name="quiz")

    asyncio.run(scenario())


def test_limits_pings_forums_and_thread_rights(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        c.bot_perms(c.guild).create_public_threads = False
        c.guild.roles[c.guild.id].create_public_threads = False
        async with DiscordHarness(tmp_path, world=c.world) as h:
            channel: Any = h.client.get_channel(c.general)
            quiet = discord.AllowedMentions.none()
            with pytest.raises(discord.HTTPException, match="2000"):
                await channel.send("x" * 2001, allowed_mentions=quiet)
            with pytest.raises(discord.HTTPException, match="ping nobody"):
                await channel.send("@everyone", allowed_mentions=discord.AllowedMentions.all())
            message = await channel.send("hello", allowed_mentions=quiet)
            with pytest.raises(discord.Forbidden):
                await message.create_thread(name="no rights")
            forum = h.client.get_channel(c.forum)
            assert isinstance(forum, discord.ForumChannel) and not hasattr(forum, "send")
            with pytest.raises(discord.HTTPException) as refused:
                await h.client.http.start_thread_with_message(
                    c.forum, message.id, name="x", auto_archive_duration=1440
                )
            assert refused.value.code == 50024

    asyncio.run(scenario())


def test_roles_differ_between_guilds(tmp_path: Path) -> None:
    c = Course()
    assert c.guild.permissions(c.coach).manage_guild
    assert not c.guild.permissions(c.ada).manage_guild
    assert c.own.permissions(c.ada).manage_guild  # her own server
    assert not c.own.permissions(c.coach).view_channel  # not a member there


def test_edits_past_the_rate_limit_get_a_429_that_discord_py_waits_out(tmp_path: Path) -> None:
    """5 edits per window per channel and per interaction token; the sixth is refused with
    `retry_after` (the window is shortened here so the test does not wait 5 s)."""

    async def scenario() -> None:
        c = Course()
        c.world.edit_limit = EditRateLimit(limit=5, window=0.5)
        async with DiscordHarness(tmp_path, world=c.world) as h:
            channel: Any = h.client.get_channel(c.general)
            quiet = discord.AllowedMentions.none()
            message = await channel.send("draft", allowed_mentions=quiet)
            for n in range(6):
                await message.edit(content=f"draft {n}", allowed_mentions=quiet)
            assert [r.status for r in c.world.refusals] == [429]
            assert c.world.messages[message.id]["content"] == "draft 5"  # retried after the wait
            first, _ = interaction(h, c.ada, c.general)
            await first.response.defer(thinking=True)
            for n in range(6):
                await first.edit_original_response(content=f"step {n}", allowed_mentions=quiet)
            assert [r.status for r in c.world.refusals] == [429, 429]

    asyncio.run(scenario())


def test_a_null_field_clears_it_but_an_edit_never_leaves_a_message_empty(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            channel: Any = h.client.get_channel(c.general)
            quiet = discord.AllowedMentions.none()
            message = await channel.send("💭 thinking…", allowed_mentions=quiet)
            card = discord.Embed(description="The answer")
            await message.edit(content=None, embeds=[card], allowed_mentions=quiet)
            stored = c.world.messages[message.id]
            assert stored["content"] == "" and stored["embeds"][0]["description"] == "The answer"
            with pytest.raises(discord.HTTPException) as empty:
                await message.edit(content=None, embeds=[], allowed_mentions=quiet)
            assert empty.value.code == 50006

    asyncio.run(scenario())


def test_the_bot_deletes_its_own_messages_and_others_only_with_manage_messages(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            said = await h.say(c.ada, c.general, "hello")
            channel: Any = h.client.get_channel(c.general)
            own = await channel.send("mine", allowed_mentions=discord.AllowedMentions.none())
            await own.delete()
            assert own.id not in c.world.messages
            with pytest.raises(discord.Forbidden):
                await channel.get_partial_message(int(said["id"])).delete()
            first, _ = interaction(h, c.ada, c.general)
            await first.response.defer(thinking=True)
            await first.delete_original_response()
            with pytest.raises(discord.NotFound):
                await first.delete_original_response()

    asyncio.run(scenario())


def test_a_deferred_answer_is_as_private_as_its_defer_unless_deleted_first(
    tmp_path: Path,
) -> None:
    """Discord's rule: the first follow-up replaces "thinking…" and keeps the defer's
    visibility, whatever it asks; once the original is deleted, each follow-up is its own."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            quiet = discord.AllowedMentions.none()
            first, _ = interaction(h, c.ada, c.general)
            with pytest.raises(discord.NotFound):  # nothing to delete before the callback
                await first.delete_original_response()
            await first.response.defer(thinking=True)
            await first.followup.send("asked private", ephemeral=True, allowed_mentions=quiet)
            assert [m["content"] for m in h.seen(c.general)] == ["asked private"]
            other, _ = interaction(h, c.ada, c.general)
            await other.response.defer(thinking=True)
            await other.delete_original_response()
            await other.followup.send("private", ephemeral=True, allowed_mentions=quiet)
            await other.followup.send("public", allowed_mentions=quiet)
            assert [m["content"] for m in h.seen(c.general)] == ["asked private", "public"]

    asyncio.run(scenario())
