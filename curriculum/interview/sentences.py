"""Turning a free-text answer into sentences that may earn credit.

A sentence earns nothing when it only repeats the question's words, or when it is a list of
terms rather than a statement (no function words: "drift, MLflow, canary, Kubernetes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-–—]\s+(?=[A-Z])|(?<=:)\s+(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9][a-z0-9+#./_-]*")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")
_FUNCTION = (
    "a an the is are was were be been being it its this that these those we i you they he she "
    "to of in on for by with from as at or and but if then so because when while which who "
    "what how not no do does did can could would should will may might must have has had "
    "our my your their them us me there here than before after into over about only also "
    "each every all any both per"
)
FUNCTION_WORDS = frozenset(_FUNCTION.split())
MIN_WORDS = 4
MIN_NEW_WORDS = 3
MIN_FUNCTION_SHARE = 0.12
LIST_COMMAS = 3
STEM = 5


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer, and whether it may earn credit (and why not)."""

    text: str
    eligible: bool
    reason: str = ""


def words(text: str) -> list[str]:
    """Lower-case word tokens (keeps `k8s`, `p99`, `ci/cd`)."""
    return [w.strip("./_-") for w in _WORD.findall(text.casefold()) if w.strip("./_-")]


def content_words(text: str) -> set[str]:
    """The words that carry meaning (not function words, not one letter), crudely stemmed.

    A five-letter prefix is enough to see that "retraining" and "retrains" repeat "retrain".
    """
    return {w[:STEM] for w in words(text) if w not in FUNCTION_WORDS and len(w) > 1}


def split_sentences(answer: str) -> list[str]:
    """Sentences, bullet lines and clauses separated by semicolons."""
    pieces = (_BULLET.sub("", p).strip() for p in _SPLIT.split(answer.strip()))
    return [p for p in pieces if p]


def judge(sentence: str, question: str) -> Sentence:
    """Whether a sentence says something of its own (beyond the question's words)."""
    tokens = words(sentence)
    if len(tokens) < MIN_WORDS:
        return Sentence(sentence, False, "too short")
    function_share = sum(1 for w in tokens if w in FUNCTION_WORDS) / len(tokens)
    listed = sentence.count(",") >= LIST_COMMAS and function_share < MIN_FUNCTION_SHARE
    if function_share == 0 or listed:
        return Sentence(sentence, False, "a list of terms, not a sentence")
    new = content_words(sentence) - content_words(question)
    if len(new) < MIN_NEW_WORDS:
        return Sentence(sentence, False, "repeats the question")
    return Sentence(sentence, True)


def answer_sentences(answer: str, question: str) -> list[Sentence]:
    """Every sentence of the answer, judged."""
    return [judge(s, question) for s in split_sentences(answer)]
