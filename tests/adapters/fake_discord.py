"""The real discord.py client against a fake Discord on 127.0.0.1.

Only the network is fake: `TutorClient` logs in, syncs its tree and makes every request through
discord.py's own `HTTPClient` and webhook adapter, which `Route.BASE` points at a small aiohttp
server (discord_server.py) over the `World` (discord_world.py), which refuses what Discord
refuses. Gateway events enter through the connection state's parsers (`parse_guild_create`,
`parse_interaction_create`, `parse_message_create`, `parse_message_reaction_add`, ...), so the
real `CommandTree` dispatch, option conversion, autocomplete, `on_error`, `ViewStore` and
dynamic items run.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import discord

from bot.adapters.discord.bot import TutorClient
from bot.adapters.discord.settings import DiscordSettings
from bot.bootstrap import Services
from bot.testing import make_services
from tests.adapters.discord_server import FakeDiscordServer
from tests.adapters.discord_world import (
    APP_ID,
    EPHEMERAL,
    FORUM,
    NEWS,
    PUBLIC_THREAD,
    THREADS,
    TOKEN,
    Guild,
    Interaction,
    World,
    snowflake,
)

BOT_ID = APP_ID
SETTLE_SECONDS = 60
"""How long the client may take to finish what one event started (a loaded CI machine is slow)."""


class CommandRefused(Exception):
    """The Discord client itself would not send this command (a missing or invalid option)."""


class DiscordHarness:
    """A logged-in `TutorClient`, its fake Discord, and the ways a user acts on it.

    Use `async with DiscordHarness(tmp_path) as h:` after building `h.world`'s guilds, or add
    guilds later and call `h.online(guild)`.
    """

    def __init__(
        self,
        tmp_path: Path,
        *,
        world: World | None = None,
        message_content: bool = True,
        services: Services | None = None,
    ) -> None:
        self.world = world or World()
        self.world.message_content_intent = message_content
        self.tmp_path = tmp_path
        self.services = services
        self.message_content = message_content
        self.server = FakeDiscordServer(self.world)
        self._base = discord.http.Route.BASE

    async def __aenter__(self) -> DiscordHarness:
        self.server.start()
        discord.http.Route.BASE = self.server.url
        services = self.services or make_services(self.tmp_path)
        settings = DiscordSettings(message_content=self.message_content, members=False)
        self.client = TutorClient(services, settings)
        await self.client.login(TOKEN)  # setup_hook runs here, as in production
        await self.client.tree.sync()  # what `mlops-tutor discord sync` does
        for guild in self.world.guilds.values():
            self.online(guild)
        await self.settle()
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.settle()
        await self.client.close()
        discord.http.Route.BASE = self._base
        self.server.stop()

    @property
    def state(self) -> Any:
        return self.client._connection

    def online(self, guild: Guild) -> None:
        """The gateway's GUILD_CREATE for a guild: now the bot has it in cache."""
        self.state.parse_guild_create(self.world.guild_payload(guild))

    def gateway(self, event: str, data: dict[str, Any]) -> None:
        getattr(self.state, f"parse_{event.lower()}")(data)

    async def settle(self) -> None:
        """Deliver pending gateway events and wait until every task the client started is done.

        A task still running after `SETTLE_SECONDS` fails the test with its name (a view's
        timeout timer, say), instead of waiting for it however long it sleeps.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_SECONDS
        while True:
            while self.world.events:
                event, data = self.world.events.popleft()
                self._deliver(event, data)
            pending = [
                t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()
            ]
            if not pending and not self.world.events:
                return
            if pending:
                if loop.time() > deadline:
                    raise AssertionError(f"tasks still running after the event: {pending}")
                await asyncio.wait(pending, timeout=max(0.1, deadline - loop.time()))

    def _deliver(self, event: str, data: dict[str, Any]) -> None:
        if event == "MESSAGE_CREATE":
            data = self._as_received(data)
        if event == "THREAD_CREATE" and int(data["guild_id"]) not in self.world.guilds:
            return
        self.gateway(event, data)

    def _as_received(self, message: dict[str, Any]) -> dict[str, Any]:
        """Without the message-content intent, guild messages arrive empty unless they mention
        the bot (or are the bot's own)."""
        mentioned = any(u["id"] == str(APP_ID) for u in message.get("mentions", []))
        own = message["author"]["id"] == str(APP_ID)
        if self.world.message_content_intent or "guild_id" not in message or mentioned or own:
            return message
        return {**message, "content": "", "embeds": [], "attachments": [], "components": []}

    # --- what users do ---------------------------------------------------------------------

    def _base_payload(self, kind: int, user: int, channel_id: int) -> dict[str, Any]:
        w = self.world
        channel = w.channels[channel_id]
        iid = snowflake()
        token = f"tok-{iid}"
        payload: dict[str, Any] = {
            "id": str(iid), "application_id": str(APP_ID), "type": kind, "token": token,
            "version": 1, "channel": channel, "channel_id": str(channel_id), "locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {}, "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
        }  # fmt: skip
        guild = w.guild_of(channel)
        if guild is not None and user not in guild.members:
            raise CommandRefused(f"user {user} is not a member of {guild.name}")
        if guild is not None:
            payload["guild_id"] = str(guild.id)
            payload["guild"] = {"id": str(guild.id), "locale": "en-US", "features": []}
            payload["member"] = w.member_payload(guild, user, with_perms=True)
            payload["app_permissions"] = str(guild.permissions(APP_ID).value)
        else:
            payload["user"] = w.users[user]
            payload["context"] = 1
            payload["app_permissions"] = str(discord.Permissions(send_messages=True).value)
        w.interactions[iid] = Interaction(iid, token, kind, channel_id, user)
        w.by_token[token] = w.interactions[iid]
        return payload

    def _command(self, name: str, channel_id: int) -> dict[str, Any]:
        guild = self.world.guild_of(self.world.channels[channel_id])
        scoped = self.world.guild_commands.get(guild.id, {}) if guild else {}
        command = scoped.get(name) or self.world.commands.get(name)
        if command is None:
            raise CommandRefused(f"/{name} is not synced")
        if guild is None and command.get("contexts") and 1 not in command["contexts"]:
            raise CommandRefused(f"/{name} is not available in DMs")
        return command

    def _options(
        self, command: dict[str, Any], given: dict[str, Any], *, complete: bool = True
    ) -> list[dict[str, Any]]:
        """What the Discord client sends for the typed options; it refuses what it would.
        While the user is still typing (`complete=False`) required options may be missing."""
        spec = {o["name"]: o for o in command.get("options", [])}
        unknown = set(given) - set(spec)
        required = {n for n, o in spec.items() if o.get("required")} if complete else set()
        missing = required - set(given)
        if unknown or missing:
            raise CommandRefused(f"unknown {unknown or ''} missing {missing or ''}")
        options = []
        for name, value in given.items():
            o = spec[name]
            if o["type"] == 3 and not o.get("min_length", 0) <= len(value) <= o.get(
                "max_length", 6000
            ):
                raise CommandRefused(f"{name}: {len(value)} characters")
            if o["type"] == 4 and not o.get("min_value", -(2**53)) <= value <= o.get(
                "max_value", 2**53
            ):
                raise CommandRefused(f"{name}: {value} out of range")
            if o.get("choices") and value not in [c["value"] for c in o["choices"]]:
                raise CommandRefused(f"{name}: {value!r} is not one of the choices")
            options.append({"name": name, "type": o["type"], "value": value})
        return options

    async def slash(self, user: int, channel_id: int, name: str, /, **given: Any) -> Interaction:
        """A user runs `/name option:value ...` in a channel; returns Discord's record of it."""
        command = self._command(name, channel_id)
        payload = self._base_payload(2, user, channel_id)
        users = {k: v for k, v in given.items() if isinstance(v, int) and v in self.world.users}
        given = {k: (str(v) if k in users else v) for k, v in given.items()}
        data: dict[str, Any] = {
            "id": command["id"], "name": name, "type": 1, "options": self._options(command, given)
        }  # fmt: skip
        if users:
            data["resolved"] = {"users": {str(u): self.world.users[u] for u in users.values()}}
        payload["data"] = data
        self.gateway("INTERACTION_CREATE", payload)
        await self.settle()
        return self.world.interactions[int(payload["id"])]

    async def autocomplete(
        self, user: int, channel_id: int, name: str, option: str, current: str, /, **filled: Any
    ) -> list[dict[str, Any]]:
        """Typing `current` into `option`; `filled` are the options already chosen, which
        Discord sends along (an autocomplete may depend on them)."""
        command = self._command(name, channel_id)
        payload = self._base_payload(4, user, channel_id)
        others = self._options(command, filled, complete=False)
        payload["data"] = {
            "id": command["id"], "name": name, "type": 1,
            "options": [*others, {"name": option, "type": 3, "value": current, "focused": True}],
        }  # fmt: skip
        self.gateway("INTERACTION_CREATE", payload)
        await self.settle()
        return self.world.interactions[int(payload["id"])].choices or []

    async def press(
        self, user: int, message_id: int, custom_id: str, *, seen: dict[str, Any] | None = None
    ) -> Interaction:
        """A user presses a button; the Discord client only offers enabled buttons it shows.
        `seen` is the message as the user's client still shows it (a double click sends the
        second press before the first edit arrives)."""
        stored = self.world.messages[message_id]
        message = seen or stored
        buttons = [b for row in message["components"] for b in row["components"]]
        button = next((b for b in buttons if b.get("custom_id") == custom_id), None)
        if button is None or button.get("disabled"):
            raise CommandRefused(f"no enabled button {custom_id!r} on the message")
        payload = self._base_payload(3, user, int(message["channel_id"]))
        payload["message"] = {k: v for k, v in message.items() if k != "edited"}
        self.world.interactions[int(payload["id"])].original = stored  # what 6/7 act on
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        self.gateway("INTERACTION_CREATE", payload)
        await self.settle()
        return self.world.interactions[int(payload["id"])]

    async def say(
        self, user: int, channel_id: int, content: str, *, reply_to: int | None = None
    ) -> dict[str, Any]:
        """A user posts a message (`<@id>` mentions; a reply mentions the replied-to author)."""
        w = self.world
        channel = w.channels[channel_id]
        guild = w.guild_of(channel)
        mentioned = [int(i) for i in re.findall(r"<@!?(\d+)>", content)]
        extra: dict[str, Any] = {}
        if reply_to is not None:
            ref = w.messages[reply_to]
            mentioned.append(int(ref["author"]["id"]))
            extra["message_reference"] = {
                "message_id": str(reply_to), "channel_id": ref["channel_id"], "type": 0,
            }  # fmt: skip
            extra["referenced_message"] = ref
        mentions = []
        for uid in dict.fromkeys(mentioned):
            entry = dict(w.users[uid])
            if guild is not None:
                entry["member"] = {
                    k: v for k, v in w.member_payload(guild, uid).items() if k != "user"
                }
            mentions.append(entry)
        extra["mentions"] = mentions
        if guild is not None:
            extra["member"] = {
                k: v for k, v in w.member_payload(guild, user).items() if k != "user"
            }
        message = w.new_message(channel_id, user, {"content": content}, **extra)
        w.events.append(("MESSAGE_CREATE", message))
        await self.settle()
        return message

    async def react(self, user: int, message_id: int, emoji: str = "👍") -> None:
        w = self.world
        message = w.messages[message_id]
        payload: dict[str, Any] = {
            "user_id": str(user), "channel_id": message["channel_id"],
            "message_id": str(message_id), "emoji": {"id": None, "name": emoji},
            "message_author_id": message["author"]["id"], "burst": False, "type": 0,
            "burst_colors": [],
        }  # fmt: skip
        guild = w.guild_of(w.channels[int(message["channel_id"])])
        if guild is not None:
            payload["guild_id"] = str(guild.id)
            payload["member"] = w.member_payload(guild, user)
        self.gateway("MESSAGE_REACTION_ADD", payload)
        await self.settle()

    async def delete(self, message_id: int) -> None:
        message = self.world.messages.pop(message_id)
        data = {"id": str(message_id), "channel_id": message["channel_id"]}
        if "guild_id" in message:
            data["guild_id"] = message["guild_id"]
        self.gateway("MESSAGE_DELETE", data)
        await self.settle()

    # --- what users see --------------------------------------------------------------------

    def seen(self, channel_id: int) -> list[dict[str, Any]]:
        return self.world.in_channel(channel_id)

    def texts(self, channel_id: int) -> str:
        """Everything visible in a channel as one string (content and embed descriptions)."""
        return "\n".join(_text(m) for m in self.seen(channel_id))

    def thread_of(self, channel_id: int) -> dict[str, Any]:
        threads = self.world.threads_of(channel_id)
        assert len(threads) == 1, threads
        return threads[0]

    def private(self, it: Interaction) -> list[dict[str, Any]]:
        """The ephemeral messages the interaction's user saw."""
        msgs = ([it.original] if it.original else []) + it.followups
        return [m for m in dict((m["id"], m) for m in msgs).values() if m["flags"] & EPHEMERAL]


def _text(message: dict[str, Any]) -> str:
    parts = [message.get("content") or ""]
    parts += [e.get("description") or "" for e in message.get("embeds") or []]
    return "\n".join(p for p in parts if p)


def all_text(it: Interaction) -> str:
    """Everything the interaction answered: original response and follow-ups."""
    msgs = ([it.original] if it.original else []) + it.followups
    return "\n".join(_text(m) for m in dict((m["id"], m) for m in msgs).values())


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for row in message.get("components") or [] for b in row["components"]]


def is_thread(channel: dict[str, Any]) -> bool:
    return channel["type"] in THREADS


class Course:
    """The usual cast: a course server where Coach has Manage Server and Ada and Bo learn, and
    Ada's own server, where she is the owner (so Manage Server there too)."""

    def __init__(self, world: World | None = None) -> None:
        w = self.world = world or World()
        self.owner, self.coach = w.add_user("Owner"), w.add_user("Coach")
        self.ada, self.bo = w.add_user("Ada"), w.add_user("Bo")
        self.guild = w.add_guild("MLOps course", owner=self.owner)
        admins = w.add_role(self.guild, discord.Permissions(manage_guild=True))
        w.join(self.guild, self.coach, admins)
        w.join(self.guild, self.ada)
        w.join(self.guild, self.bo)
        self.general = w.add_channel(self.guild, "general")
        self.news = w.add_channel(self.guild, "announcements", NEWS)
        self.forum = w.add_channel(self.guild, "help-forum", FORUM)
        self.own = w.add_guild("Ada's lab", owner=self.ada)
        self.own_channel = w.add_channel(self.own, "lab")

    def bot_perms(self, guild: Guild) -> discord.Permissions:
        """The bot's role in a guild (change it to take rights away)."""
        return guild.roles[guild.members[APP_ID][0]]

    def forum_post(self, name: str = "Week plans") -> int:
        """A post (thread) in the forum, as a user would create it."""
        tid = snowflake()
        self.world.channels[tid] = {
            "id": str(tid), "type": PUBLIC_THREAD, "guild_id": str(self.guild.id),
            "parent_id": str(self.forum), "owner_id": str(self.ada), "name": name,
            "last_message_id": None, "rate_limit_per_user": 0, "flags": 0,
            "message_count": 0, "member_count": 1, "total_message_sent": 0,
            "thread_metadata": {
                "archived": False, "auto_archive_duration": 1440,
                "archive_timestamp": "2026-11-30T09:00:00+00:00", "locked": False,
            },
        }  # fmt: skip
        self.world.events.append(("THREAD_CREATE", self.world.channels[tid]))
        return tid
