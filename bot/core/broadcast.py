"""The Broadcaster port: how scheduled jobs deliver replies they did not receive a message for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.core.reply import Reply


@dataclass(frozen=True)
class Destination:
    """A channel (or a DM when `user` is set) on one platform and workspace/guild."""

    platform: str
    workspace: str
    channel: str = ""
    user: str | None = None
    thread: str | None = None


class DeliveryError(Exception):
    """The post could not be delivered; the message says why (kept for the admins)."""


class Broadcaster(Protocol):
    """Each adapter implements this; the scheduler posts through it."""

    platform: str

    async def post(self, destination: Destination, reply: Reply) -> str:
        """Deliver one reply; return the platform's message id, or raise DeliveryError."""
        ...
