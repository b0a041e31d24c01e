"""Reading and grading answers: choices by number or letter, short answers fuzzily."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from curriculum.catalog.models import Question, QuestionType
from curriculum.numbers import ascii_int

FUZZY_THRESHOLD = 85
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?%?$")
_NUMBER_IN = re.compile(r"[-+]?\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
NEAR_MISS_FROM = 5  # answers this long may carry one typo
LONG_ANSWER = 10  # answers this long may carry two
FILLER = {"a", "an", "the", "about", "around", "roughly", "approximately", "approx", "its", "it"}
GENERIC_EXTRAS = {
    "adapter",
    "adapters",
    "bump",
    "release",
    "deployment",
    "rollout",
    "update",
    "approach",
    "method",
    "technique",
    "strategy",
    "pattern",
    "tool",
}
_TRUE = {"true", "t", "yes", "y", "1", "richtig", "vrai"}
_FALSE = {"false", "f", "no", "n", "2", "falsch", "faux"}


def normalise(text: str) -> str:
    """Casefold, strip accents and punctuation, collapse white space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    no_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() or c in ".,%+-" else " " for c in no_marks)
    cleaned = re.sub(r"(?<!\d)[.,](?!\d)", " ", cleaned)
    return " ".join(cleaned.split())


def _number(text: str) -> float | None:
    token = normalise(text).replace(" ", "")
    if not _NUMBER.match(token):
        return None
    return float(token.rstrip("%").replace(",", "."))


def _numbers_in(text: str) -> list[float]:
    """Every number written in `text` ("about 43.2 minutes" -> [43.2], "14,750" -> [14750])."""
    found = _NUMBER_IN.findall(normalise(text))
    return [_as_number(n) for n in found]


def _as_number(token: str) -> float:
    if _THOUSANDS.fullmatch(token):
        return float(token.replace(",", ""))
    return float(token.replace(",", "."))


def _words(text: str) -> list[str]:
    """The answer's words without filler ("about", "the", "a" ...)."""
    return [w for w in normalise(text).split() if w not in FILLER]


def _near(said: str, target: str) -> bool:
    """Equal, fuzzily close, or a small typo in a long enough answer ("canery", "alais")."""
    if said == target or fuzz.ratio(said, target) >= FUZZY_THRESHOLD:
        return True
    allowed = 2 if len(target) >= LONG_ANSWER else 1 if len(target) >= NEAR_MISS_FROM else 0
    return allowed > 0 and OSA.distance(said, target) <= allowed


def _words_match(said: list[str], target: list[str]) -> bool:
    """The accepted answer's words, allowing typos and one generic extra word ("LoRA adapters")."""
    if not said or not target:
        return False
    if _near(" ".join(said), " ".join(target)):
        return True
    extra = [w for w in said if w in GENERIC_EXTRAS]
    core = [w for w in said if w not in GENERIC_EXTRAS]
    return len(extra) == 1 and bool(core) and _near(" ".join(core), " ".join(target))


def is_numeric(accepted: list[str]) -> bool:
    """Whether the accepted answers are numbers (then only the exact number counts)."""
    return bool(accepted) and all(_NUMBER_IN.match(normalise(a)) for a in accepted)


def grade_short(given: str, accepted: list[str]) -> bool:
    """True when `given` matches an accepted answer: numbers exactly, words fuzzily.

    Filler words are ignored; a number must equal an accepted number exactly ("43" is not
    "43.2"); words may carry a small typo when the answer is long enough, never a missing part
    of a word ("air" is not "chair").
    """
    if not normalise(given):
        return False
    if is_numeric(accepted):
        said = _numbers_in(given)
        wanted = {n for a in accepted for n in _numbers_in(a)}
        return len(said) == 1 and said[0] in wanted
    words = _words(given)
    return any(_words_match(words, _words(answer)) for answer in accepted)


@dataclass(frozen=True)
class ChoiceReading:
    """How a typed reply reads against a question's displayed choices."""

    index: int | None
    out_of_range: bool = False


def read_choice(text: str, options: int, true_false: bool = False) -> ChoiceReading:
    """Read "2", "b", "B)", "true" ... as a 0-based displayed choice index."""
    token = normalise(text).strip(").:")
    if true_false:
        if token in _TRUE:
            return ChoiceReading(0)
        if token in _FALSE:
            return ChoiceReading(1)
    if token.isdigit():  # any script's digits; only ASCII ones are read as a number
        n = ascii_int(token, 3)
        if n is None:
            return ChoiceReading(None)
        return ChoiceReading(n - 1) if 1 <= n <= options else ChoiceReading(None, True)
    if len(token) == 1 and token.isalpha():
        n = ord(token) - ord("a")
        return ChoiceReading(n) if 0 <= n < options else ChoiceReading(None, True)
    return ChoiceReading(None)


def read_choice_text(text: str, labels: list[str]) -> int | None:
    """The displayed index of the choice whose text was typed ("concept drift"), if one fits."""
    said = " ".join(_words(text))
    if not said:
        return None
    close = [i for i, label in enumerate(labels) if _near(said, " ".join(_words(label)))]
    return close[0] if len(close) == 1 else None


def grade(question: Question, displayed_order: list[int], given: str) -> bool | None:
    """Grade a reply; None when it cannot be read as an answer (ask again, no penalty)."""
    if question.type is QuestionType.SHORT_ANSWER:
        accepted = list(question.accepted or [])
        if _number(given) is not None and not is_numeric(accepted):
            return None  # a choice number typed for a word answer: ask again
        return grade_short(given, accepted)
    if question.type is QuestionType.TRUE_FALSE:
        reading = read_choice(given, 2, true_false=True)
        if reading.index is None:
            return None
        return (reading.index == 0) is bool(question.answer)
    reading = read_choice(given, len(displayed_order))
    index = reading.index
    if index is None and not reading.out_of_range:
        labels = [(question.choices or [])[i] for i in displayed_order]
        index = read_choice_text(given, labels)
    if index is None:
        return None
    return displayed_order[index] == question.correct_index
