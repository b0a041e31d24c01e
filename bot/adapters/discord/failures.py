"""When something fails, the user hears about it: no stuck "thinking…", no silent button."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord import texts

log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()


async def tell_failure(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """Log what failed and tell the user, privately, instead of leaving "thinking…"."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, app_commands.NoPrivateMessage):
        text = texts.GUILD_ONLY
    elif isinstance(error, app_commands.CheckFailure):
        text = texts.NOT_ALLOWED
    else:
        text = texts.FAILED
        log.error(texts.LOG_FAILED, interaction.id, error, exc_info=error)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
    except discord.HTTPException as exc:  # the token expired, or Discord is down
        log.warning(texts.LOG_NOT_TOLD, interaction.id, exc)


async def on_app_command_error(
    interaction: discord.Interaction[Any], error: app_commands.AppCommandError
) -> None:
    """The command tree's error handler: every failed command gets an answer."""
    await tell_failure(interaction, error)
