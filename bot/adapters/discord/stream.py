"""A model's answer shown as it is written: a placeholder, throttled edits, then the reply.

Only answers the model writes stream (the core calls `started` just before calling it, never
for declines, written or extractive answers); everything else is delivered as before.

- A slash command (`/ask`) is deferred with `thinking=True`: Discord's own "thinking…" is the
  placeholder, and the original response is edited with the answer so far.
- A mention, a DM or a message in the tutor's thread gets a "💭 thinking…" message where the
  answer goes, edited the same way.

Discord allows about 5 edits per 5 seconds in one channel (and per interaction token). Every
edit, the final one included, comes at least `UPDATE_SECONDS` after the one before, so no more
than 5 land in any 5 s; text that arrives meanwhile is coalesced, never queued up. Partial text
is clipped within 2000 characters and every send and edit passes `AllowedMentions.none()`. The
finished reply (sources, 👍/👎) replaces the placeholder; when the core fails, the placeholder
is deleted so no "thinking…" is left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.adapters.discord import texts
from bot.adapters.discord.deliver import (
    NO_PINGS,
    answer_deferred,
    followup_replies,
    message_kwargs,
    send_replies,
)
from bot.adapters.discord.markdown import MESSAGE_LIMIT, clip, to_discord
from bot.adapters.discord.render import Outgoing, render
from bot.core.incoming import Incoming
from bot.core.reply import Reply
from knowledge.llm.stream import streaming_to

log = logging.getLogger(__name__)
UPDATE_SECONDS = 1.2
"""Least time between two edits of one placeholder (5 edits per 5 s at most)."""
Core = Callable[[Incoming], Awaitable[list[Reply]]]


def partial_content(text: str) -> str:
    """The answer so far as message content: Discord markdown, clipped, marked unfinished."""
    return clip(to_discord(text), MESSAGE_LIMIT - len(texts.STILL_WRITING)) + texts.STILL_WRITING


def edit_kwargs(out: Outgoing) -> dict[str, Any]:
    """Keyword arguments that turn a placeholder into `out` (clearing what it lacks)."""
    return {
        "content": out.content or None,
        "embeds": out.embeds,
        "view": out.view,
        "attachments": out.files,
        "allowed_mentions": NO_PINGS,
    }


class AnswerStream:
    """An `AnswerSink` for one message: called from the core's thread, edits on the loop."""

    def __init__(self) -> None:
        self._interval = UPDATE_SECONDS
        self._loop = asyncio.get_running_loop()
        self._clock = self._loop.time
        self._last_edit = -math.inf
        self._begin_wanted = False
        self._latest: str | None = None
        self._ended = False
        self._wake = asyncio.Event()

    async def run(self, core: Core, incoming: Incoming) -> list[Reply]:
        """The core's replies to `incoming`, its model answer streaming here meanwhile.

        Progress ends with the call (the edit in flight completes); `finish` then delivers.
        When the core fails, the placeholder is removed so no partial answer stays.
        """
        pump = self._loop.create_task(self._run())
        try:
            with streaming_to(self):
                return await core(incoming)
        except BaseException:
            await self._stop(pump)
            if self.shown:
                with contextlib.suppress(discord.HTTPException):
                    await self._remove()
            raise
        finally:
            await self._stop(pump)

    def started(self) -> None:
        """The model is being called: show a placeholder."""
        self._from_thread(True, None)

    def partial(self, text: str) -> None:
        """The answer so far."""
        self._from_thread(False, text)

    def _from_thread(self, begin: bool, text: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed: nobody is watching
            self._loop.call_soon_threadsafe(self._note, begin, text)

    def _note(self, begin: bool, text: str | None) -> None:
        self._begin_wanted |= begin
        self._latest = text if text is not None else self._latest
        self._wake.set()

    async def _run(self) -> None:
        while not self._ended:
            if self._begin_wanted:
                self._begin_wanted = False
                await self._guarded(self._begin())
                continue
            delay = self._until_next_edit()
            if delay is not None and delay <= 0:
                text, self._latest = self._latest or "", None
                self._last_edit = self._clock()
                await self._guarded(self._show(text))
                continue
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)

    def _until_next_edit(self) -> float | None:
        """Seconds until the text waiting may be shown; None when there is none to show."""
        if self._latest is None or not self.shown:
            return None
        return self._last_edit + self._interval - self._clock()

    async def _guarded(self, step: Awaitable[None]) -> None:
        try:
            await step
        except discord.HTTPException as exc:  # a lost edit is not worth failing the answer
            log.info(texts.LOG_STREAM_FAILED, exc.status, exc.code)

    async def _stop(self, pump: asyncio.Task[None]) -> None:
        """No more progress: the pump ends after the step in flight."""
        self._ended = True
        self._wake.set()
        await pump

    async def _final_edit_turn(self) -> None:
        """Wait until the final edit keeps to the rate the partial edits kept."""
        await asyncio.sleep(max(0.0, self._last_edit + self._interval - self._clock()))

    @property
    def shown(self) -> bool:
        """Whether a placeholder is on screen (edits need one)."""
        raise NotImplementedError

    async def _begin(self) -> None:
        raise NotImplementedError

    async def _show(self, text: str) -> None:
        raise NotImplementedError

    async def _remove(self) -> None:
        raise NotImplementedError


class InteractionStream(AnswerStream):
    """Streams into a deferred interaction's original response ("thinking…")."""

    def __init__(self, interaction: discord.Interaction[Any], *, private: bool = False) -> None:
        super().__init__()
        self._interaction = interaction
        self._private = private
        self._edited = False

    @property
    def shown(self) -> bool:
        return True  # the deferred response is on screen from the start

    async def _begin(self) -> None:
        """Nothing to post: Discord already shows that the tutor is thinking."""

    async def _show(self, text: str) -> None:
        await self._interaction.edit_original_response(
            content=partial_content(text), allowed_mentions=NO_PINGS
        )
        self._edited = True

    async def _remove(self) -> None:
        if self._edited:
            await self._interaction.delete_original_response()

    async def finish(self, replies: list[Reply]) -> int:
        """Put the finished reply where the partial answer was; the rest as follow-ups.
        Returns how many messages the replies took."""
        it, private = self._interaction, self._private
        first = next((r for r in replies if private or not r.ephemeral), None)
        outgoing = render(first) if first is not None and self._edited else []
        if not self._edited:  # nothing streamed: the usual deferred answer
            return await answer_deferred(it, replies, private=private)
        if first is None or not outgoing:
            await self._remove()  # no partial answer stays when nothing replaces it
            return await followup_replies(it, replies, private=private)
        at = replies.index(first)
        sent = await followup_replies(it, replies[:at], private=private)
        await self._final_edit_turn()
        await it.edit_original_response(**edit_kwargs(outgoing[0]))
        for out in outgoing[1:]:
            await it.followup.send(**message_kwargs(out), ephemeral=private, wait=True)
        after = await followup_replies(it, replies[at + 1 :], private=private)
        return sent + len(outgoing) + after


class ChannelStream(AnswerStream):
    """Streams into a "💭 thinking…" message in a channel, thread or DM."""

    def __init__(self, where: Any) -> None:
        super().__init__()
        self._where = where
        self.placeholder: discord.Message | None = None

    @property
    def shown(self) -> bool:
        return self.placeholder is not None

    async def _begin(self) -> None:
        self.placeholder = await self._where.send(texts.THINKING, allowed_mentions=NO_PINGS)

    async def _show(self, text: str) -> None:
        assert self.placeholder is not None
        await self.placeholder.edit(content=partial_content(text), allowed_mentions=NO_PINGS)

    async def _remove(self) -> None:
        assert self.placeholder is not None
        await self.placeholder.delete()

    async def finish(self, replies: list[Reply]) -> None:
        """Post the replies; the first message replaces the placeholder."""
        if self.placeholder is None:
            await send_replies(self._where, replies)
            return
        outgoing = [out for reply in replies for out in render(reply)]
        if not outgoing:
            await self._remove()
            return
        await self._final_edit_turn()
        await self.placeholder.edit(**edit_kwargs(outgoing[0]))
        for out in outgoing[1:]:
            await self._where.send(**message_kwargs(out))
