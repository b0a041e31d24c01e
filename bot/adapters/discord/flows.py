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
from bot.core.incoming import ButtonPress

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
    replies = await client.core(from_interaction(interaction, text))
    await followup_replies(interaction, replies, private=ephemeral)


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


async def start_interview(interaction: discord.Interaction[Any], focus: str) -> None:
    """`/interview`: like `/quiz`, a thread of its own in a text channel, inline elsewhere."""
    client: TutorClient = interaction.client
    await interaction.response.defer(thinking=True)
    channel = interaction.channel
    text = f"/interview {focus}".strip()
    if focus.casefold() == "stop" or channel is None or is_thread(channel) or is_dm(channel):
        await followup_replies(interaction, await client.core(from_interaction(interaction, text)))
        return
    target = focus or texts.INTERVIEW_MIXED
    thread = await _quiz_thread(
        interaction,
        target,
        texts.INTERVIEW_THREAD_STARTER,
        texts.INTERVIEW_THREAD_NAME,
        "interview",
    )
    if thread is None:
        await followup_replies(interaction, await client.core(from_interaction(interaction, text)))
        return
    replies = await client.core(from_interaction(interaction, text, thread=thread))
    await send_replies(thread, replies)


async def _quiz_thread(
    interaction: discord.Interaction[Any],
    target: str,
    starter_text: str = texts.QUIZ_THREAD_STARTER,
    thread_name: str = texts.QUIZ_THREAD_NAME,
    kind: str = "quiz",
) -> Any:
    name = interaction.user.display_name
    starter = await interaction.followup.send(
        to_discord(starter_text.format(user=name, target=target)),
        allowed_mentions=NO_PINGS,
        wait=True,
    )
    try:
        return await starter.create_thread(
            name=clip(thread_name.format(user=name, target=target), THREAD_NAME_LIMIT),
            auto_archive_duration=ARCHIVE_MINUTES,
        )
    except discord.HTTPException as exc:
        log.warning(texts.LOG_NO_THREAD, kind, exc.status)
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
