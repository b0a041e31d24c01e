"""Neutral replies as terminal text: chat markdown styled, lines wrapped, choices numbered."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console
from rich.text import Text as RichText

from bot.core.clean_text import clean
from bot.core.interview.texts import ACTION as INTERVIEW_ACTION
from bot.core.reply import Choices, Citation, File, Image, ProgressBar, Reply, Text

BAR_WIDTH = 20
QUIZ_ACTION = "quiz.answer"
SAVE_HINT = " — start the console with --save-files DIR to save it"
_INLINE = re.compile(r"`([^`\n]+)`|(?<![\w*])\*([^*\n]+)\*(?![\w*])|(?<![\w_])_([^_\n]+)_(?![\w_])")
_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")


def bar(part: ProgressBar) -> str:
    filled = round(part.fraction * BAR_WIDTH)
    return f"{part.label:<32} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {part.done}/{part.total}"


def styled_line(line: str) -> RichText:
    """One line of chat markdown as styled text: `code`, *bold*, _italics_ without the markers."""
    line = _LINK.sub(r"\2 (\1)", line)
    out = RichText()
    at = 0
    for found in _INLINE.finditer(line):
        out.append(line[at : found.start()])
        code, bold, italic = found.groups()
        if code is not None:
            out.append(code, style="bold cyan")
        else:  # emphasis may hold `code`: style what is inside first
            inner = styled_line(bold if bold is not None else italic)
            inner.stylize("bold" if bold is not None else "italic")
            out.append_text(inner)
        at = found.end()
    out.append(line[at:])
    return out


def text_lines(markdown: str) -> list[RichText]:
    """Styled lines; a fenced code block is shown verbatim, without its fences."""
    out: list[RichText] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        out.append(RichText(line, style="cyan") if fenced else styled_line(line))
    return out


def plain_markdown(text: str) -> str:
    """Chat markdown without its markers (for logs and plain pipes)."""
    return "\n".join(styled_line(line).plain for line in text.split("\n"))


def choice_lines(part: Choices) -> list[str]:
    """Buttons as numbered options; a quiz's choices are already numbered in its text."""
    if part.action == QUIZ_ACTION:
        return [f"  (type a number from 1 to {len(part.options)})"]
    if part.action == INTERVIEW_ACTION:
        words = " / ".join(f"`{o.label.casefold()}`" for o in part.options)
        return [f"  (type your answer, then {words})"]
    options = "   ".join(f"{n}) {o.label}" for n, o in enumerate(part.options, start=1))
    return [f"  {options}   (type the number)"]


def _lines(reply: Reply, save_hint: bool) -> list[RichText]:
    out: list[RichText] = []
    for part in reply.parts:
        if isinstance(part, Text):  # stored names too: no escape sequence reaches the terminal
            out += text_lines(clean(part.markdown))
        elif isinstance(part, ProgressBar):
            out.append(RichText(bar(part)))
        elif isinstance(part, Citation):
            where = part.command or f"{part.source}#{part.anchor}"
            out.append(RichText(clean(f"  ↳ source: {part.title} — {where}")))
        elif isinstance(part, Choices):
            out += [RichText(line) for line in choice_lines(part)]
        elif isinstance(part, Image):
            kind = "file" if isinstance(part, File) else "image"
            what = (
                _size(len(part.data)) if kind == "file" else f"{part.alt}, {_size(len(part.data))}"
            )
            hint = SAVE_HINT if save_hint else ""
            out.append(RichText(clean(f"  [{kind} {part.filename}: {what}{hint}]")))
    return out


def _size(n: int) -> str:
    return "1 byte" if n == 1 else f"{n:,} bytes"


def to_rich(reply: Reply, *, save_hint: bool = False) -> RichText:
    """The whole reply as one styled text (rich wraps it to the console's width)."""
    return RichText("\n").join(_lines(reply, save_hint))


def render(reply: Reply, width: int | None = None, *, save_hint: bool = False) -> str:
    """Plain terminal text, wrapped at `width` characters (not wrapped when None)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 10_000, color_system=None, soft_wrap=width is None
    )
    console.print(to_rich(reply, save_hint=save_hint), overflow="fold")
    return buffer.getvalue().rstrip("\n")


def save_attachments(reply: Reply, folder: Path, owner: str = "") -> list[Path]:
    """Write the reply's images and files (progress card, data export) into `folder`.

    Files are named after their owner (`progress-ada.png`) so learners sharing a folder
    never overwrite each other's.
    """
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    tag = "".join(c for c in owner if c.isalnum() or c in "-_")[:40]
    for part in reply.parts:
        if isinstance(part, Image):
            name = Path(part.filename).name
            if tag and tag not in name:
                stem, dot, ext = name.rpartition(".")
                name = f"{stem}-{tag}.{ext}" if dot else f"{name}-{tag}"
            target = folder / name
            target.write_bytes(part.data)
            saved.append(target)
    return saved
