"""Keyword tokenization that keeps tool names, commands and error strings searchable verbatim."""

from __future__ import annotations

import re

# Words with dots, dashes, slashes or underscores inside stay whole (`drift_share`, `kubectl`,
# `p95`, `model.pkl`, `CrashLoopBackOff`) and are also split into their parts.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-/]*[A-Za-z0-9]|[A-Za-z0-9]")
_PARTS = re.compile(r"[A-Za-z0-9]+")

_STOPWORD_TEXT = """
a about above after again all also am an and any are as at be because been before being
between both but by can could did do does doing don done during each either few for from
further get gets got had has have having he her here hers him his how i if in into is it its
itself just let like me more most my myself no nor not now of off on once only or other our
ours out over own please same she should so some such than that the their theirs them then
there these they this those through to too under until up us very via was we well were what
whats when where which while who whom why will with would you your yours yourself tell explain
know want need mean means thing things way ways use used using one two really much many
hi hey hello thanks thank ok okay"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _stem(word: str) -> str:
    """A very light stemmer: plural and a few common suffixes, enough for matching."""
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lowercased, lightly stemmed content words; compound tokens are kept whole and split."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        word = raw.lower()
        parts = _PARTS.findall(word)
        if len(parts) > 1:
            tokens.append(word)
        for part in parts:
            if part not in STOPWORDS and (len(part) > 1 or part.isdigit()):
                tokens.append(_stem(part))
    return tokens


def content_words(text: str) -> set[str]:
    """The distinct content tokens of a text."""
    return set(tokenize(text))
