"""Neutral replies -> Block Kit messages, within Slack's limits, with every text escaped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bot.adapters.slack import texts
from bot.core.reply import Choices, Citation, Image, Part, ProgressBar, Reply, Text

Block = dict[str, Any]
SECTION_LIMIT = 3000
BLOCKS_PER_MESSAGE = 50
BUTTONS_PER_ACTIONS = 5
CONTEXT_ELEMENTS = 10
BUTTON_LABEL = 75
FALLBACK_LIMIT = 300
BAR_WIDTH = 10
ACTION_PREFIX = "tutor."
ACTION_ID = re.compile(r"^tutor\.(?P<action>[a-z0-9_.-]+)\.(?P<n>\d+)$")


@dataclass(frozen=True)
class SlackMessage:
    """One chat message: Block Kit blocks and the plain notification text."""

    text: str
    blocks: list[Block] = field(default_factory=list)


def escape(text: str) -> str:
    """Escape `&`, `<`, `>` so text can never ping (`<!channel>`) or forge links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def action_id(action: str, index: int) -> str:
    """The button action id carrying the neutral action name: `tutor.<action>.<n>`."""
    return f"{ACTION_PREFIX}{action}.{index}"


def parse_action_id(value: str) -> str | None:
    """`tutor.quiz.answer.2` -> `quiz.answer`; None for ids that are not ours."""
    found = ACTION_ID.match(value)
    return found.group("action") if found else None


def render(reply: Reply) -> list[SlackMessage]:
    """The reply as one or more messages (50 blocks each); images are uploaded separately."""
    blocks = list(_blocks(reply.parts))
    fallback = escape(reply.plain)[:FALLBACK_LIMIT] or texts.FALLBACK
    if not blocks:
        return []
    return [
        SlackMessage(fallback, blocks[i : i + BLOCKS_PER_MESSAGE])
        for i in range(0, len(blocks), BLOCKS_PER_MESSAGE)
    ]


def images(reply: Reply) -> list[Image]:
    """The reply's images, to upload with files_upload_v2."""
    return [p for p in reply.parts if isinstance(p, Image)]


def mrkdwn(text: str) -> Block:
    """A mrkdwn text object of already-escaped text; `verbatim` keeps a literal `@channel`,
    `@here` or `#channel` inert (Slack would otherwise turn them into mentions and links)."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def section(markdown: str) -> Block:
    """A section block of already-escaped mrkdwn (at most 3000 characters)."""
    return {"type": "section", "text": mrkdwn(markdown[:SECTION_LIMIT])}


def answered_blocks(blocks: list[Block], user: str, label: str) -> list[Block]:
    """A pressed question message: its buttons removed, the chosen answer shown."""
    kept = [b for b in blocks if b.get("type") != "actions"]
    note = texts.ANSWERED.format(user=user, label=escape(label))
    return [*kept, {"type": "context", "elements": [mrkdwn(note)]}]


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Cut text into pieces of at most `limit` characters, on line breaks where possible."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            candidate = line
        current = candidate
    if current.strip():
        pieces.append(current)
    return [p for p in pieces if p.strip()]


def _blocks(parts: tuple[Part, ...]) -> Iterator[Block]:
    citations: list[Citation] = []
    for part in parts:
        if isinstance(part, Citation):
            citations.append(part)
            continue
        if citations:
            yield from _citation_blocks(citations)
            citations = []
        if isinstance(part, Text):
            yield from (section(piece) for piece in split_text(escape(part.markdown)))
        elif isinstance(part, ProgressBar):
            yield section(_bar(part))
        elif isinstance(part, Choices):
            yield from _actions(part)
    if citations:
        yield from _citation_blocks(citations)


def _citation_blocks(citations: list[Citation]) -> Iterator[Block]:
    elements = [mrkdwn(escape(_citation(c))[:SECTION_LIMIT]) for c in citations]
    for i in range(0, len(elements), CONTEXT_ELEMENTS):
        yield {"type": "context", "elements": elements[i : i + CONTEXT_ELEMENTS]}


def _citation(c: Citation) -> str:
    if c.command:
        return texts.CITATION_OPEN.format(title=c.title, command=c.command)
    return texts.CITATION.format(
        title=c.title, source=f"{c.source}#{c.anchor}" if c.anchor else c.source
    )


def _actions(choices: Choices) -> Iterator[Block]:
    buttons = [
        {
            "type": "button",
            "action_id": action_id(choices.action, n),
            "value": option.value[:2000],
            "text": {"type": "plain_text", "text": _label(option.label), "emoji": True},
        }
        for n, option in enumerate(choices.options)
    ]
    for i in range(0, len(buttons), BUTTONS_PER_ACTIONS):
        yield {"type": "actions", "elements": buttons[i : i + BUTTONS_PER_ACTIONS]}


def _label(label: str) -> str:
    return label if len(label) <= BUTTON_LABEL else label[: BUTTON_LABEL - 1] + "…"


def _bar(part: ProgressBar) -> str:
    filled = round(part.fraction * BAR_WIDTH)
    bar = "█" * filled + "░" * (BAR_WIDTH - filled)
    return escape(texts.BAR.format(label=part.label, bar=bar, done=part.done, total=part.total))
