"""Gateway events: mentions and DMs are questions; guild messages and reactions are activity."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.adapters.discord import inbound, texts
from bot.adapters.discord.deliver import NO_PINGS, private_and_public, send_replies
from bot.adapters.discord.flows import ARCHIVE_MINUTES, THREAD_NAME_LIMIT, THREAD_PARENTS
from bot.adapters.discord.markdown import clip
from bot.adapters.discord.stream import ChannelStream
from bot.core.reply import Reply

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient

log = logging.getLogger(__name__)


def mentions(message: discord.Message, bot_id: int) -> bool:
    """A real mention of the bot in the text. `message.mentions` also holds the author of the
    message being replied to, and `@everyone` and `@here` do not count either."""
    return bot_id in message.raw_mentions


async def on_message(client: TutorClient, message: discord.Message) -> None:
    """Record the message as activity, then answer it if it is meant for the tutor."""
    me = client.user
    if me is None or message.author.bot or message.author.id == me.id:
        return
    if message.guild is not None:
        await client.observe(inbound.posted(message, with_text=client.intents.message_content))
    try:
        await _answer(client, message, me.id)
    except Exception:
        log.exception(texts.LOG_MESSAGE_FAILED, message.id)
        with contextlib.suppress(discord.HTTPException):
            await message.channel.send(texts.FAILED, allowed_mentions=NO_PINGS)


async def _answer(client: TutorClient, message: discord.Message, bot_id: int) -> None:
    where = await _answer_place(message, bot_id)
    if where is None:
        return
    incoming = inbound.from_message(message, bot_id, thread=where)
    if not incoming.text and not mentions(message, bot_id) and not incoming.is_dm:
        return  # a thread message whose text we cannot read (message-content intent off)
    try:
        stream = ChannelStream(where)  # a model's answer shows as it is written
        async with where.typing():
            replies = await stream.run(client.core, incoming)
        private, public = private_and_public(replies)
        if inbound.is_dm(where):
            public, private = replies, []
        await stream.finish(public)
        if private:
            await _privately(message.author, where, private)
    except discord.HTTPException as exc:
        log.warning(texts.LOG_SEND_FAILED, getattr(where, "id", "?"), exc.status)


async def _privately(author: Any, where: Any, replies: list[Reply]) -> None:
    """Replies only the asker may see, asked for in a server: by DM, never in the channel."""
    name = discord.utils.escape_markdown(author.display_name)
    try:
        await send_replies(await author.create_dm(), replies)
    except discord.Forbidden:  # DMs closed to the bot: point to the private slash command
        await where.send(texts.PRIVATE_USE_SLASH.format(user=name), allowed_mentions=NO_PINGS)
        return
    await where.send(texts.SENT_PRIVATELY.format(user=name), allowed_mentions=NO_PINGS)


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
    if getattr(channel, "type", None) not in THREAD_PARENTS:
        return channel  # threads open only in text and news channels
    question = inbound.strip_mentions(message.content, bot_id) or "question"
    try:
        return await message.create_thread(
            name=clip(texts.QUESTION_THREAD_NAME.format(question=question), THREAD_NAME_LIMIT),
            auto_archive_duration=ARCHIVE_MINUTES,
        )
    except (discord.HTTPException, ValueError) as exc:  # no permission: answer in the channel
        log.warning(texts.LOG_NO_THREAD, "question", exc)
        return channel


async def on_reaction(client: TutorClient, payload: discord.RawReactionActionEvent) -> None:
    """A reaction in a server becomes activity (the author's message was acknowledged).
    Reactions on the tutor's own messages are no one's contribution."""
    me = client.user
    if payload.guild_id is None or me is None or payload.message_author_id == me.id:
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
