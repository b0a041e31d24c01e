"""The invite URL, the CLI sub-app, adapter settings, the runner and the broadcaster."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import discord
import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from bot.adapters.discord import runner
from bot.adapters.discord.bot import build_intents
from bot.adapters.discord.broadcaster import DiscordBroadcaster
from bot.adapters.discord.invite import invite_url, needed_permissions
from bot.adapters.discord.runner import DiscordConfigError, run_discord
from bot.adapters.discord.settings import DiscordSettings
from bot.cli.discord import discord_app
from bot.core.broadcast import DeliveryError, Destination
from bot.core.reply import Reply
from bot.testing import make_services
from scheduler.poster import WeeklyPostJob
from storage.repositories.claims import ClaimRepository
from storage.repositories.cohorts import CohortRepository
from tests.adapters.discord_world import TOKEN
from tests.adapters.fake_discord import Course, DiscordHarness

CLIENT_ID = "123456789012345678"


def test_invite_url_has_the_scopes_and_exactly_the_needed_permissions() -> None:
    url = invite_url(CLIENT_ID)
    parts = urlparse(url)
    query = parse_qs(parts.query)
    assert url.startswith("https://discord.com/oauth2/authorize?client_id=123456789012345678&")
    assert query["scope"] == ["bot applications.commands"]
    perms = discord.Permissions(int(query["permissions"][0]))
    assert perms == needed_permissions()
    assert perms.send_messages_in_threads and perms.create_public_threads and perms.embed_links
    assert not perms.administrator and not perms.mention_everyone and not perms.manage_messages
    assert not perms.add_reactions and not perms.read_message_history  # nothing uses them
    assert perms.value == 309237697536  # the integer the README states


def test_cli_invite_prints_the_url_and_rejects_a_bad_id() -> None:
    cli = CliRunner()
    ok = cli.invoke(discord_app, ["invite", "--client-id", CLIENT_ID])
    assert ok.exit_code == 0 and ok.stdout.strip() == invite_url(CLIENT_ID)
    bad = cli.invoke(discord_app, ["invite", "--client-id", "my-bot"])
    assert bad.exit_code == 2 and "--client-id" in bad.output


def test_cli_sync_without_a_token_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    result = CliRunner().invoke(discord_app, ["sync", "--guild", "1"])
    assert result.exit_code == 2 and "DISCORD_TOKEN" in result.output


def test_guild_ids_read_as_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUTOR_DISCORD_GUILD_IDS", "111, 222")
    monkeypatch.setenv("TUTOR_DISCORD_SHARDED", "true")
    settings = DiscordSettings()
    assert settings.guild_ids == [111, 222] and settings.sharded


def test_run_without_a_token_fails_naming_discord_token(tmp_path: Path) -> None:
    with pytest.raises(DiscordConfigError, match="DISCORD_TOKEN"):
        asyncio.run(run_discord(make_services(tmp_path)))


def test_run_retries_without_privileged_intents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = make_services(tmp_path)
    services.settings.discord_token = SecretStr("not-a-real-token")
    seen: list[discord.Intents] = []

    async def fake_serve(client: Any, token: str) -> None:
        seen.append(client.intents)
        if len(seen) == 1:
            raise discord.PrivilegedIntentsRequired(None)

    monkeypatch.setattr(runner, "_serve", fake_serve)
    broadcasters: dict[str, Any] = {}
    asyncio.run(run_discord(services, DiscordSettings(sharded=True), broadcasters=broadcasters))
    assert seen[0].message_content and not seen[1].message_content
    assert isinstance(broadcasters["discord"], DiscordBroadcaster)


def test_intents_are_explicit_and_privileged_only_when_asked() -> None:
    """Item 11: no `Intents.default()`: exactly what the tutor reads."""
    intents = build_intents(DiscordSettings(message_content=True, members=False))
    wanted = {"guilds", "guild_messages", "dm_messages", "guild_reactions", "message_content"}
    assert {name for name, on in intents if on} == wanted
    plain = build_intents(DiscordSettings(message_content=True), privileged=False)
    assert not plain.message_content and not plain.members


def test_broadcaster_posts_to_a_channel_and_maps_errors(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            broadcaster = DiscordBroadcaster(h.client)
            mid = await broadcaster.post(
                Destination("discord", "discord", str(c.general)), Reply.text("Week 1")
            )
            assert h.seen(c.general)[0]["id"] == mid
            with pytest.raises(DeliveryError, match="not found"):
                await broadcaster.post(Destination("discord", "discord", "42"), Reply.text("x"))
            with pytest.raises(DeliveryError, match="bad destination"):
                await broadcaster.post(
                    Destination("discord", "discord", "general"), Reply.text("x")
                )

    asyncio.run(scenario())


def test_broadcast_private_replies_go_only_to_dms(tmp_path: Path) -> None:
    """Item 5: a private reply is delivered to a user, never to a channel."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            broadcaster = DiscordBroadcaster(h.client)
            dm = await broadcaster.post(
                Destination("discord", "discord", user=str(c.ada)),
                Reply.text("psst", ephemeral=True),
            )
            assert dm
            with pytest.raises(DeliveryError, match="private"):
                await broadcaster.post(
                    Destination("discord", "discord", str(c.general)),
                    Reply.text("x", ephemeral=True),
                )

    asyncio.run(scenario())


def test_a_forum_cohort_fails_with_a_reason_instead_of_sticking(tmp_path: Path) -> None:
    """Item 3: a ForumChannel has no `send`; the broadcaster says so as a DeliveryError, and
    the weekly post is recorded as failed with that reason, never left "posting"."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            broadcaster = DiscordBroadcaster(h.client)
            with pytest.raises(DeliveryError, match="forum"):
                await broadcaster.post(
                    Destination("discord", "discord", str(c.forum)), Reply.text("Week 1")
                )
            services = h.client.services
            cohorts = CohortRepository(services.db)
            now = services.clock.now()
            coach = services.learners.get_or_create("discord", "discord", str(c.coach), "C", now)
            assert coach.id is not None
            start = now.date()
            cohort = cohorts.create(
                platform="discord", workspace="discord", channel_id=str(c.forum),
                track_id="roadmap-12w", start=start, day=start.strftime("%a").lower()[:3],
                at="00:00", zone="UTC", created_by=coach.id, now=services.clock.now(),
            )  # fmt: skip
            job = WeeklyPostJob(services, {"discord": broadcaster}, "test")
            outcomes = await job.catch_up(cohort)
            assert outcomes and outcomes[0].status == "failed" and "forum" in outcomes[0].note
            assert cohort.id is not None
            [claim] = ClaimRepository(services.db).of_cohort(cohort.id)
            assert claim.status == "failed" and "forum" in (claim.error or "")

    asyncio.run(scenario())


def test_sync_can_go_global_and_clear(tmp_path: Path) -> None:
    """Item 11: `--global` with server ids set, and `--clear`."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world):
            c.world.commands = {}
            token = SecretStr(TOKEN)
            done = await runner.sync_commands(token, [c.guild.id], include_global=True)
            assert [d.guild for d in done] == [c.guild.id, None]
            assert "quiz" in c.world.commands and "quiz" in c.world.guild_commands[c.guild.id]
            await runner.sync_commands(token, [c.guild.id], clear=True)
            assert c.world.guild_commands[c.guild.id] == {} and "quiz" in c.world.commands
            await runner.sync_commands(token, [], clear=True)
            assert c.world.commands == {}

    asyncio.run(scenario())


def test_run_without_network_fails_in_one_line(tmp_path: Path) -> None:
    """Item 11: unreachable Discord is a DiscordConfigError (the CLI prints one line)."""
    services = make_services(tmp_path)
    services.settings.discord_token = SecretStr("a-token")
    with socket.socket() as probe:  # a loopback port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = discord.http.Route.BASE
    discord.http.Route.BASE = f"http://127.0.0.1:{port}/api/v10"
    try:
        with pytest.raises(DiscordConfigError, match="cannot reach"):
            asyncio.run(run_discord(services))
    finally:
        discord.http.Route.BASE = base
