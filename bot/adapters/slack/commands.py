"""Slash commands: ack within 3 s, then work; /quiz and /ask open a thread of their own."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import inbound, texts
from bot.adapters.slack.post import Where, deliver
from bot.adapters.slack.render import escape
from bot.adapters.slack.settings import SlackSettings
from bot.adapters.slack.stream import answer_streaming
from bot.adapters.slack.tutor import SlackTutor
from bot.core import texts as core_texts
from bot.core.incoming import MAX_TEXT

log = logging.getLogger(__name__)
THREADED = ("quiz", "interview")
"""Commands that open a thread of their own and run there."""
Payload = dict[str, Any]


class CommandListener:
    """One listener for every slash command; the command name picks the flow."""

    def __init__(self, tutor: SlackTutor, settings: SlackSettings) -> None:
        self.tutor = tutor
        self.naming = settings.naming

    def name_of(self, command: str) -> str:
        """`/tutor-quiz` -> `quiz` (the configured prefix removed)."""
        return self.naming.neutral(command).lstrip("/")

    async def on_command(
        self,
        ack: AsyncAck,
        body: Payload,
        client: AsyncWebClient,
        respond: AsyncRespond,
        context: AsyncBoltContext,
    ) -> None:
        """Ack at once; then answer (ephemeral replies through the response_url).

        Nothing raised after the ack reaches Bolt (it would turn the ack into an error): the
        learner is told privately what happened.
        """
        await ack()
        try:
            await self._work(body, client, respond, context)
        except SlackApiError as exc:
            code = str(exc.response.get("error", ""))
            log.warning("%s: Slack refused a call (%s)", body.get("command"), code)
            await _tell(respond, texts.slack_error(code))
        except Exception:
            log.exception("%s failed after its ack", body.get("command"))
            await _tell(respond, self.tutor.naming.text(texts.FAILED))

    async def _work(
        self,
        body: Payload,
        client: AsyncWebClient,
        respond: AsyncRespond,
        context: AsyncBoltContext,
    ) -> None:
        name = self.name_of(str(body.get("command", "")))
        team = str(context.team_id or body.get("team_id") or "")
        person = await self.tutor.person(client, team, str(body.get("user_id", "")))
        args = str(body.get("text", "")).strip()
        if name in THREADED or (name == "ask" and args):
            await self._in_thread(name, args, body, person, client, respond)
            return
        replies = await self.tutor.handle(inbound.from_command(body, name, person, None))
        where = Where(_channel(body), _user(body), None, respond, public_via_respond=True)
        await deliver(client, replies, where)

    async def _in_thread(
        self,
        name: str,
        args: str,
        body: Payload,
        person: inbound.Person,
        client: AsyncWebClient,
        respond: AsyncRespond,
    ) -> None:
        channel, user = _channel(body), _user(body)
        if len(args) > MAX_TEXT:  # checked before anything is posted in the channel
            too_long = core_texts.TOO_LONG.format(n=len(args), limit=MAX_TEXT)
            await _tell(respond, self.tutor.naming.text(too_long))
            return
        if name == "quiz":
            problem = await self.tutor.quiz_problem(inbound.from_command(body, name, person, None))
            if problem is not None:
                await deliver(client, [problem], Where(channel, user, None, respond))
                return
        starter = _starter(name, args, user)
        try:
            posted = await client.chat_postMessage(channel=channel, text=starter)
        except SlackApiError as exc:
            code = str(exc.response.get("error", ""))
            log.info("cannot post in %s: %s", channel, code)
            await _tell(respond, texts.slack_error(code))
            return
        ts = str(posted["ts"])
        incoming = inbound.from_command(body, name, person, ts)
        if name == "ask":
            await answer_streaming(self.tutor, client, incoming, Where(channel, user, ts, respond))
            return
        replies = await self.tutor.handle(incoming)
        if name in THREADED and not await self.tutor.quiz_running(
            incoming.workspace, channel, user, ts
        ):
            # Nothing started (unknown module, nothing due ...): no empty thread left behind.
            await client.chat_delete(channel=channel, ts=ts)
            private = [dataclasses.replace(r, ephemeral=True) for r in replies]
            await deliver(client, private, Where(channel, user, None, respond))
            return
        await deliver(client, replies, Where(channel, user, ts, respond))


async def _tell(respond: AsyncRespond, text: str) -> None:
    """A private note to the learner through the response_url (never raises)."""
    try:
        await respond(text=text, response_type="ephemeral", replace_original=False)
    except Exception:
        log.exception("could not tell the learner through the response_url")


def _starter(name: str, args: str, user: str) -> str:
    if name == "ask":
        return texts.ASK_STARTER.format(user=user, question=escape(args))
    what = f" ({escape(args)})" if args else ""
    template = texts.INTERVIEW_STARTER if name == "interview" else texts.QUIZ_STARTER
    return template.format(user=user, what=what)


def _channel(body: Payload) -> str:
    return str(body.get("channel_id", ""))


def _user(body: Payload) -> str:
    return str(body.get("user_id", ""))
