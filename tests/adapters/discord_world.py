"""A small Discord: guilds, roles, channels, threads, messages and interactions, and the rules
Discord enforces on a bot's requests. `discord_server` serves it over HTTP on
127.0.0.1 and `fake_discord` drives the real client against it.

The rules (each refusal is the status, code and message Discord answers with):
- an interaction gets one callback; follow-ups and edits of the original need it first; the
  first follow-up of a deferred "thinking…" replaces it, public or ephemeral as the defer was;
- content at most 2,000 characters, embeds within their limits, no empty messages (an edit
  that would leave one empty included; a null field clears it), components within their limits
  (custom_id <= 100, 5 per row, 5 rows): discord_limits.py;
- at most 5 message edits per 5 s in one channel, and per interaction token (429 with
  `retry_after`, which discord.py waits out and retries: the 429 is still a refusal);
- the bot deletes its own messages; others' need Manage Messages;
- threads only from messages in text and news channels, with Create Public Threads;
- sending needs View Channel and Send Messages (Send Messages in Threads in a thread);
  forums, categories and voice channels take no messages; attachments need Attach Files;
- permissions come from each guild's roles, so one user can be an admin in one guild only
  (channel overwrites are not modelled);
- a user who closed their DMs gets none (403, 50007).
The project's own rule rides along: every post passes `allowed_mentions` that ping nobody.
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord

from tests.adapters.discord_limits import EditRateLimit, Refused, check_message

APP_ID = 900_000_000_000_000_001  # the bot user and the application share the id
TOKEN = "test-token"
TEXT, DM, VOICE, CATEGORY, NEWS, NEWS_THREAD, PUBLIC_THREAD, PRIVATE_THREAD, FORUM = (
    0, 1, 2, 4, 5, 10, 11, 12, 15,
)  # fmt: skip
THREADS = (NEWS_THREAD, PUBLIC_THREAD, PRIVATE_THREAD)
EPHEMERAL = 64
LOADING = 128
_ids = itertools.count(100_000_000_000_000_000)
_STAMP = datetime(2026, 11, 30, 9, 0, tzinfo=UTC).isoformat()


def snowflake() -> int:
    return next(_ids)


def user_payload(uid: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(uid), "username": name, "global_name": name, "discriminator": "0",
        "avatar": None, "bot": bot,
    }  # fmt: skip


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, discord.Permissions] = field(default_factory=dict)  # role id -> perms
    members: dict[int, list[int]] = field(default_factory=dict)  # user id -> role ids

    def permissions(self, uid: int) -> discord.Permissions:
        if uid == self.owner_id:
            return discord.Permissions.all()
        if uid not in self.members:
            return discord.Permissions.none()
        value = self.roles[self.id].value  # @everyone shares the guild's id
        for role in self.members.get(uid, []):
            value |= self.roles[role].value
        perms = discord.Permissions(value)
        return discord.Permissions.all() if perms.administrator else perms


@dataclass
class Interaction:
    """Discord's side of an interaction: its callback, original message and follow-ups."""

    id: int
    token: str
    kind: int
    channel_id: int
    user_id: int
    callback: int | None = None  # the callback type once answered
    ephemeral: bool = False
    original: dict[str, Any] | None = None
    followups: list[dict[str, Any]] = field(default_factory=list)
    choices: list[dict[str, Any]] | None = None  # an autocomplete answer
    deleted: list[dict[str, Any]] = field(default_factory=list)  # responses deleted by the bot

    @property
    def loading(self) -> bool:
        return self.original is not None and bool(self.original["flags"] & LOADING)

    @property
    def thinking(self) -> bool:
        """Deferred with "thinking…" and never followed up nor edited: the user is stuck."""
        return self.loading


class World:
    """Everything the fake Discord knows, and every request the bot made."""

    def __init__(self) -> None:
        self.users: dict[int, dict[str, Any]] = {APP_ID: user_payload(APP_ID, "Tutor", bot=True)}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, dict[str, Any]] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        self.interactions: dict[int, Interaction] = {}
        self.by_token: dict[str, Interaction] = {}
        self.commands: dict[str, dict[str, Any]] = {}  # global, by name
        self.guild_commands: dict[int, dict[str, dict[str, Any]]] = {}
        self.requests: list[tuple[str, str, Any]] = []  # method, path, json body
        self.refusals: list[Refused] = []
        self.events: deque[tuple[str, dict[str, Any]]] = deque()  # gateway events to deliver
        self.message_content_intent = True
        self.closed_dms: set[int] = set()  # users who accept no DMs from the bot
        self.edit_limit = EditRateLimit()

    # --- building the world ---------------------------------------------------------------

    def add_user(self, name: str, *, bot: bool = False) -> int:
        uid = snowflake()
        self.users[uid] = user_payload(uid, name, bot=bot)
        return uid

    def add_guild(
        self,
        name: str,
        *,
        owner: int,
        everyone: discord.Permissions | None = None,
        bot: discord.Permissions | None = None,
    ) -> Guild:
        """A guild where @everyone may read and write, and the bot has the invite's rights."""
        from bot.adapters.discord.invite import needed_permissions

        gid = snowflake()
        member_perms = discord.Permissions(
            view_channel=True, send_messages=True, send_messages_in_threads=True,
            create_public_threads=True, read_message_history=True, add_reactions=True,
        )  # fmt: skip
        guild = Guild(gid, name, owner, {gid: everyone or member_perms})
        bot_role = self.add_role(guild, bot or needed_permissions())
        guild.members[APP_ID] = [bot_role]
        guild.members[owner] = []
        self.guilds[gid] = guild
        return guild

    def add_role(self, guild: Guild, perms: discord.Permissions) -> int:
        rid = snowflake()
        guild.roles[rid] = perms
        return rid

    def join(self, guild: Guild, uid: int, *roles: int) -> None:
        guild.members[uid] = list(roles)

    def add_channel(self, guild: Guild, name: str, kind: int = TEXT) -> int:
        cid = snowflake()
        self.channels[cid] = {
            "id": str(cid), "type": kind, "guild_id": str(guild.id), "name": name,
            "position": len(self.channels), "permission_overwrites": [], "nsfw": False,
            "parent_id": None, "topic": None, "last_message_id": None,
            "rate_limit_per_user": 0, "flags": 0, "available_tags": [],
        }  # fmt: skip
        return cid

    def guild_payload(self, guild: Guild) -> dict[str, Any]:
        """GUILD_CREATE as the gateway sends it (the bot's own member included)."""
        roles = [
            {
                "id": str(rid), "name": "@everyone" if rid == guild.id else f"role-{rid}",
                "permissions": str(p.value), "position": 0 if rid == guild.id else 1,
                "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0,
            }
            for rid, p in guild.roles.items()
        ]  # fmt: skip
        channels = [
            c for c in self.channels.values() if c.get("guild_id") == str(guild.id)
            and c["type"] not in THREADS
        ]  # fmt: skip
        return {
            "id": str(guild.id), "name": guild.name, "owner_id": str(guild.owner_id),
            "roles": roles, "channels": channels, "threads": [], "emojis": [], "stickers": [],
            "features": [], "members": [self.member_payload(guild, APP_ID)],
            "member_count": len(guild.members), "large": False, "unavailable": False,
            "joined_at": _STAMP, "voice_states": [], "presences": [],
        }  # fmt: skip

    def member_payload(self, guild: Guild, uid: int, *, with_perms: bool = False) -> dict[str, Any]:
        member: dict[str, Any] = {
            "user": self.users[uid], "roles": [str(r) for r in guild.members.get(uid, [])],
            "joined_at": _STAMP, "deaf": False, "mute": False, "flags": 0, "nick": None,
        }  # fmt: skip
        if with_perms:
            member["permissions"] = str(guild.permissions(uid).value)
        return member

    # --- what the bot may do -----------------------------------------------------------------

    def guild_of(self, channel: dict[str, Any]) -> Guild | None:
        gid = channel.get("guild_id")
        return self.guilds[int(gid)] if gid else None

    def channel(self, cid: int) -> dict[str, Any]:
        if cid not in self.channels:
            raise Refused(404, 10003, "Unknown Channel")
        return self.channels[cid]

    def bot_may(self, channel: dict[str, Any], *names: str) -> None:
        guild = self.guild_of(channel)
        if guild is None:
            return
        perms = guild.permissions(APP_ID)
        if not all(getattr(perms, n) for n in ("view_channel", *names)):
            raise Refused(403, 50013, "Missing Permissions")

    def check_message(self, body: dict[str, Any], files: int, *, edit: bool = False) -> None:
        check_message(body, files, edit=edit)

    # --- messages ------------------------------------------------------------------------------

    def new_message(
        self, channel_id: int, author: int, body: dict[str, Any], **extra: Any
    ) -> dict[str, Any]:
        channel = self.channels.get(channel_id)
        mid = snowflake()
        message: dict[str, Any] = {
            "id": str(mid), "channel_id": str(channel_id), "type": 0, "author": self.users[author],
            "content": body.get("content") or "", "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [_attachment(a) for a in body.get("attachments") or []],
            "flags": body.get("flags") or 0, "timestamp": _STAMP, "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [],
            "pinned": False,
        }  # fmt: skip
        if channel is not None and channel.get("guild_id"):
            message["guild_id"] = channel["guild_id"]
        message.update(extra)
        self.messages[mid] = message
        if channel is not None:
            channel["last_message_id"] = str(mid)
        return message

    def in_channel(self, cid: int) -> list[dict[str, Any]]:
        """The messages visible in a channel or thread, oldest first (ephemeral ones excluded)."""
        return [
            m for m in self.messages.values()
            if m["channel_id"] == str(cid) and not m["flags"] & EPHEMERAL
        ]  # fmt: skip

    def threads_of(self, cid: int) -> list[dict[str, Any]]:
        return [c for c in self.channels.values() if c.get("parent_id") == str(cid)]

    def start_thread(self, channel_id: int, message_id: int, name: str) -> dict[str, Any]:
        channel = self.channel(channel_id)
        if channel["type"] not in (TEXT, NEWS):
            raise Refused(400, 50024, "Cannot execute action on this channel type")
        self.bot_may(channel, "create_public_threads")
        message = self.messages.get(message_id)
        if message is None or message["channel_id"] != str(channel_id):
            raise Refused(404, 10008, "Unknown Message")
        if message["flags"] & EPHEMERAL:
            raise Refused(400, 50024, "Cannot execute action on this channel type")
        if not 1 <= len(name) <= 100:
            raise Refused(
                400, 50035, "Invalid Form Body: name: Must be between 1 and 100 in length."
            )
        tid = message_id  # a thread started from a message shares its id
        thread = {
            "id": str(tid), "type": NEWS_THREAD if channel["type"] == NEWS else PUBLIC_THREAD,
            "guild_id": channel["guild_id"], "parent_id": str(channel_id), "owner_id": str(APP_ID),
            "name": name, "last_message_id": None, "rate_limit_per_user": 0, "flags": 0,
            "message_count": 0, "member_count": 1, "total_message_sent": 0,
            "thread_metadata": {
                "archived": False, "auto_archive_duration": 1440, "archive_timestamp": _STAMP,
                "locked": False,
            },
        }  # fmt: skip
        self.channels[tid] = thread
        self.events.append(("THREAD_CREATE", {**thread, "newly_created": True}))
        return thread

    def post(self, channel_id: int, body: dict[str, Any], files: int) -> dict[str, Any]:
        """POST /channels/{id}/messages by the bot."""
        channel = self.channel(channel_id)
        if channel["type"] in (FORUM, CATEGORY, VOICE):
            raise Refused(400, 50008, "Cannot send messages in a non-text channel")
        needs = ["send_messages_in_threads" if channel["type"] in THREADS else "send_messages"]
        if files:
            needs.append("attach_files")
        self.bot_may(channel, *needs)
        if channel["type"] == DM and int(channel["recipients"][0]["id"]) in self.closed_dms:
            raise Refused(403, 50007, "Cannot send messages to this user")
        self.check_message(body, files)
        message = self.new_message(channel_id, APP_ID, body)
        self.events.append(("MESSAGE_CREATE", message))
        return message

    def edit(self, channel_id: int, message_id: int, body: dict[str, Any]) -> dict[str, Any]:
        self.edit_limit.hit(f"channel:{channel_id}")
        message = self.messages.get(message_id)
        if message is None or message["channel_id"] != str(channel_id):
            raise Refused(404, 10008, "Unknown Message")
        if message["author"]["id"] != str(APP_ID):
            raise Refused(403, 50005, "Cannot edit a message authored by another user")
        return self._apply_edit(message, body)

    def delete(self, channel_id: int, message_id: int) -> None:
        """DELETE /channels/{id}/messages/{id}: the bot's own, or anyone's with the right."""
        channel = self.channel(channel_id)
        message = self.messages.get(message_id)
        if message is None or message["channel_id"] != str(channel_id):
            raise Refused(404, 10008, "Unknown Message")
        if message["author"]["id"] != str(APP_ID):
            self.bot_may(channel, "manage_messages")
        self._remove(message)

    def _remove(self, message: dict[str, Any]) -> None:
        del self.messages[int(message["id"])]
        event = {"id": message["id"], "channel_id": message["channel_id"]}
        if "guild_id" in message:
            event["guild_id"] = message["guild_id"]
        self.events.append(("MESSAGE_DELETE", event))

    def _apply_edit(self, message: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        self.check_message(body, 0, edit=True)
        cleared = {"content": "", "embeds": [], "components": [], "attachments": []}
        changed = {
            k: (cleared[k] if body[k] is None else body[k]) for k in cleared if k in body
        }  # a null field clears it
        if body.get("attachments") is not None:
            changed["attachments"] = _kept_and_new(message["attachments"], body["attachments"])
        after = {**message, **changed}
        if not any(after[k] for k in cleared):
            raise Refused(400, 50006, "Cannot send an empty message")
        message.update(changed)
        if body.get("flags") is not None:
            message["flags"] = body["flags"]
        message["edited"] = True
        message["edited_timestamp"] = _STAMP
        return message

    # --- interactions --------------------------------------------------------------------------

    def interaction(self, token: str) -> Interaction:
        found = self.by_token.get(token)
        if found is None:
            raise Refused(401, 50027, "Invalid Webhook Token")
        return found

    def respond(self, interaction_id: int, token: str, body: dict[str, Any], files: int) -> Any:
        """POST /interactions/{id}/{token}/callback."""
        it = self.interaction(token)
        if it.id != interaction_id:
            raise Refused(404, 10062, "Unknown interaction")
        if it.callback is not None:
            raise Refused(400, 40060, "Interaction has already been acknowledged.")
        kind, data = body["type"], body.get("data") or {}
        if kind == 8:
            if it.kind != 4 or len(data.get("choices", [])) > 25:
                raise Refused(400, 50035, "Invalid Form Body: choices")
            it.callback, it.choices = kind, data.get("choices", [])
            return {"interaction": {"id": str(it.id), "type": it.kind}}
        if kind in (6, 7) and it.kind != 3:
            raise Refused(400, 40004, "Interaction callback type invalid for this interaction")
        if kind in (4, 7):
            self.check_message(data, files, edit=kind == 7)
        it.callback = kind
        it.ephemeral = bool((data.get("flags") or 0) & EPHEMERAL)
        response: dict[str, Any] = {"id": str(it.id), "type": it.kind}
        if kind in (4, 5):
            flags = EPHEMERAL if it.ephemeral else 0
            it.original = self.new_message(
                it.channel_id, APP_ID, {**data, "flags": flags | (LOADING if kind == 5 else 0)},
                webhook_id=str(APP_ID), application_id=str(APP_ID),
            )  # fmt: skip
            response.update(
                response_message_id=it.original["id"],
                response_message_loading=kind == 5,
                response_message_ephemeral=it.ephemeral,
            )
            return {"interaction": response, "resource": {"type": kind, "message": it.original}}
        if kind == 7:
            assert it.original is not None
            self._apply_edit(it.original, data)
        return {"interaction": response}

    def followup(self, token: str, body: dict[str, Any], files: int) -> dict[str, Any]:
        """POST /webhooks/{app}/{token}: only after the callback."""
        it = self.interaction(token)
        if it.callback is None:
            raise Refused(404, 10015, "Unknown Webhook")
        self.check_message(body, files)
        flags = body.get("flags") or 0
        if it.loading:
            assert it.original is not None
            # the first follow-up of a deferred response replaces "thinking…", and is ephemeral
            # exactly when the defer was
            flags = (flags & ~EPHEMERAL) | (EPHEMERAL if it.ephemeral else 0)
            message = self._apply_edit(it.original, {**body, "flags": flags})
            message["flags"] &= ~LOADING
        else:
            message = self.new_message(
                it.channel_id, APP_ID, {**body, "flags": flags},
                webhook_id=str(APP_ID), application_id=str(APP_ID),
            )  # fmt: skip
        it.followups.append(message)
        return {k: v for k, v in message.items() if k != "guild_id"}  # webhooks omit it

    def edit_original(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        self.edit_limit.hit(f"webhook:{token}")
        it = self.interaction(token)
        if it.callback is None:
            raise Refused(404, 10015, "Unknown Webhook")
        if it.original is None:
            raise Refused(404, 10008, "Unknown Message")
        message = self._apply_edit(it.original, body)
        message["flags"] &= ~LOADING
        return message

    def edit_followup(self, token: str, message_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self.edit_limit.hit(f"webhook:{token}")
        it = self.interaction(token)
        mine = [f for f in it.followups if f["id"] == message_id]
        if not mine:
            raise Refused(404, 10008, "Unknown Message")
        return self._apply_edit(mine[0], body)

    def delete_original(self, token: str) -> None:
        """DELETE /webhooks/{app}/{token}/messages/@original: the response (a deferred
        "thinking…" too) disappears; later follow-ups are messages of their own, public or
        ephemeral as each asks."""
        it = self.interaction(token)
        if it.callback is None:
            raise Refused(404, 10015, "Unknown Webhook")
        if it.original is None or int(it.original["id"]) not in self.messages:
            raise Refused(404, 10008, "Unknown Message")
        self._remove(it.original)
        it.deleted.append(it.original)
        it.original = None


def _kept_and_new(stored: list[dict[str, Any]], sent: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An edit's attachments as Discord stores them: an existing one named by its id is kept,
    a new upload (with a filename) becomes a full attachment object."""
    by_id = {a["id"]: a for a in stored}
    return [
        by_id[str(a["id"])] if "filename" not in a and str(a.get("id")) in by_id
        else _attachment(a)
        for a in sent
        if "filename" in a or str(a.get("id")) in by_id
    ]  # fmt: skip


def _attachment(sent: dict[str, Any]) -> dict[str, Any]:
    aid = snowflake()
    url = f"https://cdn.example/attachments/{aid}/{sent['filename']}"
    return {
        "id": str(aid), "filename": sent["filename"], "size": 1, "url": url, "proxy_url": url,
        "description": sent.get("description"),
    }  # fmt: skip
