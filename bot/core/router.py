"""Route an Incoming to the handler for its command, quiz answer or question."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.exc import OperationalError

from bot.core import contributions, texts
from bot.core.activity import Activity
from bot.core.ask import service as ask
from bot.core.ask import texts as ask_texts
from bot.core.cohort import commands as cohort
from bot.core.context import Request
from bot.core.handlers import help, roadmap, track
from bot.core.incoming import MAX_TEXT, Incoming
from bot.core.lesson import prerequisites
from bot.core.lesson import service as lesson
from bot.core.privacy import service as privacy
from bot.core.progress import catalog_view, view
from bot.core.projects import service as projects
from bot.core.quiz import service as quiz
from bot.core.quiz import texts as quiz_texts
from bot.core.reply import Reply

if TYPE_CHECKING:
    from bot.bootstrap import Services

log = logging.getLogger(__name__)
Handler = Callable[[Request], list[Reply]]

COMMANDS: dict[str, Handler] = {
    "help": help.handle,
    "ask": ask.ask,
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
}
PLAIN_HELP = {"help", "help me", "commands", "menu", "?", "what are the commands", "/"}
KNOWN = tuple(COMMANDS)


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
        try:
            return self._route(incoming) or [Reply.text(texts.EMPTY)]
        except OperationalError:
            log.exception("database unavailable")
            return [Reply.text(texts.DB_DOWN)]
        except Exception:
            log.exception("handler failed for %s command", incoming.platform)
            return [Reply.text(texts.INTERNAL_ERROR)]

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
        if incoming.press is not None:
            req = Request(incoming, learner, svc)
            if incoming.press.action == "quiz.answer":
                return quiz.answer_pressed(req, incoming.press.value)
            if incoming.press.action == lesson.PAGE_ACTION:
                return lesson.page_pressed(req, incoming.press.value)
            if incoming.press.action == ask_texts.FEEDBACK_ACTION:
                return ask.feedback(req, incoming.press.value)
            return [Reply.text(texts.EMPTY, ephemeral=True)]
        text = incoming.clipped_text
        command = split_command(text)
        if command is None:
            req = Request(incoming, learner, svc, args=text)
            if not text:
                return [Reply.text(texts.EMPTY)]
            if text.casefold().strip(" !.?") in PLAIN_HELP or text.strip() in PLAIN_HELP:
                return help.handle(req)
            answered = quiz.answer_typed(req)
            if answered is not None:
                return answered
            if looks_like_an_answer(text):
                return [Reply.text(quiz_texts.NO_QUIZ)]
            return ask.ask(req)
        name, args = command
        req = Request(incoming, learner, svc, args=args)
        if name in COMMANDS:
            return COMMANDS[name](req)
        return [unknown_command(name, args)]
