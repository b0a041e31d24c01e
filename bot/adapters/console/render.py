"""Render neutral replies as readable terminal text."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.clean_text import clean
from bot.core.interview.texts import ACTION as INTERVIEW_ACTION
from bot.core.reply import Choices, Citation, File, Image, ProgressBar, Reply, Text

BAR_WIDTH = 20


def bar(part: ProgressBar) -> str:
    filled = round(part.fraction * BAR_WIDTH)
    return f"{part.label:<32} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {part.done}/{part.total}"


def plain_markdown(text: str) -> str:
    """Drop chat emphasis markers the terminal cannot show (keep `code`)."""
    return re.sub(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])", r"\1", text)


def save_attachments(reply: Reply, folder: Path) -> list[Path]:
    """Write the reply's images and files (progress card, data export) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for part in reply.parts:
        if isinstance(part, Image):
            target = folder / Path(part.filename).name
            target.write_bytes(part.data)
            saved.append(target)
    return saved


def render(reply: Reply) -> str:
    """Every part, in order. Choices are already numbered in the text, so only a hint is added."""
    out: list[str] = []
    for part in reply.parts:
        if isinstance(part, Text):
            out.append(plain_markdown(part.markdown))
        elif isinstance(part, ProgressBar):
            out.append(bar(part))
        elif isinstance(part, Citation):
            out.append(f"  ↳ source: {part.title} ({part.source}#{part.anchor})")
        elif isinstance(part, Choices) and part.action == INTERVIEW_ACTION:
            words = " / ".join(f"`{o.label.casefold()}`" for o in part.options)
            out.append(f"  (type your answer, then {words})")
        elif isinstance(part, Choices):
            out.append(f"  (answer with a number from 1 to {len(part.options)})")
        elif isinstance(part, File):
            out.append(f"  [file {part.filename}: {len(part.data)} bytes]")
        elif isinstance(part, Image):
            out.append(f"  [image {part.filename}: {part.alt}]")
    return clean("\n".join(out))  # stored names too: no escape reaches the terminal
