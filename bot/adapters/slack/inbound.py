"""Slack payloads -> the neutral Incoming and Activity (no I/O here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from bot.adapters.slack.render import parse_action_id
from bot.core.activity import Activity, MessageDeleted, MessagePosted, ReactionAdded
from bot.core.incoming import ButtonPress, Incoming

PLATFORM = "slack"
Payload = dict[str, Any]
# Messages that are a person speaking; other subtypes (joins, edits, bots) are not.
SPOKEN_SUBTYPES = frozenset({None, "thread_broadcast", "file_share", "me_message"})


@dataclass(frozen=True)
class Person:
    """What the adapter knows about a Slack user: a display name and admin rights."""

    name: str = ""
    is_admin: bool = False


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """Remove the bot's own `<@U...>` mentions from a message's text."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def is_from_bot(event: Payload) -> bool:
    """Bot posts (other apps and ourselves) are never questions."""
    return bool(event.get("bot_id") or event.get("subtype") == "bot_message")


def message_key(team: str, event: Payload) -> str:
    """The key of one message, shared by its `app_mention` and `message` deliveries."""
    return f"msg:{team}:{event.get('channel', '')}:{event.get('ts', '')}"


def from_command(body: Payload, name: str, person: Person, thread: str | None) -> Incoming:
    """A slash command (its name without the configured prefix) as `/name args`."""
    text = f"/{name} {body.get('text', '')}".strip()
    channel = str(body.get("channel_id", ""))
    return Incoming(
        platform=PLATFORM,
        workspace=str(body.get("team_id", "")),
        channel=channel,
        user=str(body.get("user_id", "")),
        text=text,
        display_name=person.name or str(body.get("user_name", "")),
        thread=thread,
        is_dm=channel.startswith("D") or body.get("channel_name") == "directmessage",
        mentions_bot=True,
        is_admin=person.is_admin,
        raw=MappingProxyType(body),
    )


def from_message(
    team: str, event: Payload, person: Person, bot_user_id: str | None, event_id: str | None
) -> Incoming:
    """A mention, a DM or a thread reply, threaded under the question."""
    text = str(event.get("text", ""))
    return Incoming(
        platform=PLATFORM,
        workspace=team,
        channel=str(event.get("channel", "")),
        user=str(event.get("user", "")),
        text=strip_mention(text, bot_user_id),
        display_name=person.name,
        thread=str(event.get("thread_ts") or event.get("ts") or "") or None,
        is_dm=event.get("channel_type") == "im",
        mentions_bot=bool(bot_user_id and f"<@{bot_user_id}" in text),
        is_admin=person.is_admin,
        event_id=event_id,
        sent_at=sent_at(event.get("ts")),
        raw=MappingProxyType(event),
    )


def sent_at(ts: object) -> datetime | None:
    """A Slack message ts (`"1700000000.000100"`) as the UTC time it was sent."""
    try:
        return datetime.fromtimestamp(float(str(ts)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def from_action(body: Payload, action: Payload, person: Person) -> Incoming | None:
    """A press on one of our buttons; None for buttons that are not ours."""
    name = parse_action_id(str(action.get("action_id", "")))
    if name is None:
        return None
    message = body.get("message") or {}
    container = body.get("container") or {}
    user = body.get("user") or {}
    return Incoming(
        platform=PLATFORM,
        workspace=str((body.get("team") or {}).get("id") or user.get("team_id", "")),
        channel=str((body.get("channel") or {}).get("id") or container.get("channel_id", "")),
        user=str(user.get("id", "")),
        display_name=person.name,
        thread=str(message.get("thread_ts") or message.get("ts") or "") or None,
        is_admin=person.is_admin,
        press=ButtonPress(name, str(action.get("value", ""))),
        raw=MappingProxyType(body),
    )


def activity_of(team: str, event: Payload) -> Activity | None:
    """A channel message, reply, reaction or deletion as community activity."""
    kind, subtype = event.get("type"), event.get("subtype")
    channel = str(event.get("channel") or (event.get("item") or {}).get("channel", ""))
    if kind == "reaction_added":
        item = event.get("item") or {}
        if item.get("type") != "message" or not event.get("item_user"):
            return None
        return ReactionAdded(
            PLATFORM, team, channel, str(item.get("ts", "")), str(event["item_user"]),
            str(event.get("user", "")), str(event.get("reaction", "")),
        )  # fmt: skip
    if kind != "message" or event.get("channel_type") == "im":
        return None
    if subtype == "message_deleted":
        previous = event.get("previous_message") or {}
        return MessageDeleted(
            PLATFORM, team, channel, str(event.get("deleted_ts", "")), str(previous.get("user", ""))
        )
    if subtype not in SPOKEN_SUBTYPES or not event.get("user"):
        return None
    thread, ts = event.get("thread_ts"), str(event.get("ts", ""))
    is_reply = bool(thread and thread != ts)
    return MessagePosted(
        platform=PLATFORM,
        workspace=team,
        channel=channel,
        message_id=ts,
        user=str(event["user"]),
        text=str(event.get("text", "")),
        thread=str(thread) if thread else None,
        reply_to_user=str(event.get("parent_user_id") or "") or None if is_reply else None,
        reply_to_message=str(thread) if is_reply else None,
        is_bot=is_from_bot(event),
    )
