"""What a slash command or a button press does: defer, ask the core, answer with follow-ups."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Final

import discord

from bot.adapters.discord import texts
from bot.adapters.discord.buttons import answered_view, custom_id
from bot.adapters.discord.deliver import NO_PINGS, followup_replies, send_replies
from bot.adapters.discord.inbound import from_interaction, is_dm, is_thread
from bot.adapters.discord.markdown import clip, to_discord
from bot.adapters.discord.stream import InteractionAnswerStream
from bot.core.incoming import ButtonPress
from knowledge.llm.stream import streaming_to

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient

log = logging.getLogger(__name__)
THREAD_NAME_LIMIT = 100
ARCHIVE_MINUTES: Final = 1440


async def run_command(
    interaction: discord.Interaction[Any], text: str, *, ephemeral: bool = False
) -> None:
    """Defer at once (the core may take longer than 3 s), then answer with follow-ups."""
    client: TutorClient = interaction.client
    await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    stream = InteractionAnswerStream(interaction)
    try:
        with streaming_to(stream):  # asyncio.to_thread carries it into the core's thread
            replies = await client.core(from_interaction(interaction, text))
    except BaseException:
        await stream.finish([])  # stop the edits; the error handler answers
        raise
    await stream.finish(replies, private=ephemeral)


async def start_quiz(interaction: discord.Interaction[Any], target: str) -> None:
    """`/quiz`: in a text channel, open a thread from the command's answer and quiz there.

    In a thread or a DM (and for `/quiz stop`) the quiz runs where the command was used.
    """
    client: TutorClient = interaction.client
    await interaction.response.defer(thinking=True)
    channel = interaction.channel
    text = f"/quiz {target}".strip()
    if target.casefold() == "stop" or channel is None or is_thread(channel) or is_dm(channel):
        await followup_replies(interaction, await client.core(from_interaction(interaction, text)))
        return
    thread = await _quiz_thread(interaction, target or texts.QUIZ_NEXT_MODULE)
    if thread is None:  # no permission to create threads: quiz in the channel itself
        await followup_replies(interaction, await client.core(from_interaction(interaction, text)))
        return
    replies = await client.core(from_interaction(interaction, text, thread=thread))
    await send_replies(thread, replies)


async def _quiz_thread(interaction: discord.Interaction[Any], target: str) -> Any:
    name = interaction.user.display_name
    starter = await interaction.followup.send(
        to_discord(texts.QUIZ_THREAD_STARTER.format(user=name, target=target)),
        allowed_mentions=NO_PINGS,
        wait=True,
    )
    try:
        return await starter.create_thread(
            name=clip(texts.QUIZ_THREAD_NAME.format(user=name, target=target), THREAD_NAME_LIMIT),
            auto_archive_duration=ARCHIVE_MINUTES,
        )
    except discord.HTTPException as exc:
        log.warning(texts.LOG_NO_THREAD, "quiz", exc.status)
        return None


async def handle_press(interaction: discord.Interaction[Any], press: ButtonPress) -> None:
    """A choice button: acknowledge, ask the core, disable the message's buttons if it counted.

    A press the core turns away (someone else's quiz, an answer already counted, a vote) gets
    only an ephemeral note, and the buttons stay usable for whoever they belong to.
    """
    client: TutorClient = interaction.client
    await interaction.response.defer()
    replies = await client.core(from_interaction(interaction, press=press))
    if interaction.message is not None and any(not r.ephemeral for r in replies):
        view = answered_view(interaction.message, custom_id(press.action, press.value))
        await interaction.edit_original_response(view=view, allowed_mentions=NO_PINGS)
    await followup_replies(interaction, replies)
