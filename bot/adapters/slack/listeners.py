"""Event and button listeners: mentions, DMs, quiz threads, presses, community activity."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import inbound, texts
from bot.adapters.slack.post import Where, deliver
from bot.adapters.slack.render import answered_blocks
from bot.adapters.slack.stream import answer_streaming
from bot.adapters.slack.tutor import SlackTutor
from bot.core.quiz.render import ANSWER_ACTION

log = logging.getLogger(__name__)
Payload = dict[str, Any]


def team_of(body: Payload, context: AsyncBoltContext) -> str:
    """The workspace (team) id of a request."""
    return str(context.team_id or body.get("team_id") or "")


class EventListeners:
    """Listeners for the Events API and block actions; each is registered on the AsyncApp."""

    def __init__(self, tutor: SlackTutor) -> None:
        self.tutor = tutor

    async def on_mention(
        self, body: Payload, event: Payload, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        """`@tutor question` in a channel: answered in a thread under the question."""
        if not inbound.is_from_bot(event):
            await self._answer(body, event, client, context)

    async def on_message(
        self, body: Payload, event: Payload, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        """DMs are questions; channel messages feed activity, and quiz threads take answers."""
        if inbound.is_from_bot(event) or event.get("subtype") not in inbound.SPOKEN_SUBTYPES:
            await self._observe(body, event, context)
            return
        if event.get("channel_type") == "im":
            await self._answer(body, event, client, context)
            return
        await self._observe(body, event, context)
        bot = context.bot_user_id
        if not event.get("thread_ts") or (bot and f"<@{bot}" in str(event.get("text", ""))):
            return  # top-level chatter is never answered; mentions go through app_mention
        team = team_of(body, context)
        channel, user = str(event.get("channel", "")), str(event.get("user", ""))
        text = inbound.strip_mention(str(event.get("text", "")), bot)
        if await self.tutor.answers_here(team, channel, user, str(event["thread_ts"]), text):
            await self._answer(body, event, client, context)

    async def on_reaction(self, body: Payload, event: Payload, context: AsyncBoltContext) -> None:
        """A reaction to a message counts for its author (the core drops self-reactions)."""
        await self._observe(body, event, context)

    async def on_action(
        self,
        ack: AsyncAck,
        body: Payload,
        action: Payload,
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        """A press on one of our buttons; a counted quiz answer removes the question's buttons."""
        await ack()
        try:
            await self._press(body, action, client, context)
        except Exception:  # after the ack nothing may reach Bolt: log, and tell the learner
            log.exception("a button press failed after its ack")
            await _tell(client, body, self.tutor.naming.text(texts.FAILED))

    async def _press(
        self, body: Payload, action: Payload, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        team, user = team_of(body, context), str((body.get("user") or {}).get("id", ""))
        person = await self.tutor.person(client, team, user)
        incoming = inbound.from_action(body, action, person)
        if incoming is None or incoming.press is None:
            return
        replies = await self.tutor.handle(incoming)
        message = body.get("message") or {}
        counted = any(not r.ephemeral for r in replies)
        if incoming.press.action == ANSWER_ACTION and counted and message.get("ts"):
            label = str((action.get("text") or {}).get("text", ""))
            await client.chat_update(
                channel=incoming.channel,
                ts=str(message["ts"]),
                text=str(message.get("text", "")),
                blocks=answered_blocks(list(message.get("blocks") or []), user, label),
            )
        await deliver(client, replies, Where(incoming.channel, user, incoming.thread))

    async def _answer(
        self, body: Payload, event: Payload, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        team = team_of(body, context)
        if not await self.tutor.claim(inbound.message_key(team, event)):
            log.info("duplicate delivery of %s dropped", body.get("event_id"))
            return
        try:
            person = await self.tutor.person(client, team, str(event.get("user", "")))
            incoming = inbound.from_message(
                team, event, person, context.bot_user_id, body.get("event_id")
            )
            where = Where(incoming.channel, incoming.user, incoming.thread)
            await answer_streaming(self.tutor, client, incoming, where)
        except Exception:  # claimed already: a retry would be dropped, so log it here
            log.exception("answering event %s failed", body.get("event_id"))

    async def _observe(self, body: Payload, event: Payload, context: AsyncBoltContext) -> None:
        activity = inbound.activity_of(team_of(body, context), event)
        if activity is not None:
            await self.tutor.observe(activity)


async def _tell(client: AsyncWebClient, body: Payload, text: str) -> None:
    """A private note to whoever pressed (never raises)."""
    channel = str((body.get("channel") or {}).get("id", ""))
    user = str((body.get("user") or {}).get("id", ""))
    try:
        await client.chat_postEphemeral(channel=channel, user=user, text=text)
    except Exception:
        log.exception("could not tell %s in %s", user, channel)
