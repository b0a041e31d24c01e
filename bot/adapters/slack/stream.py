"""An answer written by the model, shown as it grows: a placeholder, edits, then the reply.

When the core starts calling the model (never for declines or extractive answers), a
"thinking…" message is posted in the thread at once. The answer's text replaces it as it
streams, at most one `chat.update` per `UPDATE_SECONDS` (Slack allows about one message
update per second in a channel). The finished reply, with its citations and feedback buttons,
then replaces the placeholder, so the thread ends with one answer message.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import texts
from bot.adapters.slack.post import Where, deliver, upload
from bot.adapters.slack.render import escape, images, render
from bot.adapters.slack.tutor import SlackTutor
from bot.core.incoming import Incoming
from bot.core.reply import Reply

log = logging.getLogger(__name__)
UPDATE_SECONDS = 1.0
PARTIAL_LIMIT = 3500
"""Longest text shown while streaming (the finished reply is rendered in full)."""


async def answer_streaming(
    tutor: SlackTutor, client: AsyncWebClient, incoming: Incoming, where: Where
) -> None:
    """Route a message whose answer may come from the model, showing it as it is written."""
    stream = SlackAnswerStream(client, where)
    try:
        replies = await tutor.handle(incoming, sink=stream)
    except BaseException:
        await stream.finish([])  # no placeholder left behind
        raise
    await stream.finish(replies)


class SlackAnswerStream:
    """An `AnswerSink` for one message: called from the core's thread, posts on the loop."""

    def __init__(
        self,
        client: AsyncWebClient,
        where: Where,
        *,
        interval: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._client = client
        self._where = where
        self._interval = UPDATE_SECONDS if interval is None else interval
        self._loop = asyncio.get_running_loop()
        self._clock = clock or self._loop.time
        self._queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        self._last_edit = -math.inf
        self._shown = ""
        self.placeholder: str | None = None
        self._pump = self._loop.create_task(self._run())

    def started(self) -> None:
        """The model is being called: post the placeholder."""
        self._loop.call_soon_threadsafe(self._queue.put_nowait, ("start", ""))

    def partial(self, text: str) -> None:
        """The answer so far."""
        self._loop.call_soon_threadsafe(self._queue.put_nowait, ("text", text))

    async def _run(self) -> None:
        while True:
            kind, text = await self._queue.get()
            if kind == "end":
                return
            try:
                if kind == "start":
                    await self._post_placeholder()
                elif self.placeholder and self._clock() - self._last_edit >= self._interval:
                    await self._edit(text)
            except SlackApiError as exc:  # a lost edit is not worth failing the answer
                log.info("streaming edit failed: %s", exc.response.get("error"))

    async def _post_placeholder(self) -> None:
        posted = await self._client.chat_postMessage(
            channel=self._where.channel, thread_ts=self._where.thread_ts, text=texts.THINKING
        )
        self.placeholder = str(posted["ts"])

    async def _edit(self, text: str) -> None:
        shown = escape(text[:PARTIAL_LIMIT]) + texts.STILL_WRITING
        if shown == self._shown or self.placeholder is None:
            return
        self._last_edit = self._clock()
        self._shown = shown
        await self._client.chat_update(channel=self._where.channel, ts=self.placeholder, text=shown)

    async def finish(self, replies: list[Reply]) -> None:
        """Replace the placeholder with the first public reply, then post the rest."""
        self._loop.call_soon(self._queue.put_nowait, ("end", ""))  # after queued progress
        await self._pump
        first = next((r for r in replies if not r.ephemeral), None)
        if self.placeholder is None or first is None:
            if self.placeholder is not None:
                await self._client.chat_delete(channel=self._where.channel, ts=self.placeholder)
            await deliver(self._client, replies, self._where)
            return
        at = replies.index(first)
        await deliver(self._client, replies[:at], self._where)
        await self._replace(first)
        await deliver(self._client, replies[at + 1 :], self._where)

    async def _replace(self, reply: Reply) -> None:
        assert self.placeholder is not None
        messages = render(reply)
        where = self._where
        if not messages:
            await self._client.chat_delete(channel=where.channel, ts=self.placeholder)
            return
        head, rest = messages[0], messages[1:]
        await self._client.chat_update(
            channel=where.channel, ts=self.placeholder, text=head.text, blocks=head.blocks
        )
        for message in rest:
            await self._client.chat_postMessage(
                channel=where.channel,
                thread_ts=where.thread_ts,
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
        for image in images(reply):
            await upload(self._client, image, where.channel, where.thread_ts)
