"""The console loop: one line in, the rendered replies out. The learner is the OS user."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TextIO

from bot.adapters.console.render import render, save_attachments
from bot.bootstrap import Services
from bot.core.clean_text import clean
from bot.core.incoming import Incoming
from bot.core.router import Router

PROMPT = "you> "
BANNER = "MLOps Tutor console — /help for commands, /quit to leave."
QUIT = {"/quit", "/exit", "/q"}


def console_user(services: Services) -> str:
    return services.settings.console_user or getpass.getuser() or "learner"


def run_console(
    services: Services,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    save_to: Path | None = None,
) -> int:
    """Read lines until EOF or /quit; works the same from a terminal or a pipe.

    With `save_to`, images and files in replies (the progress card, a data export) are saved there.
    """
    router = Router(services)
    user = console_user(services)
    interactive = stdin.isatty()
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(errors="replace")  # invalid UTF-8 becomes U+FFFD, not a crash
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
        incoming = Incoming(
            platform="console",
            workspace="local",
            channel="console",
            user=user,
            display_name=user,
            text=text,
            mentions_bot=True,
            is_admin=True,  # the local user administers the console's cohort
        )
        for reply in router.handle(incoming):
            print(render(reply), file=stdout)
            if save_to is not None:
                for path in save_attachments(reply, save_to):
                    print(f"  saved {path}", file=stdout)
            print(file=stdout)
        stdout.flush()
    print("Bye — your progress is saved.", file=stdout)
    return 0
