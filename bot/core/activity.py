"""Community activity the adapters report (messages, replies, reactions, deletions).

Adapters call `Router.observe(activity)`; the core keeps only what the contribution rules need:
lengths, a near-duplicate fingerprint, ids and times, never the message text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MessagePosted:
    """A message in a channel or thread. `reply_to_user` is the author replied to, if any."""

    platform: str
    workspace: str
    channel: str
    message_id: str
    user: str
    text: str
    display_name: str = ""
    thread: str | None = None
    reply_to_user: str | None = None
    reply_to_message: str | None = None
    is_bot: bool = False


@dataclass(frozen=True)
class ReactionAdded:
    """`user` reacted to `message_id`, written by `message_author`."""

    platform: str
    workspace: str
    channel: str
    message_id: str
    message_author: str
    user: str
    reaction: str
    is_bot: bool = False


@dataclass(frozen=True)
class MessageDeleted:
    platform: str
    workspace: str
    channel: str
    message_id: str
    user: str


Activity = MessagePosted | ReactionAdded | MessageDeleted


def fingerprint(text: str) -> str:
    """A near-duplicate fingerprint: the hash of the sorted set of lowercase words."""
    words = sorted(set(re.findall(r"[a-z0-9]+", text.casefold())))
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]
