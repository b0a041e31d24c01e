"""The invite URL, the CLI sub-app, adapter settings, the runner and the broadcaster."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlparse

import discord
import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from bot.adapters.discord import runner
from bot.adapters.discord.broadcaster import DiscordBroadcaster
from bot.adapters.discord.invite import invite_url, needed_permissions
from bot.adapters.discord.runner import DiscordConfigError, run_discord
from bot.adapters.discord.settings import DiscordSettings
from bot.cli.discord import discord_app
from bot.core.broadcast import DeliveryError, Destination
from bot.core.reply import Reply
from tests.adapters.fake_discord import FakeChannel, Recorder, make_client

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
    client = make_client(tmp_path)
    with pytest.raises(DiscordConfigError, match="DISCORD_TOKEN"):
        asyncio.run(run_discord(client.services))


def test_run_retries_without_privileged_intents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = make_client(tmp_path).services
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


def test_broadcaster_posts_to_a_channel_and_maps_errors() -> None:
    channel = FakeChannel(Recorder())

    class Client:
        def get_channel(self, cid: int) -> Any:
            return channel if cid == channel.id else None

        async def fetch_channel(self, cid: int) -> Any:
            raise discord.NotFound(
                SimpleNamespace(status=404, reason="Not Found"), "Unknown Channel"
            )

    broadcaster = DiscordBroadcaster(Client())

    async def scenario() -> None:
        mid = await broadcaster.post(
            Destination("discord", "discord", str(channel.id)), Reply.text("Week 1")
        )
        assert mid == str(channel.sent[0].id)
        with pytest.raises(DeliveryError, match="not found"):
            await broadcaster.post(Destination("discord", "discord", "42"), Reply.text("x"))
        with pytest.raises(DeliveryError, match="bad destination"):
            await broadcaster.post(Destination("discord", "discord", "general"), Reply.text("x"))

    asyncio.run(scenario())
