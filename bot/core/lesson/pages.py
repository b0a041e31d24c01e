"""A lesson as chapters (one per `##` heading, sub-headings included) cut into chat-sized pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from curriculum.catalog.models import Lesson

PAGE_CHARS = 1700  # with its heading, fits Slack's 3,000-character block and Discord's 2,000
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^(\s*)[-*] (?=\S)")


@dataclass(frozen=True)
class Chapter:
    """A readable unit: a `##` section and every deeper section under it."""

    anchor: str
    title: str
    markdown: str
    anchors: tuple[tuple[str, str], ...]  # (anchor, title) of the chapter and its sub-sections


def chat_markdown(text: str) -> str:
    """Lesson Markdown in the chat dialect the core uses: `*bold*` and `•` bullets."""
    out, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced:
            line = _BULLET.sub(r"\1• ", _BOLD.sub(r"*\1*", line))
        out.append(line)
    return "\n".join(out)


def chapters(lesson: Lesson, intro_title: str) -> list[Chapter]:
    """The lesson's chapters in order; text before the first `##` is the introduction."""
    found: list[Chapter] = []
    parts: list[str] = []
    anchors: list[tuple[str, str]] = []
    head: tuple[str, str] | None = None

    def close() -> None:
        body = "\n\n".join(p for p in parts if p.strip())
        if head is not None and body.strip():
            found.append(Chapter(head[0], head[1], chat_markdown(body), tuple(anchors)))

    for section in lesson.sections:
        if section.depth <= 2:
            close()
            parts, anchors = [], []
            title = section.title if section.depth == 2 else intro_title
            head = (section.anchor, title)
        else:
            parts.append(f"*{section.title}*")
        anchors.append((section.anchor, section.title))
        parts.append(section.text)
    close()
    return found


def paginate(markdown: str, limit: int = PAGE_CHARS) -> list[str]:
    """Pages of at most `limit` characters, cut between paragraphs (a long one between lines)."""
    pages: list[str] = []
    current = ""
    for block in _blocks(markdown, limit):
        joined = f"{current}\n\n{block}" if current else block
        if len(joined) <= limit:
            current = joined
            continue
        if current:
            pages.append(current)
        current = block
    if current:
        pages.append(current)
    return pages or [""]


def _blocks(markdown: str, limit: int) -> list[str]:
    blocks: list[str] = []
    for para in markdown.split("\n\n"):
        while len(para) > limit:
            cut = para.rfind("\n", 0, limit)
            cut = cut if cut > 0 else para.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            blocks.append(para[:cut].rstrip())
            para = para[cut:].lstrip()
        if para.strip():
            blocks.append(para)
    return blocks


def page_of(chapter: Chapter, anchor: str, pages: list[str]) -> int:
    """The page of `chapter` where its sub-section `anchor` starts (0 for the chapter itself)."""
    title = dict(chapter.anchors).get(anchor)
    if title is None or anchor == chapter.anchor:
        return 0
    return next((i for i, page in enumerate(pages) if f"*{title}*" in page), 0)
