"""Turn a chat message (and its thread) into a search query: strip injections, expand follow-ups."""

from __future__ import annotations

import re
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
_FOLLOW_UP_CUE = re.compile(
    r"^\s*((what|how)\s+about|and|also|but|so|then|why|what\s+if|same\s+for|ok\s+(so|and|but)"
    r"|what\s+else|anything\s+else|more\s+on|can\s+you\s+(elaborate|expand))\b"
    r"|\b(it|its|that|this|those|these|them|they|there)\b",
    re.IGNORECASE,
)


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


def has_follow_up_cue(message: str) -> bool:
    """Whether a message opens like a follow-up ("and ...", "what about ...") or uses a pronoun."""
    return bool(_FOLLOW_UP_CUE.search(message))
