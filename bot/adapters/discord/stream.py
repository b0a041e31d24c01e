"""A model's answer shown as it is written, in a deferred interaction's "thinking…" message.

`/ask` defers with `thinking=True`, so Discord shows "MLOps Tutor is thinking…" at once. When
the model streams, that original response is edited with the answer so far, at most once per
`UPDATE_SECONDS` (Discord allows 5 edits per 5 s in a channel). The finished reply then
replaces it, and any further replies follow as follow-ups. Without a streamed answer nothing
here runs and the replies are sent as usual.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable
from typing import Any

import discord

from bot.adapters.discord import texts
from bot.adapters.discord.deliver import NO_PINGS, followup_replies, message_kwargs
from bot.adapters.discord.markdown import MESSAGE_LIMIT, clip, to_discord
from bot.adapters.discord.render import render
from bot.core.reply import Reply

log = logging.getLogger(__name__)
UPDATE_SECONDS = 1.2


class InteractionAnswerStream:
    """An `AnswerSink` that edits a deferred interaction's original response as text arrives.

    The core calls `started`/`partial` from its worker thread; edits run on the event loop.
    """

    def __init__(
        self,
        interaction: discord.Interaction[Any],
        *,
        interval: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._interaction = interaction
        self._interval = UPDATE_SECONDS if interval is None else interval
        self._loop = asyncio.get_running_loop()
        self._clock = clock or self._loop.time
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._last_edit = -math.inf
        self.edited = False
        self._pump = self._loop.create_task(self._run())

    def started(self) -> None:
        """Nothing to post: the deferred response already says the bot is thinking."""

    def partial(self, text: str) -> None:
        """The answer so far."""
        self._loop.call_soon_threadsafe(self._queue.put_nowait, text)

    async def _run(self) -> None:
        while (text := await self._queue.get()) is not None:
            if self._clock() - self._last_edit < self._interval:
                continue
            self._last_edit = self._clock()
            shown = clip(to_discord(text), MESSAGE_LIMIT - len(texts.STILL_WRITING))
            try:
                await self._interaction.edit_original_response(
                    content=shown + texts.STILL_WRITING, allowed_mentions=NO_PINGS
                )
                self.edited = True
            except discord.HTTPException as exc:  # a lost edit is not worth failing the answer
                log.info("streaming edit failed: HTTP %s", exc.status)

    async def finish(self, replies: list[Reply], *, private: bool = False) -> None:
        """Put the finished reply where the partial answer was; the rest as follow-ups."""
        self._loop.call_soon(self._queue.put_nowait, None)  # after queued progress
        await self._pump
        first = next((r for r in replies if not r.ephemeral), None)
        outgoing = render(first) if first is not None and self.edited else []
        if not outgoing or outgoing[0].files:
            await followup_replies(self._interaction, replies, private=private)
            return
        at = replies.index(first)  # type: ignore[arg-type]
        await followup_replies(self._interaction, replies[:at], private=private)
        kwargs = message_kwargs(outgoing[0])
        kwargs.setdefault("content", None)
        await self._interaction.edit_original_response(**kwargs)
        for out in outgoing[1:]:
            await self._interaction.followup.send(**message_kwargs(out), wait=True)
        await followup_replies(self._interaction, replies[at + 1 :], private=private)
