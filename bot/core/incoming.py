"""The neutral inbound message every adapter produces."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from types import MappingProxyType
from typing import Any

from bot.core.clean_text import clean

MAX_TEXT = 4000


@dataclass(frozen=True)
class ButtonPress:
    """A press on a choice button: which action, and the value the button carried."""

    action: str
    value: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", clean(self.action))
        object.__setattr__(self, "value", clean(self.value))


@dataclass(frozen=True)
class Incoming:
    """A message or button press from any platform.

    `is_admin` is the adapter's verdict on cohort-admin rights (Slack: configured admin ids or
    workspace admins; Discord: Manage Server; console: the local user). On Discord one learner
    spans every server, so `guild` names the server that verdict holds in: admin rights count
    only in the server a cohort lives in. `raw` keeps the platform payload for the adapter that
    made it; the core never reads it. `sent_at` is when the platform says the message was sent
    (UTC), when the adapter knows it.
    """

    platform: str
    workspace: str
    channel: str
    user: str
    text: str = ""
    display_name: str = ""
    thread: str | None = None
    is_dm: bool = False
    mentions_bot: bool = False
    is_admin: bool = False
    event_id: str | None = None
    press: ButtonPress | None = None
    sent_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    guild: str | None = None

    def __post_init__(self) -> None:
        """Text is cleaned once, here: no NULs, control characters, escapes or surrogates."""
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                object.__setattr__(self, f.name, clean(value))

    @property
    def thread_key(self) -> str:
        """The conversation this message belongs to (a thread, or the channel itself)."""
        return f"{self.platform}:{self.workspace}:{self.channel}:{self.thread or ''}"

    @property
    def clipped_text(self) -> str:
        """The text, trimmed and cut to a size the core is willing to process."""
        return self.text.strip()[:MAX_TEXT]
