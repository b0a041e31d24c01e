"""Discord interactions, messages and raw events as the core's neutral `Incoming` and activity.

One learner per Discord account: user ids are global on Discord, so every server and DM shares
the workspace `discord` (progress follows the learner). Channel and thread ids are global too, so
thread keys never collide. The server id travels as `Incoming.guild`: admin rights (Manage
Server) hold only there, and a cohort's admin actions must come from the cohort's own server.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.core.activity import MessageDeleted, MessagePosted, ReactionAdded
from bot.core.incoming import ButtonPress, Incoming

PLATFORM = "discord"
WORKSPACE = "discord"
THREAD_TYPES = frozenset(
    {
        discord.ChannelType.public_thread,
        discord.ChannelType.private_thread,
        discord.ChannelType.news_thread,
    }
)


def is_thread(channel: Any) -> bool:
    return getattr(channel, "type", None) in THREAD_TYPES


def is_dm(channel: Any) -> bool:
    return getattr(channel, "type", None) in (
        discord.ChannelType.private,
        discord.ChannelType.group,
    )


def place(channel: Any) -> tuple[str, str | None]:
    """(channel, thread) ids: a thread is reported under its parent channel."""
    if is_thread(channel):
        return str(channel.parent_id), str(channel.id)
    return str(channel.id), None


def interaction_admin(interaction: discord.Interaction[Any]) -> bool:
    """Manage Server, as Discord computed it for this interaction (no guild cache needed)."""
    return interaction.guild_id is not None and interaction.permissions.manage_guild


def message_admin(message: discord.Message) -> bool:
    """Manage Server of a message's author in the message's server (False in DMs)."""
    author = message.author
    if message.guild is None or not isinstance(author, discord.Member):
        return False
    return author.guild_permissions.manage_guild


def strip_mentions(text: str, bot_id: int) -> str:
    """The text without mentions of the bot (`<@id>` or `<@!id>`)."""
    return re.sub(rf"<@!?{bot_id}>", " ", text).strip()


def from_interaction(
    interaction: discord.Interaction[Any],
    text: str = "",
    *,
    thread: Any = None,
    press: ButtonPress | None = None,
) -> Incoming:
    """A slash command (as `/name args` text) or a button press; `thread` overrides the place."""
    channel, thread_id = place(thread if thread is not None else interaction.channel)
    user = interaction.user
    return Incoming(
        platform=PLATFORM,
        workspace=WORKSPACE,
        channel=channel,
        user=str(user.id),
        text=text,
        display_name=user.display_name,
        thread=thread_id,
        is_dm=interaction.guild_id is None,
        mentions_bot=True,
        is_admin=interaction_admin(interaction),
        guild=str(interaction.guild_id) if interaction.guild_id else None,
        event_id=f"interaction:{interaction.id}",
        press=press,
        raw={"guild_id": interaction.guild_id},
    )


def from_message(message: discord.Message, bot_id: int, *, thread: Any = None) -> Incoming:
    """A mention, DM or thread message; `thread` is where the answer goes when one was made."""
    channel, thread_id = place(thread if thread is not None else message.channel)
    guild_id = message.guild.id if message.guild else None
    return Incoming(
        platform=PLATFORM,
        workspace=WORKSPACE,
        channel=channel,
        user=str(message.author.id),
        text=strip_mentions(message.content, bot_id),
        display_name=message.author.display_name,
        thread=thread_id,
        is_dm=guild_id is None,
        mentions_bot=True,
        is_admin=message_admin(message),
        guild=str(guild_id) if guild_id else None,
        event_id=f"message:{message.id}",
        raw={"guild_id": guild_id},
    )


def posted(message: discord.Message, *, with_text: bool) -> MessagePosted:
    """A guild message as contribution activity; without the content intent, no text."""
    channel, thread = place(message.channel)
    ref = message.reference
    resolved = ref.resolved if ref is not None else None
    reply_author = getattr(getattr(resolved, "author", None), "id", None)
    return MessagePosted(
        platform=PLATFORM,
        workspace=WORKSPACE,
        channel=channel,
        message_id=str(message.id),
        user=str(message.author.id),
        text=message.content if with_text else "",
        display_name=message.author.display_name,
        thread=thread,
        reply_to_user=str(reply_author) if reply_author is not None else None,
        reply_to_message=str(ref.message_id) if ref is not None and ref.message_id else None,
        is_bot=message.author.bot,
    )


def reacted(payload: discord.RawReactionActionEvent, channel: Any = None) -> ReactionAdded | None:
    """A reaction as activity; None when Discord did not say whose message it was.

    `channel` is the cached channel object, so a reaction in a thread is keyed like its message.
    """
    if payload.message_author_id is None:
        return None
    member = payload.member
    return ReactionAdded(
        platform=PLATFORM,
        workspace=WORKSPACE,
        channel=place(channel)[0] if channel is not None else str(payload.channel_id),
        message_id=str(payload.message_id),
        message_author=str(payload.message_author_id),
        user=str(payload.user_id),
        reaction=str(payload.emoji),
        is_bot=bool(member is not None and member.bot),
    )


def deleted(payload: discord.RawMessageDeleteEvent) -> MessageDeleted | None:
    """A deletion as activity; None when the message was not cached (author unknown)."""
    cached = payload.cached_message
    if cached is None:
        return None
    channel, _ = place(cached.channel)
    return MessageDeleted(
        platform=PLATFORM,
        workspace=WORKSPACE,
        channel=channel,
        message_id=str(payload.message_id),
        user=str(cached.author.id),
    )
