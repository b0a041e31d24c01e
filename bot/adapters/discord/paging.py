"""`/lesson` pages turn in place: Start reading, ◀ Previous and Next ▶ replace the pressed
message with the page they lead to, so reading a lesson leaves one message in the channel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord

from bot.adapters.discord.deliver import NO_PINGS, followup_replies
from bot.adapters.discord.inbound import from_interaction
from bot.adapters.discord.render import Outgoing, render
from bot.core.incoming import ButtonPress
from bot.core.reply import Reply

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient


def single_page(replies: list[Reply]) -> Outgoing | None:
    """The page when the core answered with exactly one public message that fits one Discord
    message without files; None otherwise (a stale button's private note, say)."""
    if len(replies) != 1 or replies[0].ephemeral:
        return None
    rendered = render(replies[0])
    if len(rendered) != 1 or rendered[0].files:
        return None
    return rendered[0]


async def turn_page(interaction: discord.Interaction[Any], press: ButtonPress) -> None:
    """A press on a lesson page's button: the pressed message becomes the page asked for.

    Whatever is not one page (a private "that page is gone") is a follow-up, and the pressed
    message stays as it was.
    """
    client: TutorClient = interaction.client
    await interaction.response.defer()
    replies = await client.core(from_interaction(interaction, press=press))
    page = single_page(replies)
    if page is None or interaction.message is None:
        await followup_replies(interaction, replies)
        return
    view = page.view or discord.ui.View(timeout=None)  # no buttons left: remove the old ones
    await interaction.edit_original_response(
        content=page.content or None, embeds=page.embeds, view=view, allowed_mentions=NO_PINGS
    )
    view.stop()  # its buttons dispatch from their custom_id: nothing to keep
