"""How a chat adapter watches an answer being written: a sink set for the current call.

The core's handlers return finished replies; an adapter that can show progress sets a sink
around the call (`with streaming_to(sink): router.handle(...)`). The LLM answerer tells the
sink when it starts calling the model (the adapter posts its "thinking…" placeholder) and
passes the answer text as it grows. Nothing else in the core knows about it.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class AnswerSink(Protocol):
    """Receives the progress of one answer, from the thread that computes it."""

    def started(self) -> None:
        """The model is being called (declines and extractive answers never get here)."""

    def partial(self, text: str) -> None:
        """The answer so far (the whole text, not a delta)."""


_SINK: contextvars.ContextVar[AnswerSink | None] = contextvars.ContextVar(
    "answer_sink", default=None
)


def current_sink() -> AnswerSink | None:
    """The sink of the call in progress, if an adapter set one."""
    return _SINK.get()


@contextmanager
def streaming_to(sink: AnswerSink) -> Iterator[None]:
    """Send the progress of answers computed inside this block to `sink`."""
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)
