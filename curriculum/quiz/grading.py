"""Reading and grading answers: choices by number or letter, short answers fuzzily."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from curriculum.catalog.models import Question, QuestionType
from curriculum.numbers import ascii_int

FUZZY_THRESHOLD = 85
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?%?$")
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


def grade_short(given: str, accepted: list[str]) -> bool:
    """True when `given` matches an accepted answer: numbers exactly, words fuzzily.

    Whole-string similarity only: "air" never matches "chair".
    """
    said = normalise(given)
    if not said:
        return False
    for answer in accepted:
        expected_number = _number(answer)
        if expected_number is not None:
            if _number(given) == expected_number:
                return True
            continue
        target = normalise(answer)
        if said == target or fuzz.ratio(said, target) >= FUZZY_THRESHOLD:
            return True
    return False


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


def grade(question: Question, displayed_order: list[int], given: str) -> bool | None:
    """Grade a reply; None when it cannot be read as an answer (ask again, no penalty)."""
    if question.type is QuestionType.SHORT_ANSWER:
        return grade_short(given, list(question.accepted or []))
    if question.type is QuestionType.TRUE_FALSE:
        reading = read_choice(given, 2, true_false=True)
        if reading.index is None:
            return None
        return (reading.index == 0) is bool(question.answer)
    reading = read_choice(given, len(displayed_order))
    if reading.index is None:
        return None
    return displayed_order[reading.index] == question.correct_index
