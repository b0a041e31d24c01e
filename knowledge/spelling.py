"""Typos in learners' questions, mended against the words the course itself uses.

`lables`, `untill`, `proccess`, `reqest`: a typo is a word the sentence embedding has never
seen, so it splits into word pieces that mean little and the question drifts away from the
lesson that answers it (and BM25 misses the keyword). A word that is neither in the course nor a
common English word, five letters or longer and made of letters only (not code, not a path), is
replaced by the course's most frequent word one edit away (a letter added, dropped, changed or
two swapped). Every other word is left as it is: English words the course never uses ("water",
"players") are a question about something else, not a typo; `Speller.foreign` names them, so
the answerer can ask for a closer match before answering ("continental drift").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping

from knowledge.keywords import STOPWORDS

MIN_LENGTH = 5
COURSE_MIN = 3
"""A course word must appear this often to be a correction (a one-off may be a typo itself)."""
FOREIGN_MIN = 4
ENGLISH_MIN = 100
"""An English word this frequent in the word list is a word, not a typo (the list also holds
common misspellings, rarely)."""
_WORD = re.compile(r"(?<![\w./@#:<-])[A-Za-z][a-z]+(?![\w./@>-])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LETTERS_ONLY = re.compile(r"[A-Za-z]+")


@functools.cache
def english() -> Mapping[str, int]:
    """English word frequencies (pyspellchecker's packaged list; nothing is downloaded)."""
    from spellchecker import SpellChecker

    words: dict[str, int] = SpellChecker(distance=1).word_frequency.dictionary
    return words


def _edits(word: str) -> set[str]:
    """Every string one edit (delete, transpose, replace, insert) away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | transposes | replaces | inserts


class Speller:
    """Mends typos against the course's own words."""

    def __init__(self, course_texts: Iterable[str], words: Mapping[str, int] | None = None) -> None:
        self.course: Counter[str] = Counter()
        for text in course_texts:
            self.course.update(w.lower() for w in _LETTERS_ONLY.findall(text))
        self._english = words
        self._roots: set[str] | None = None

    @property
    def words(self) -> Mapping[str, int]:
        if self._english is None:
            self._english = english()
        return self._english

    def known(self, word: str) -> bool:
        """Whether the word is the course's or common English (`wasnt` is `wasn't`)."""
        if word in self.course or self.words.get(word, 0) >= ENGLISH_MIN:
            return True
        contractions = (f"{word[:i]}'{word[i:]}" for i in range(1, len(word)))
        return any(self.words.get(c, 0) >= ENGLISH_MIN for c in contractions)

    def mend(self, word: str) -> str:
        """The course word that `word` most likely misspells, or `word` itself."""
        lower = word.lower()
        if len(lower) < MIN_LENGTH or self.known(lower):
            return word
        close = [w for w in _edits(lower) if self.course.get(w, 0) >= COURSE_MIN]
        if not close:
            return word
        best = max(close, key=lambda w: (self.course[w], w))
        return best.capitalize() if word[0].isupper() else best

    def correct(self, text: str) -> str:
        """The text with every mendable word mended."""
        return _WORD.sub(lambda m: self.mend(m.group(0)), text)

    def foreign(self, text: str, ours: Collection[str] = ()) -> list[str]:
        """Common English words of four letters or more that the course never uses in any form
        (`continental`, `orchestra`): a question that needs them is usually about something else,
        even when another of its words is ours (`drift`). `ours` adds the roots (`root`) of words
        the course uses outside the lessons."""
        if self._roots is None:
            self._roots = roots_of(self.course)
        found = []
        for match in _WORD.finditer(text):
            word = match.group(0).lower()
            if (
                len(word) < FOREIGN_MIN
                or word in STOPWORDS
                or self.words.get(word, 0) < ENGLISH_MIN
            ):
                continue
            stem = root(word)
            if stem not in self._roots and stem not in ours:
                found.append(word)
        return found


_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "ies", "es", "ed", "ly")


def root(word: str) -> str:
    """`rejection`, `rejected`, `rejects` -> `reject`; `labelled` -> `label`; `registries` ->
    `registry`; `unfair` -> `fair`. Crude but the same for every form, which is all telling a
    word the course uses in another form from one it never uses needs."""
    if word.startswith("un") and len(word) - 2 >= FOREIGN_MIN:
        word = word[2:]  # `unfair` is a course word when `fairness` is
    for suffix in (*_SUFFIXES, "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= FOREIGN_MIN:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    if len(word) > FOREIGN_MIN and word.endswith("e"):
        word = word[:-1]
    if len(word) > FOREIGN_MIN and word[-1] == word[-2]:
        word = word[:-1]
    return word


def roots_of(texts: Iterable[str]) -> set[str]:
    """The roots of every word in `texts` (what `Speller.foreign` compares against)."""
    return {root(word.lower()) for text in texts for word in _LETTERS_ONLY.findall(text)}
