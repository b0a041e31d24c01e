"""Turn a chat message (and its thread) into a search query: strip injections, expand follow-ups."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.keywords import content_words

_INJECTION = [
    r"\b(ignore|disregard|forget|override|bypass)\b[^.?!\n]{0,40}?\b(instructions?|rules|prompts?"
    r"|guidelines|directions|context|guardrails)\b",
    r"\b(print|show|reveal|repeat|output|leak|tell me|give me|what is|what's)\b[^.?!\n]{0,30}?"
    r"\b(system|hidden|initial|original|secret)\s+(prompt|instructions|message)s?\b",
    r"\b(system|hidden|initial)\s+prompt\b",
    r"\byou\s+are\s+now\b[^.?!\n]*",
    r"\b(act|behave)\s+as\b[^.?!\n]*",
    r"\bpretend\s+(to\s+be|you\s+are)\b[^.?!\n]*",
    r"\bDAN\b|\bjailbreak\w*|\bdeveloper\s+mode\b|\bdo\s+anything\s+now\b",
    r"\b(without|no)\s+(any\s+)?(restrictions|rules|filters|limits|censorship)\b",
    r"\b(api\s+keys?|passwords?|credentials|secrets?|tokens?)\s+(you|in\s+your)\b[^.?!\n]*",
]
INJECTION = re.compile("|".join(f"(?:{p})" for p in _INJECTION), re.IGNORECASE)
_FOLLOW_UP_START = re.compile(
    r"^\s*(what|how)\s+about\b|^\s*(and|also|but|so|then|why|what\s+if|same\s+for)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(it|its|that|this|those|these|them|they|one)\b", re.IGNORECASE)
MAX_QUESTION_CHARS = 300
SHORT_FOLLOW_UP_WORDS = 4


@dataclass(frozen=True)
class SearchQuery:
    """What to search for, derived from the learner's message and thread."""

    original: str
    text: str
    injected: bool
    follow_up: bool

    @property
    def empty(self) -> bool:
        """Whether nothing searchable is left."""
        return not content_words(self.text)


def strip_injection(message: str) -> tuple[str, bool]:
    """Remove instruction-like phrases; return (the rest, whether any were found)."""
    cleaned, count = INJECTION.subn(" ", message)
    cleaned = re.sub(r"^[\s,;:.!-]*(and|then|&)?\b", "", cleaned.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", cleaned).strip(" ,;:"), count > 0


def _previous_question(history: Sequence[str]) -> str | None:
    for turn in reversed(history):
        if turn.strip() and len(turn) <= MAX_QUESTION_CHARS:
            return strip_injection(turn)[0]
    return None


def is_follow_up(question: str) -> bool:
    """Whether a message reads like a follow-up that needs the thread for context."""
    short = len(content_words(question)) <= SHORT_FOLLOW_UP_WORDS
    return short or bool(_FOLLOW_UP_START.search(question) or _PRONOUN.search(question))


def build_query(message: str, history: Sequence[str] = ()) -> SearchQuery:
    """The search query for `message`: injection phrases removed, follow-ups given context.

    Args:
        message: The learner's message.
        history: Earlier turns of the thread, oldest first. Turns longer than 300 characters
            are taken to be answers and skipped when looking for the previous question.
    """
    text, injected = strip_injection(message)
    previous = _previous_question(history) if text else None
    if previous and is_follow_up(text):
        return SearchQuery(message, f"{previous} {text}", injected, True)
    return SearchQuery(message, text, injected, False)
