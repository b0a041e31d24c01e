"""The console loop: one line in, the rendered replies out. The learner is the OS user."""

from __future__ import annotations

import getpass
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from rich.console import Console

from bot.adapters.console.render import render, save_attachments, to_rich
from bot.bootstrap import Services
from bot.core.clean_text import clean
from bot.core.incoming import Incoming
from bot.core.reply import Reply
from bot.core.router import Router

PROMPT = "you> "
BANNER = "MLOps Tutor console — /help for commands, /quit to leave."
QUIT = {"/quit", "/exit", "/q"}


def console_user(services: Services) -> str:
    return services.settings.console_user or getpass.getuser() or "learner"


def console_admins(services: Services) -> set[str]:
    """Who administers the console's cohort: TUTOR_CONSOLE_ADMINS, else the OS user."""
    given = services.settings.console_admins
    if given is None:
        return {getpass.getuser()}
    return {name.strip() for name in given.split(",") if name.strip()}


def output_width(interactive: bool) -> int | None:
    """The terminal's width; a pipe is not wrapped unless COLUMNS says how wide it is."""
    if not interactive and "COLUMNS" not in os.environ:
        return None
    return shutil.get_terminal_size(fallback=(100, 24)).columns


class Session:
    """One console user's conversation: who they are, and the router that answers them.

    A typed number presses a button of the last reply that showed some (👍/👎, lesson pages);
    a quiz's and an interview's numbers go to them: the core's rule, as on every platform.
    """

    def __init__(self, services: Services, user: str) -> None:
        self.router = Router(services)
        self.user = user
        self.is_admin = user in console_admins(services)

    def incoming(self, text: str) -> Incoming:
        """A typed line."""
        return Incoming(
            platform="console",
            workspace="local",
            channel="console",
            user=self.user,
            display_name=self.user,
            text=text,
            mentions_bot=True,
            is_admin=self.is_admin,
        )

    def handle(self, text: str) -> list[Reply]:
        return self.router.handle(self.incoming(text))


def run_console(
    services: Services,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    save_to: Path | None = None,
) -> int:
    """Read lines until EOF or /quit; works the same from a terminal or a pipe.

    With `save_to`, images and files in replies (the progress card, a data export) are saved there.
    """
    session = Session(services, console_user(services))
    interactive = stdin.isatty()
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(errors="replace")  # invalid UTF-8 becomes U+FFFD, not a crash
    width = output_width(interactive)
    styled = Console(file=stdout, width=width) if interactive else None
    print(BANNER, file=stdout)
    while True:
        if interactive:
            print(PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text.casefold() in QUIT:
            break
        if not interactive:
            print(f"{PROMPT}{clean(text)}", file=stdout)
        for reply in session.handle(text):
            if styled is not None:
                styled.print(to_rich(reply, save_hint=save_to is None), overflow="fold")
            else:
                print(render(reply, width, save_hint=save_to is None), file=stdout)
            if save_to is not None:
                for path in save_attachments(reply, save_to, owner=session.user):
                    print(f"  saved {path}", file=stdout)
            print(file=stdout)
        stdout.flush()
    print("Bye — your progress is saved.", file=stdout)
    return 0
