"""Start the tutor on Discord, and sync its slash commands (a CLI step, never at start)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import aiohttp
import discord
from discord import app_commands
from pydantic import SecretStr

from bot.adapters.discord import texts
from bot.adapters.discord.bot import TutorClient, build_client, build_intents
from bot.adapters.discord.broadcaster import DiscordBroadcaster
from bot.adapters.discord.commands import register_commands
from bot.adapters.discord.inbound import PLATFORM
from bot.adapters.discord.settings import DiscordSettings
from bot.bootstrap import Services
from bot.core.broadcast import Broadcaster

log = logging.getLogger(__name__)


class DiscordConfigError(Exception):
    """The Discord adapter cannot start; the message names the setting to fix."""


@dataclass(frozen=True)
class Synced:
    """The commands one sync registered: `guild` None means global."""

    guild: int | None
    names: list[str]


def token_of(secret: SecretStr | None) -> str:
    """The token's value, or DiscordConfigError naming DISCORD_TOKEN (never the value)."""
    token = secret.get_secret_value().strip() if secret else ""
    if not token:
        raise DiscordConfigError(texts.ERR_NO_TOKEN)
    return token


async def run_discord(
    services: Services,
    settings: DiscordSettings | None = None,
    *,
    broadcasters: dict[str, Broadcaster] | None = None,
) -> None:
    """Run the bot with DISCORD_TOKEN until cancelled; close the connection cleanly.

    Without the privileged intents enabled in the developer portal, Discord refuses the
    connection; the bot then starts again without them and says so in one log line.

    Args:
        services: the composition root's services.
        settings: adapter settings; read from the environment when omitted.
        broadcasters: the scheduler's mapping; `"discord"` is set to this bot's broadcaster.
    """
    token = token_of(services.settings.discord_token)
    settings = settings or DiscordSettings()
    try:
        await _serve(_client(services, settings, None, broadcasters), token)
    except discord.PrivilegedIntentsRequired:
        log.warning(texts.LOG_PRIVILEGED_RETRY)
        plain = build_intents(settings, privileged=False)
        await _serve(_client(services, settings, plain, broadcasters), token)


def _client(
    services: Services,
    settings: DiscordSettings,
    intents: discord.Intents | None,
    broadcasters: dict[str, Broadcaster] | None,
) -> TutorClient:
    client = build_client(services, settings, intents=intents)
    if broadcasters is not None:
        broadcasters[PLATFORM] = DiscordBroadcaster(client)
    return client


async def _serve(client: TutorClient, token: str) -> None:
    async with client:
        try:
            await client.start(token)
        except discord.LoginFailure:
            raise DiscordConfigError(texts.ERR_BAD_TOKEN) from None
        except (aiohttp.ClientConnectionError, OSError, TimeoutError) as exc:
            raise DiscordConfigError(texts.ERR_UNREACHABLE.format(error=_reason(exc))) from None


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


async def sync_commands(
    secret: SecretStr | None,
    guild_ids: list[int],
    *,
    include_global: bool = False,
    clear: bool = False,
) -> list[Synced]:
    """Register the slash commands with Discord: in the given servers (instant) and, with
    `include_global` or when no server is given, globally. `clear` removes them instead.

    Logs in over HTTP only (no gateway connection), syncs, and closes.
    """
    token = token_of(secret)
    client = discord.Client(intents=discord.Intents.none())
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)
    if not clear:
        register_commands(tree)
    results: list[Synced] = []
    async with client:
        try:
            await client.login(token)
        except discord.LoginFailure:
            raise DiscordConfigError(texts.ERR_BAD_TOKEN) from None
        except (aiohttp.ClientConnectionError, OSError, TimeoutError) as exc:
            raise DiscordConfigError(texts.ERR_UNREACHABLE.format(error=_reason(exc))) from None
        for guild_id in guild_ids:
            guild = discord.Object(id=guild_id)
            if not clear:
                tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            results.append(Synced(guild_id, [c.name for c in synced]))
        if include_global or not guild_ids:
            results.append(Synced(None, [c.name for c in await tree.sync()]))
    return results
