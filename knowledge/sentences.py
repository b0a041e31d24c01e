"""Split passage text into short, readable candidate sentences for extractive answers."""

from __future__ import annotations

import re

FENCE_LINE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)
"""A line that opens or closes a code block."""
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bet al\.)(?<!\bvs\.)\s+(?=[A-Z`*\"(\[])"
)
"""A sentence ends at . ! or ? before a capital, code or a quote, but not after an
abbreviation such as "e.g." ("a feature store (e.g. Feast)" is one sentence)."""
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
MIN_CHARS = 30
MAX_CHARS = 360


def _prose_lines(text: str) -> list[str]:
    """The text's lines outside code fences and tables."""
    lines, in_fence = [], False
    for line in text.splitlines():
        if FENCE_LINE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence and not line.lstrip().startswith(("|", "#", ">")):
            lines.append(line)
    return lines


def _blocks(lines: list[str]) -> list[str]:
    """Paragraphs and list items, each as one line of text."""
    blocks: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        starts_item = bool(_LIST_ITEM.match(line))
        if (not line.strip() or starts_item) and current:
            blocks.append(" ".join(current))
            current = []
        if line.strip():
            current.append(_LIST_ITEM.sub("", line).strip() if starts_item else line.strip())
    return blocks


_LEADING_CONJUNCTION = re.compile(r"^(and|but|so|also|then),?\s+(?=\w)", re.IGNORECASE)


def clean(sentence: str) -> str:
    """Readable chat text: bold markers, link targets and a leading "And"/"But" removed."""
    text = re.sub(r"\s+", " ", _LINK.sub(r"\1", _BOLD.sub(r"\1", sentence))).strip()
    stripped = _LEADING_CONJUNCTION.sub("", text)
    return stripped[:1].upper() + stripped[1:] if stripped != text else text


def split_sentences(text: str) -> list[str]:
    """Candidate sentences of a passage, in reading order, skipping code and fragments."""
    sentences: list[str] = []
    for block in _blocks(_prose_lines(text)):
        for piece in _SENTENCE_END.split(block):
            sentence = clean(piece)
            if MIN_CHARS <= len(sentence) <= MAX_CHARS and not sentence.endswith((":", "?")):
                sentences.append(sentence)
    return sentences


_REFERS_BACK = re.compile(
    r"^(this|that|these|those|it|its|they|their|such|here|there|both|the same)\b"
    r"|\b(that job|by the end|in this (module|lesson|section|example)|as (shown )?above"
    r"|the following|below)\b",
    re.IGNORECASE,
)


def stands_alone(sentence: str) -> bool:
    """Whether a lesson sentence makes sense out of its paragraph ("This is why..." does not,
    nor does "By the end you can...": shown as a detail, it would point at text not shown)."""
    return not _REFERS_BACK.search(sentence)
