"""Fake Discord objects that record what the adapter sends (no network, no gateway).

Every call that posts or edits a message must pass `AllowedMentions.none()`; the fakes assert
it on each call, so no test can pass while some path could ping `@everyone`.
"""

from __future__ import annotations

import asyncio
import itertools
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord

from bot.adapters.discord.bot import TutorClient
from bot.adapters.discord.settings import DiscordSettings
from bot.testing import make_services

BOT_ID = 900_000_000_000_000_001
GUILD_ID = 800_000_000_000_000_001
_ids = itertools.count(100_000_000_000_000_000)


def next_id() -> int:
    return next(_ids)


def assert_no_pings(kwargs: dict[str, Any]) -> None:
    mentions = kwargs.get("allowed_mentions")
    assert isinstance(mentions, discord.AllowedMentions), f"no allowed_mentions in {kwargs}"
    assert not mentions.everyone and not mentions.users and not mentions.roles
    assert not mentions.replied_user


@dataclass
class Recorder:
    """Every call the adapter made, in order: (what, keyword arguments)."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def add(self, what: str, kwargs: dict[str, Any], *, posts: bool = True) -> None:
        if posts:
            assert_no_pings(kwargs)
        self.calls.append((what, kwargs))

    def of(self, what: str) -> list[dict[str, Any]]:
        return [kw for name, kw in self.calls if name == what]


@dataclass
class FakeUser:
    id: int
    display_name: str = "Ada"
    bot: bool = False
    guild_permissions: discord.Permissions | None = None

    @property
    def name(self) -> str:
        return self.display_name


class FakeMessage:
    """A sent or received message; components are rebuilt from the view, as Discord would."""

    def __init__(self, channel: Any, author: Any, content: str = "", **kwargs: Any) -> None:
        self.id = next_id()
        self.channel = channel
        self.author = author
        self.content = content
        self.guild = getattr(channel, "guild", None)
        self.mentions: list[Any] = kwargs.get("mentions", [])
        self.reference: Any = kwargs.get("reference")
        self.embeds: list[discord.Embed] = kwargs.get("embeds", [])
        self.files: list[discord.File] = kwargs.get("files", [])
        self.flags = discord.MessageFlags()
        self.view: discord.ui.View | None = None
        self.set_view(kwargs.get("view"))

    def set_view(self, view: discord.ui.View | None) -> None:
        self.view = view
        rows = view.to_components() if view is not None else []
        self.components = [discord.ActionRow(row) for row in rows]

    def custom_ids(self) -> list[str]:
        return [c.custom_id for row in self.components for c in row.children]

    async def create_thread(self, *, name: str, auto_archive_duration: int = 1440) -> FakeThread:
        thread = FakeThread(self.channel.recorder, parent=self.channel, name=name)
        self.channel.recorder.add("create_thread", {"name": name, "from": self}, posts=False)
        return thread


class FakeChannel:
    """A text channel (or, with `kind`, a DM) that records `send`."""

    def __init__(
        self, recorder: Recorder, *, kind: discord.ChannelType = discord.ChannelType.text
    ) -> None:
        self.id = next_id()
        self.recorder = recorder
        self.type = kind
        self.guild = discord.Object(GUILD_ID) if kind != discord.ChannelType.private else None
        self.sent: list[FakeMessage] = []
        self.owner_id: int | None = None

    async def send(self, **kwargs: Any) -> FakeMessage:
        self.recorder.add("send", {**kwargs, "channel": self})
        message = FakeMessage(self, FakeUser(BOT_ID, "Tutor", bot=True), **kwargs)
        self.sent.append(message)
        return message

    @asynccontextmanager
    async def typing(self) -> Any:
        yield


class FakeThread(FakeChannel):
    def __init__(
        self, recorder: Recorder, *, parent: FakeChannel, name: str, owner: int = BOT_ID
    ) -> None:
        super().__init__(recorder, kind=discord.ChannelType.public_thread)
        self.parent_id = parent.id
        self.name = name
        self.owner_id = owner


class FakeResponse:
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.done = False

    def is_done(self) -> bool:
        return self.done

    async def defer(self, **kwargs: Any) -> None:
        assert not self.done, "interaction answered twice"
        self.done = True
        self.recorder.add("defer", kwargs, posts=False)

    async def send_message(self, content: str = "", **kwargs: Any) -> None:
        self.done = True
        self.recorder.add("send_message", {"content": content, **kwargs})

    async def edit_message(self, **kwargs: Any) -> None:
        self.done = True
        self.recorder.add("edit_message", kwargs)


class FakeFollowup:
    def __init__(self, interaction: FakeInteraction) -> None:
        self.interaction = interaction

    async def send(self, content: str = "", **kwargs: Any) -> FakeMessage:
        assert self.interaction.response.done, "follow-up before the interaction was answered"
        self.interaction.recorder.add("followup", {"content": content, **kwargs})
        return FakeMessage(
            self.interaction.channel, FakeUser(BOT_ID, "Tutor", bot=True), content, **kwargs
        )


class FakeInteraction:
    """A slash-command or component interaction as the adapter sees it."""

    def __init__(
        self,
        client: TutorClient,
        channel: FakeChannel,
        user: FakeUser,
        *,
        message: FakeMessage | None = None,
        custom_id: str | None = None,
    ) -> None:
        self.id = next_id()
        self.client = client
        self.channel = channel
        self.channel_id = channel.id
        self.user = user
        self.guild_id = GUILD_ID if channel.guild is not None else None
        self.guild = channel.guild
        self.message = message
        self.data = {"custom_id": custom_id, "component_type": 2} if custom_id else {}
        self.recorder = channel.recorder
        self.response = FakeResponse(self.recorder)
        self.followup = FakeFollowup(self)

    async def edit_original_response(self, **kwargs: Any) -> None:
        self.recorder.add("edit_original", kwargs)
        if self.message is not None and "view" in kwargs:
            self.message.set_view(kwargs["view"])


def make_client(tmp_path: Path, *, message_content: bool = True) -> TutorClient:
    """A tutor client on temp storage, 'logged in' as BOT_ID without any connection."""
    services = make_services(tmp_path)
    client = TutorClient(services, DiscordSettings(message_content=message_content, members=False))
    client._connection.user = FakeUser(BOT_ID, "Tutor", bot=True)
    return client


async def press(
    client: TutorClient, message: FakeMessage, custom_id: str, user: FakeUser
) -> FakeInteraction:
    """Press a button the way discord.py dispatches it: through the registered dynamic items."""
    interaction = FakeInteraction(
        client, message.channel, user, message=message, custom_id=custom_id
    )
    client._connection._view_store.dispatch_view(2, custom_id, interaction)
    await settle()
    return interaction


async def settle() -> None:
    """Wait for every task discord.py scheduled (dynamic item callbacks run as tasks)."""
    while True:
        pending = [
            t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()
        ]
        if not pending:
            return
        await asyncio.gather(*pending)
