"""Slash commands driven through their real callbacks with a recording fake interaction."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import discord

from bot.adapters.discord.bot import TutorClient
from bot.adapters.discord.commands import module_choices, quiz_choices, week_choices
from tests.adapters.fake_discord import (
    FakeChannel,
    FakeInteraction,
    FakeUser,
    Recorder,
    make_client,
)

ADA = FakeUser(111_111_111_111_111_111, "Ada")
ADMIN = FakeUser(
    333_333_333_333_333_333, "Root", guild_permissions=discord.Permissions(manage_guild=True)
)


async def call(client: TutorClient, name: str, user: FakeUser = ADA, **options: Any) -> Recorder:
    channel = FakeChannel(Recorder())
    command = client.tree.get_command(name)
    assert isinstance(command, discord.app_commands.Command)
    await command.callback(FakeInteraction(client, channel, user), **options)
    return channel.recorder


def test_every_command_is_registered_with_a_description(tmp_path: Path) -> None:
    client = make_client(tmp_path)
    commands = {c.name: c for c in client.tree.get_commands()}
    wanted = {"ask", "quiz", "interview", "progress", "roadmap", "badges", "project", "cohort"}
    assert wanted <= set(commands)
    assert all(0 < len(c.description) <= 100 for c in commands.values())
    params = [p for c in commands.values() for p in c.parameters]
    assert all(0 < len(p.description) <= 100 for p in params)


def test_ask_defers_then_answers_with_sources_and_feedback_buttons(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        rec = await call(client, "ask", question="How does DVC version a large dataset?")
        assert rec.calls[0] == ("defer", {"thinking": True, "ephemeral": False})
        followups = rec.of("followup")
        assert followups and followups[0]["content"]
        embeds = [e for kw in followups for e in kw.get("embeds", [])]
        assert any(e.title == "Sources" for e in embeds)
        ids = [i.custom_id for kw in followups if "view" in kw for i in kw["view"].children]
        assert any(i.startswith("tutor:answer.feedback:") and i.endswith(":up") for i in ids)

    asyncio.run(scenario())


def test_progress_is_ephemeral_and_an_embed_card(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        rec = await call(client, "progress")
        assert rec.calls[0] == ("defer", {"thinking": True, "ephemeral": True})
        sent = rec.of("followup")
        assert sent and all(kw["ephemeral"] for kw in sent)
        card = sent[0]["embeds"][0]
        assert "Ada" in card.description and "▱" in card.description
        files = [f for kw in sent for f in kw.get("files", [])]
        if files:  # the core attaches the PNG card: shown inside the embed
            assert card.image.url == f"attachment://{files[0].filename}"

    asyncio.run(scenario())


def test_roadmap_week_badges_and_unbuilt_commands_answer(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        week = await call(client, "roadmap", week=1)
        assert "Week 1" in week.of("followup")[0]["content"]
        assert (await call(client, "badges")).of("followup")
        project = await call(
            client, "project", action="submit", module="m03", link="https://example.org/x"
        )
        assert "m03" in project.of("followup")[0]["content"]
        privacy = await call(client, "privacy", user=ADMIN)
        assert privacy.of("followup")[0]["ephemeral"] is True

    asyncio.run(scenario())


def test_autocomplete_offers_modules_with_titles_and_roadmap_weeks(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        interaction: Any = FakeInteraction(client, FakeChannel(Recorder()), ADA)
        modules = await module_choices(interaction, "")
        assert len(modules) == 24 and modules[0].value == "m01"
        assert modules[0].name.startswith("m01 · ")
        assert [c.value for c in await module_choices(interaction, "version")] == ["m03"]
        quiz = await quiz_choices(interaction, "")
        assert len(quiz) <= 25 and quiz[0].value == "review"
        assert [c.value for c in await quiz_choices(interaction, "stop")] == ["stop"]
        weeks = await week_choices(interaction, "")
        assert weeks[0].value == 1 and weeks[0].name.startswith("Week 1:")

    asyncio.run(scenario())


def test_echoed_everyone_never_pings(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)
        channel = FakeChannel(Recorder())
        interaction = FakeInteraction(client, channel, ADA)
        quiz = client.tree.get_command("quiz")
        assert isinstance(quiz, discord.app_commands.Command)
        await quiz.callback(interaction, target="@everyone and @here")
        thread = channel.recorder.of("send")[-1]
        assert "@everyone" in thread["content"]
        assert thread["allowed_mentions"].everyone is False  # the recorder checks every call

    asyncio.run(scenario())


def test_sync_is_never_done_at_start(tmp_path: Path) -> None:
    async def scenario() -> None:
        client = make_client(tmp_path)

        async def forbidden(*_: Any, **__: Any) -> Any:
            raise AssertionError("the tree must only be synced by `mlops-tutor discord sync`")

        client.tree.sync = forbidden
        await client.setup_hook()
        await client.on_ready()

    asyncio.run(scenario())
