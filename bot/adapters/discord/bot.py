"""The Discord client: command tree, persistent buttons, and the gateway events it listens to."""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands

from bot.adapters.discord import flows, messages, paging, texts
from bot.adapters.discord.buttons import ChoiceButton
from bot.adapters.discord.commands import register_commands
from bot.adapters.discord.deliver import NO_PINGS
from bot.adapters.discord.failures import on_app_command_error
from bot.adapters.discord.settings import DiscordSettings
from bot.bootstrap import Services
from bot.core.activity import Activity
from bot.core.incoming import ButtonPress, Incoming
from bot.core.lesson.service import PAGE_ACTION
from bot.core.reply import Reply
from bot.core.router import Router

log = logging.getLogger(__name__)


def build_intents(settings: DiscordSettings, *, privileged: bool = True) -> discord.Intents:
    """Exactly the events the tutor reads: servers and their channels and threads, messages in
    servers and DMs, reactions in servers; plus the privileged ones the settings ask for
    (`privileged=False` drops them, for applications that have not enabled them)."""
    return discord.Intents(
        guilds=True,
        guild_messages=True,
        dm_messages=True,
        guild_reactions=True,
        message_content=privileged and settings.message_content,
        members=privileged and settings.members,
    )


class TutorClient(discord.Client):
    """The tutor on Discord. The tree is synced by the CLI only, never at start.

    Args:
        services: the composition root's services (the router is built on them).
        settings: adapter settings; read from the environment when omitted.
        intents: override the intents (the runner retries without privileged ones).
    """

    def __init__(
        self,
        services: Services,
        settings: DiscordSettings | None = None,
        *,
        intents: discord.Intents | None = None,
    ) -> None:
        self.services = services
        self.router = Router(services)
        self.discord_settings = settings or DiscordSettings()
        super().__init__(
            intents=intents or build_intents(self.discord_settings), allowed_mentions=NO_PINGS
        )
        self.tree: app_commands.CommandTree[TutorClient] = app_commands.CommandTree(self)
        self.tree.error(on_app_command_error)
        register_commands(self.tree)

    async def setup_hook(self) -> None:
        """Register the persistent buttons: any `tutor:*` button works, even from before a
        restart."""
        self.add_dynamic_items(ChoiceButton)
        if not self.intents.message_content:
            log.warning(texts.LOG_NO_CONTENT)

    async def core(self, incoming: Incoming) -> list[Reply]:
        """The core's answer; it blocks (database, embeddings), so it runs in a worker thread."""
        return await asyncio.to_thread(self.router.handle, incoming)

    async def observe(self, activity: Activity) -> None:
        await asyncio.to_thread(self.router.observe, activity)

    async def handle_press(
        self, interaction: discord.Interaction[TutorClient], press: ButtonPress
    ) -> None:
        """A choice button was pressed (called by `ChoiceButton`): lesson pages turn in place,
        every other press is answered below its message."""
        if press.action == PAGE_ACTION:
            await paging.turn_page(interaction, press)
            return
        await flows.handle_press(interaction, press)

    async def on_ready(self) -> None:
        if self.user is not None:
            log.info(texts.LOG_READY, self.user, self.user.id, len(self.guilds))

    async def on_message(self, message: discord.Message) -> None:
        await messages.on_message(self, message)

    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        await messages.on_reaction(self, payload)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        await messages.on_delete(self, payload)


class ShardedTutorClient(TutorClient, discord.AutoShardedClient):
    """The same tutor on `AutoShardedClient` (TUTOR_DISCORD_SHARDED=true, ~1,000+ servers)."""


def build_client(
    services: Services,
    settings: DiscordSettings | None = None,
    *,
    intents: discord.Intents | None = None,
) -> TutorClient:
    """The client the settings ask for (sharded or not)."""
    settings = settings or DiscordSettings()
    cls = ShardedTutorClient if settings.sharded else TutorClient
    return cls(services, settings, intents=intents)
