"""Deliver scheduled replies (weekly posts, reminders) to Discord channels, threads and DMs."""

from __future__ import annotations

from typing import Any

import discord

from bot.adapters.discord.deliver import send_replies
from bot.adapters.discord.inbound import PLATFORM
from bot.core.broadcast import DeliveryError, Destination
from bot.core.reply import Reply


class DiscordBroadcaster:
    """The `Broadcaster` port on a connected Discord client.

    Channel and user ids are global on Discord, so `destination.workspace` is not needed.
    """

    platform = PLATFORM

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def post(self, destination: Destination, reply: Reply) -> str:
        """Send one reply; return the id of its first message, or raise DeliveryError: every
        failure, whatever raised it, becomes a DeliveryError that says why."""
        try:
            target = await self._target(destination)
            if reply.ephemeral and not destination.user:
                raise DeliveryError("a private reply is never posted in a channel")
            sent = await send_replies(target, [reply])
        except DeliveryError:
            raise
        except discord.Forbidden as exc:
            raise DeliveryError(f"forbidden: the bot may not post there ({exc.text})") from exc
        except discord.NotFound as exc:
            raise DeliveryError(f"not found: unknown channel or user ({exc.text})") from exc
        except discord.HTTPException as exc:
            raise DeliveryError(f"Discord HTTP {exc.status}: {exc.text}") from exc
        except ValueError as exc:
            raise DeliveryError(f"bad destination id: {exc}") from exc
        except Exception as exc:  # a bug or an outage: still a reason for the admins
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc
        if not sent:
            raise DeliveryError("nothing to send: the reply is empty")
        return str(sent[0].id)

    async def _target(self, destination: Destination) -> Any:
        if destination.user:
            user_id = int(destination.user)
            user = self.client.get_user(user_id) or await self.client.fetch_user(user_id)
            return await user.create_dm()
        channel_id = int(destination.thread or destination.channel)
        channel = self.client.get_channel(channel_id) or await self.client.fetch_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            kind = getattr(channel, "type", type(channel).__name__)
            raise DeliveryError(
                f"cannot post in channel {channel_id}: a {kind} channel takes no messages "
                "(recreate the cohort in a text or announcement channel)"
            )
        return channel
