"""Scheduled posts for local trials: the console prints them, and runs the scheduler in a thread."""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Callable
from typing import TextIO

from bot.adapters.console.render import render
from bot.bootstrap import Services
from bot.core.broadcast import Destination
from bot.core.reply import Reply


class ConsoleBroadcaster:
    """Prints what would be posted to the console's cohort channel or sent as a DM."""

    platform = "console"

    def __init__(self, out: TextIO, prompt: str = "") -> None:
        self.out = out
        self.prompt = prompt
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    async def post(self, destination: Destination, reply: Reply) -> str:
        where = f"DM to {destination.user}" if destination.user else "cohort channel"
        with self._lock:
            print(f"\n📣 [{where}]\n{render(reply)}\n", file=self.out, flush=True)
            if self.prompt:  # the learner was at the prompt: show it again under the post
                print(self.prompt, end="", file=self.out, flush=True)
        return f"console-{next(self._ids)}"


def start_scheduler_thread(services: Services, out: TextIO, prompt: str = "") -> Callable[[], None]:
    """Run the APScheduler loop beside the console REPL; returns a function that stops it.

    `prompt` is reprinted after each post when the console is interactive.
    """
    from scheduler import runtime

    loop = asyncio.new_event_loop()
    ready = threading.Event()

    def main() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(
            runtime.start(services, {"console": ConsoleBroadcaster(out, prompt)})
        )
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=main, name="scheduler", daemon=True)
    thread.start()
    ready.wait(timeout=30)

    def stop() -> None:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)

    return stop
