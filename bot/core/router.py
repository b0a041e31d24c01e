"""Route an Incoming to the handler for its command, quiz answer or question."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy.exc import OperationalError

from bot import metrics
from bot.core import contributions, texts, typed_choice
from bot.core.activity import Activity
from bot.core.ask import service as ask
from bot.core.ask import texts as ask_texts
from bot.core.cohort import commands as cohort
from bot.core.context import Request
from bot.core.handlers import help, roadmap, track
from bot.core.incoming import MAX_TEXT, ButtonPress, Incoming
from bot.core.interview import service as interview
from bot.core.interview import texts as interview_texts
from bot.core.lesson import prerequisites
from bot.core.lesson import service as lesson
from bot.core.privacy import service as privacy
from bot.core.progress import catalog_view, view
from bot.core.projects import pending as project_queue
from bot.core.projects import service as projects
from bot.core.projects import texts as project_texts
from bot.core.quiz import service as quiz
from bot.core.quiz import texts as quiz_texts
from bot.core.reply import Reply
from storage.engine import is_timeout

if TYPE_CHECKING:
    from bot.bootstrap import Services

log = logging.getLogger(__name__)
Handler = Callable[[Request], list[Reply]]

COMMANDS: dict[str, Handler] = {
    "help": help.handle,
    "ask": lambda req: _timed_ask(req),
    "cohort": cohort.handle,
    "start": help.handle,
    "quiz": prerequisites.start_quiz,
    "lesson": lesson.handle,
    "progress": view.handle,
    "roadmap": roadmap.handle,
    "track": track.handle,
    "badges": catalog_view.handle,
    "project": projects.handle,
    "privacy": privacy.handle,
    "new": ask.start_afresh,
    "interview": interview.start,
}
PLAIN_HELP = {"help", "help me", "commands", "menu", "?", "what are the commands", "/"}
KNOWN = tuple(COMMANDS)


def _timed_ask(req: Request) -> list[Reply]:
    """Answer a question, observing how long the answer took."""
    with metrics.ANSWER_LATENCY.time():
        return ask.ask(req)


def looks_like_an_answer(text: str) -> bool:
    """ "2", "b", "true": a quiz answer typed where no quiz runs."""
    token = text.strip().strip(").").casefold()
    return (token.isdigit() and len(token) <= 2) or token in {
        "a",
        "b",
        "c",
        "d",
        "e",
        "true",
        "false",
    }


def split_command(text: str) -> tuple[str, str] | None:
    """`/quiz m03` -> ("quiz", "m03"); None when the text is not a command."""
    if not text.startswith("/"):
        return None
    name, _, args = text[1:].partition(" ")
    return name.strip().casefold(), args.strip()


def closest_command(name: str) -> str | None:
    """The command a typo most likely meant (`qiuz` -> `quiz`, `progres` -> `progress`)."""
    found = difflib.get_close_matches(name, KNOWN, n=1, cutoff=0.6)
    return found[0] if found else None


def unknown_command(name: str, args: str) -> Reply:
    guess = closest_command(name)
    if guess is None:
        return Reply.text(texts.UNKNOWN_COMMAND.format(name=name[:40]))
    shown = f" {args[:60]}" if args else ""
    return Reply.text(texts.DID_YOU_MEAN.format(name=name[:40], guess=guess, args=shown))


class Router:
    """The core's single entry point: one Incoming in, the replies out. Never raises."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def handle(self, incoming: Incoming) -> list[Reply]:
        mark = self.services.db.writes()
        try:
            return self._route(incoming) or [Reply.text(texts.EMPTY)]
        except OperationalError as exc:
            saved = self.services.db.writes() > mark
            if is_timeout(exc):
                log.warning("database busy: %s", str(exc.orig).splitlines()[0])
                return [Reply.text(texts.DB_BUSY_PARTLY_SAVED if saved else texts.DB_BUSY)]
            log.exception("database unavailable")
            return [Reply.text(texts.DB_DOWN_PARTLY_SAVED if saved else texts.DB_DOWN)]
        except Exception:
            log.exception("handler failed for %s command", incoming.platform)
            metrics.ADAPTER_ERRORS.labels(platform=incoming.platform).inc()
            saved = self.services.db.writes() > mark
            return [Reply.text(texts.INTERNAL_ERROR_SAVED if saved else texts.INTERNAL_ERROR)]

    def observe(self, activity: Activity) -> None:
        """Record community activity (messages, replies, reactions, deletions). Never raises."""
        try:
            contributions.observe(self.services, activity)
        except Exception:
            log.exception("could not record %s", type(activity).__name__)

    def _route(self, incoming: Incoming) -> list[Reply]:
        if len(incoming.text) > MAX_TEXT:
            return [Reply.text(texts.TOO_LONG.format(n=len(incoming.text), limit=MAX_TEXT))]
        svc = self.services
        learner = svc.learners.get_or_create(
            incoming.platform,
            incoming.workspace,
            incoming.user,
            incoming.display_name,
            svc.clock.now(),
        )
        req = Request(incoming, learner, svc)
        replies = _dispatch(req)
        typed_choice.remember(req, replies)
        return replies


def _dispatch(req: Request) -> list[Reply]:
    incoming = req.incoming
    if incoming.press is not None:
        return _pressed(req, incoming.press)
    text = incoming.clipped_text
    command = split_command(text)
    if command is None:
        req = replace(req, args=text)
        if not text:
            return [Reply.text(texts.EMPTY)]
        if text.casefold().strip(" !.?") in PLAIN_HELP or text.strip() in PLAIN_HELP:
            return help.handle(req)
        press = typed_choice.press_for(req)
        if press is not None:  # a number for the buttons shown last here, not for a quiz
            return _pressed(req, press)
        answered = interview.answer_typed(req) or quiz.answer_typed(req)
        if answered is not None:
            return answered
        if looks_like_an_answer(text):
            return [Reply.text(quiz_texts.NO_QUIZ)]
        return _timed_ask(req)
    name, args = command
    req = replace(req, args=args)
    if name in COMMANDS:
        return COMMANDS[name](req)
    return [unknown_command(name, args)]


def _pressed(req: Request, press: ButtonPress) -> list[Reply]:
    """A button press (or a typed number standing for one), by the button's action."""
    if press.action == "quiz.answer":
        return quiz.answer_pressed(req, press.value)
    if press.action == interview_texts.ACTION:
        return interview.pressed(req, press.value)
    if press.action == lesson.PAGE_ACTION:
        return lesson.page_pressed(req, press.value)
    if press.action == ask_texts.FEEDBACK_ACTION:
        return ask.feedback(req, press.value)
    if press.action == project_texts.REVIEW_ACTION:
        return project_queue.pressed(req, press.value)
    return [Reply.text(texts.EMPTY, ephemeral=True)]
