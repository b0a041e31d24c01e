"""Gateway events: mentions and DMs are questions; guild messages and reactions are activity."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.adapters.discord import inbound, texts
from bot.adapters.discord.deliver import send_replies
from bot.adapters.discord.flows import ARCHIVE_MINUTES, THREAD_NAME_LIMIT
from bot.adapters.discord.markdown import clip

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient

log = logging.getLogger(__name__)


def mentions(message: discord.Message, bot_id: int) -> bool:
    """A direct mention of the bot (`@everyone` and `@here` do not count)."""
    return any(user.id == bot_id for user in message.mentions)


async def on_message(client: TutorClient, message: discord.Message) -> None:
    """Record the message as activity, then answer it if it is meant for the tutor."""
    me = client.user
    if me is None or message.author.bot or message.author.id == me.id:
        return
    if message.guild is not None:
        await client.observe(inbound.posted(message, with_text=client.intents.message_content))
    where = await _answer_place(message, me.id)
    if where is None:
        return
    incoming = inbound.from_message(message, me.id, thread=where)
    if not incoming.text and not mentions(message, me.id) and not incoming.is_dm:
        return  # a thread message whose text we cannot read (message-content intent off)
    async with where.typing():
        replies = await client.core(incoming)
    try:
        await send_replies(where, replies)
    except discord.HTTPException as exc:
        log.warning(texts.LOG_SEND_FAILED, getattr(where, "id", "?"), exc.status)


async def _answer_place(message: discord.Message, bot_id: int) -> Any:
    """Where to answer: the DM, the tutor's own thread, or a new thread from a mention."""
    channel = message.channel
    if inbound.is_dm(channel):
        return channel
    mentioned = mentions(message, bot_id)
    if inbound.is_thread(channel):
        owned = getattr(channel, "owner_id", None) == bot_id
        return channel if mentioned or owned else None
    if not mentioned:
        return None
    question = inbound.strip_mentions(message.content, bot_id) or "question"
    try:
        return await message.create_thread(
            name=clip(texts.QUESTION_THREAD_NAME.format(question=question), THREAD_NAME_LIMIT),
            auto_archive_duration=ARCHIVE_MINUTES,
        )
    except discord.HTTPException as exc:  # no thread permission: answer in the channel
        log.warning(texts.LOG_NO_THREAD, "question", exc.status)
        return channel


async def on_reaction(client: TutorClient, payload: discord.RawReactionActionEvent) -> None:
    """A reaction in a server becomes activity (the author's message was acknowledged)."""
    if payload.guild_id is None:
        return
    activity = inbound.reacted(payload, client.get_channel(payload.channel_id))
    if activity is not None:
        await client.observe(activity)


async def on_delete(client: TutorClient, payload: discord.RawMessageDeleteEvent) -> None:
    """A deleted message no longer counts (only when it was cached: its author is known)."""
    if payload.guild_id is None:
        return
    activity = inbound.deleted(payload)
    if activity is not None:
        await client.observe(activity)
