"""What a slash command or a button press does: defer, ask the core, answer with follow-ups."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Final

import discord

from bot.adapters.discord import texts
from bot.adapters.discord.buttons import answered_view, custom_id
from bot.adapters.discord.deliver import (
    NO_PINGS,
    answer_deferred,
    followup_replies,
    private_and_public,
    send_replies,
)
from bot.adapters.discord.inbound import from_interaction, is_dm, is_thread
from bot.adapters.discord.markdown import clip, to_discord
from bot.adapters.discord.stream import InteractionStream
from bot.core.incoming import ButtonPress
from bot.core.quiz.targets import TargetError, resolve_target

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient

log = logging.getLogger(__name__)
THREAD_NAME_LIMIT = 100
ECHO_LIMIT = 100
ARCHIVE_MINUTES: Final = 1440
THREAD_PARENTS = (discord.ChannelType.text, discord.ChannelType.news)


async def run_command(
    interaction: discord.Interaction[Any], text: str, *, ephemeral: bool = False
) -> None:
    """Defer at once (the core may take longer than 3 s), then answer with follow-ups. An
    answer the model writes is shown growing in the deferred response (`stream`)."""
    client: TutorClient = interaction.client
    await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    stream = InteractionStream(interaction, private=ephemeral)
    replies = await stream.run(client.core, from_interaction(interaction, text))
    if not await stream.finish(replies):
        await interaction.followup.send(
            texts.NOTHING_TO_SAY, ephemeral=True, allowed_mentions=NO_PINGS
        )


def can_open_thread(interaction: discord.Interaction[Any]) -> bool:
    """A text or news channel where the bot may open a public thread and write in it."""
    channel = interaction.channel
    perms = interaction.app_permissions
    return (
        getattr(channel, "type", None) in THREAD_PARENTS
        and perms.create_public_threads
        and perms.send_messages_in_threads
    )


def known_target(client: TutorClient, target: str) -> bool:
    """Whether `/quiz target` names a quiz (the core answers the ones that do not)."""
    if target.casefold() in ("", "review", "stop"):
        return True
    try:
        resolve_target(client.services.curriculum, target, set())
    except TargetError:
        return False
    return True


async def start_quiz(interaction: discord.Interaction[Any], target: str) -> None:
    """`/quiz`: in a text or news channel, open a thread from the command's answer and quiz
    there. In a thread or a DM, for `/quiz stop`, for a target that is no quiz, and where no
    thread can be opened, the core answers where the command was used."""
    client: TutorClient = interaction.client
    await interaction.response.defer(thinking=True)
    text = f"/quiz {target}".strip()
    channel = interaction.channel
    inline = target.casefold() == "stop" or is_thread(channel) or is_dm(channel)
    thread = None
    if not inline and can_open_thread(interaction) and known_target(client, target):
        thread = await _quiz_thread(interaction, target or texts.QUIZ_NEXT_MODULE)
    if thread is None:
        await answer_deferred(interaction, await client.core(from_interaction(interaction, text)))
        return
    replies = await client.core(from_interaction(interaction, text, thread=thread))
    private, public = private_and_public(replies)
    await send_replies(thread, public)
    await followup_replies(interaction, private)


async def start_interview(interaction: discord.Interaction[Any], focus: str) -> None:
    """`/interview`: like `/quiz`, a thread of its own in a text channel, inline elsewhere."""
    client: TutorClient = interaction.client
    await interaction.response.defer(thinking=True)
    channel = interaction.channel
    text = f"/interview {focus}".strip()
    inline = focus.casefold() == "stop" or is_thread(channel) or is_dm(channel)
    thread = None
    if not inline and can_open_thread(interaction):
        thread = await _quiz_thread(
            interaction,
            focus or texts.INTERVIEW_MIXED,
            texts.INTERVIEW_THREAD_STARTER,
            texts.INTERVIEW_THREAD_NAME,
            "interview",
        )
    if thread is None:
        await answer_deferred(interaction, await client.core(from_interaction(interaction, text)))
        return
    replies = await client.core(from_interaction(interaction, text, thread=thread))
    private, public = private_and_public(replies)
    await send_replies(thread, public)
    await followup_replies(interaction, private)


async def _quiz_thread(
    interaction: discord.Interaction[Any],
    target: str,
    starter_text: str = texts.QUIZ_THREAD_STARTER,
    thread_name: str = texts.QUIZ_THREAD_NAME,
    kind: str = "quiz",
) -> Any:
    """The thread, started from the command's own answer (a message that knows its server)."""
    name = interaction.user.display_name
    echo = clip(target, ECHO_LIMIT)
    starter = await interaction.edit_original_response(
        content=to_discord(starter_text.format(user=name, target=echo)),
        allowed_mentions=NO_PINGS,
    )
    try:
        return await starter.create_thread(
            name=clip(thread_name.format(user=name, target=echo), THREAD_NAME_LIMIT),
            auto_archive_duration=ARCHIVE_MINUTES,
        )
    except (discord.HTTPException, ValueError) as exc:
        log.warning(texts.LOG_NO_THREAD, kind, exc)
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
        view.stop()  # a finished view is not kept in the ViewStore: nothing to dispatch
        await interaction.edit_original_response(view=view, allowed_mentions=NO_PINGS)
    await followup_replies(interaction, replies)
