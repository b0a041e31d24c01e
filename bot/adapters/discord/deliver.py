"""Sending rendered replies: to a channel, thread or DM, or as interaction follow-ups.

Every send and edit passes `AllowedMentions.none()`, so text the tutor echoes (a learner's
`@everyone`, a role or a user mention) is shown but never pings anyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import discord

from bot.adapters.discord.render import Outgoing, render
from bot.core.reply import Reply

NO_PINGS = discord.AllowedMentions.none()


def message_kwargs(out: Outgoing) -> dict[str, Any]:
    """Keyword arguments for `send`/`followup.send`, leaving out what the message lacks."""
    kwargs: dict[str, Any] = {"allowed_mentions": NO_PINGS}
    if out.content:
        kwargs["content"] = out.content
    if out.embeds:
        kwargs["embeds"] = out.embeds
    if out.view is not None:
        kwargs["view"] = out.view
    if out.files:
        kwargs["files"] = out.files
    return kwargs


def private_and_public(replies: Iterable[Reply]) -> tuple[list[Reply], list[Reply]]:
    """The replies only the asker may see, and the others."""
    replies = list(replies)
    return [r for r in replies if r.ephemeral], [r for r in replies if not r.ephemeral]


def release(out: Outgoing) -> None:
    """Forget a sent message's view. Our buttons are `ChoiceButton` dynamic items, dispatched
    from their custom_id alone, so the view object is not needed once sent; stopping it ends
    the 15-minute timer discord.py starts for a view on an ephemeral message."""
    if out.view is not None:
        out.view.stop()


async def send_replies(target: Any, replies: Iterable[Reply]) -> list[Any]:
    """Post replies to a channel, thread or DM (`Messageable.send`). Outside interactions
    nothing is ephemeral, so callers pass private replies only to a DM. Returns the messages."""
    sent = []
    for reply in replies:
        for out in render(reply):
            sent.append(await target.send(**message_kwargs(out)))
            release(out)
    return sent


async def followup_replies(
    interaction: discord.Interaction[Any], replies: Iterable[Reply], *, private: bool = False
) -> int:
    """Answer a deferred interaction with follow-ups: ephemeral when the reply asks for it, and
    all of them when the command itself is private (deferred ephemerally). Returns how many
    messages were sent."""
    sent = 0
    for reply in replies:
        for out in render(reply):
            await interaction.followup.send(
                **message_kwargs(out), ephemeral=private or reply.ephemeral, wait=True
            )
            release(out)
            sent += 1
    return sent


async def answer_deferred(
    interaction: discord.Interaction[Any], replies: Iterable[Reply], *, private: bool = False
) -> int:
    """Answer a command deferred with "thinking…". Its first follow-up replaces that message
    and is exactly as public as the defer, so when the defer was public and the first reply is
    private (a refusal, an admin's queue), "thinking…" is deleted first: every reply is then a
    message of its own, and a private one stays private. Returns how many messages were sent."""
    replies = list(replies)
    if not private and replies and replies[0].ephemeral:
        await interaction.delete_original_response()
    return await followup_replies(interaction, replies, private=private)
