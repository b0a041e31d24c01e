"""A typed number answers the most recent question shown in the conversation.

Every reply the router gives is remembered per learner and conversation (a thread, or a DM or
channel without threads): the buttons it showed last, or none. A number typed there presses the
button with that number, so the 👍/👎 of an answer given inside a quiz thread gets the `1` meant
for it. A quiz's and an interview's buttons are the exception: they read typed answers
themselves, knowing which question is current, so the number goes to them as before.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.core.incoming import MAX_TEXT, ButtonPress
from bot.core.interview.texts import ACTION as INTERVIEW_ACTION
from bot.core.quiz.render import ANSWER_ACTION
from bot.core.reply import Choices, Reply
from curriculum.numbers import ascii_int
from storage.repositories.shown_choices import ShownChoicesRepository

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from bot.core.context import Request

log = logging.getLogger(__name__)
ANSWER_THEMSELVES = frozenset({ANSWER_ACTION, INTERVIEW_ACTION})
"""Buttons whose conversation reads typed answers itself."""


def typed_number(text: str) -> int | None:
    """`2`, `2.` or `2)`: the number of a button; None for anything else."""
    return ascii_int(text.strip().rstrip(".)").strip(), 2)


def press_for(req: Request) -> ButtonPress | None:
    """The button a typed message presses (None: it is not a number for the buttons here)."""
    if req.learner.id is None:
        return None
    return pressed_by(
        req.services, req.learner.id, req.incoming.thread_key, req.incoming.clipped_text
    )


def pressed_by(
    services: Services, learner_id: int, thread_key: str, text: str
) -> ButtonPress | None:
    """The button `text` presses: one of the last buttons the learner was shown in the
    conversation, if they are neither a quiz's nor an interview's and `text` is one's number."""
    number = typed_number(text[:MAX_TEXT])
    if number is None:
        return None
    shown = ShownChoicesRepository(services.db).latest(learner_id, thread_key)
    if shown is None or shown.action in ANSWER_THEMSELVES or not 1 <= number <= len(shown.values):
        return None
    return ButtonPress(shown.action, shown.values[number - 1])


def remember(req: Request, replies: list[Reply]) -> None:
    """Keep the last buttons these replies showed, unless they read typed answers themselves
    (then, as when none were shown, no buttons wait for a number here: a quiz answer stays one
    write). Never raises: the replies were made, and losing this only sends a number to the
    quiz or the question router, as before."""
    if req.learner.id is None:
        return
    shown = [c for r in replies if (c := r.choices()) is not None]
    last: Choices | None = shown[-1] if shown else None
    repo = ShownChoicesRepository(req.services.db)
    key = req.incoming.thread_key
    try:
        if last is not None and last.action not in ANSWER_THEMSELVES:
            values = [o.value for o in last.options]
            repo.remember(req.learner.id, key, last.action, values, req.services.clock.now())
        elif repo.latest(req.learner.id, key) is not None:
            repo.forget(req.learner.id, key)
    except Exception:  # the replies are made: never turn them into an error message
        log.exception("could not remember the buttons shown in %s", key)
