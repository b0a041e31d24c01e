"""Reading and grading answers."""

from __future__ import annotations

import pytest

from bot.bootstrap import shipped_curriculum
from curriculum.catalog.models import QuestionType
from curriculum.quiz.grading import grade, grade_short, normalise, read_choice
from curriculum.quiz.scoring import is_pass, percent


@pytest.mark.parametrize(
    ("given", "accepted", "expected"),
    [
        ("DVC", ["dvc", "data version control"], True),
        ("  Data-Version  Control! ", ["dvc", "data version control"], True),
        ("data versoin control", ["dvc", "data version control"], True),  # typo within threshold
        ("Café", ["cafe"], True),  # accents normalised
        ("air", ["chair"], False),  # never substring matching
        ("chair", ["air"], False),
        ("p95", ["p99"], False),
        ("80", ["80%"], True),
        ("81", ["80"], False),  # numbers are exact, never fuzzy
        ("0.5", ["0,5"], True),
        ("", ["dvc"], False),
    ],
)
def test_short_answers_match_after_normalising(
    given: str, accepted: list[str], expected: bool
) -> None:
    assert grade_short(given, accepted) is expected


def test_choices_read_by_number_or_letter_and_out_of_range_is_flagged() -> None:
    assert read_choice("2", 4).index == 1
    assert read_choice("B)", 4).index == 1
    assert read_choice("5", 4).out_of_range
    assert read_choice("e", 4).out_of_range
    assert read_choice("maybe", 4).index is None
    assert read_choice("true", 2, true_false=True).index == 0
    assert read_choice("False", 2, true_false=True).index == 1


def test_normalise_folds_case_width_and_punctuation() -> None:
    assert normalise("ＭＬｆｌｏｗ — Model Registry!") == "mlflow model registry"


def test_eighty_percent_passes_and_rounding_never_helps() -> None:
    assert is_pass(4, 5) and not is_pass(3, 5)
    assert is_pass(8, 10) and not is_pass(7, 9)  # 77.7% fails
    assert percent(7, 9) == 77


TIME = ["43.2", "43.2 minutes", "43.2 min"]
STEPS = ["14750", "14,750", "14748", "14,748"]


@pytest.mark.parametrize(
    ("given", "accepted", "expected"),
    [
        # accepted: typos in long enough answers, filler words, one generic extra word
        ("canery", ["canary", "canary release"], True),
        ("alais", ["alias", "aliases", "model alias"], True),
        ("about 43.2 minutes", TIME, True),
        ("roughly 43.2", TIME, True),
        ("major version bump", ["major", "major version", "the major version"], True),
        ("LoRA adapters", ["lora", "low-rank adaptation"], True),
        ("the canary", ["canary"], True),
        ("14,750", STEPS, True),
        ("about 14750 steps", STEPS, True),
        ("depreciation", ["depreciation"], True),
        # rejected: wrong numbers, parts of words, unrelated or negated words
        ("43 minutes", TIME, False),
        ("43", TIME, False),
        ("43.2 or 50", TIME, False),
        ("14.75", STEPS, False),
        ("minutes", TIME, False),
        ("air", ["chair"], False),
        ("git checkout", ["dvc checkout", "checkout", "dvc pull"], False),
        ("git push", ["dvc checkout", "checkout", "dvc pull"], False),
        ("not canary", ["canary"], False),
        ("blue green", ["canary"], False),
        ("p95", ["p99"], False),
        ("cat", ["car"], False),
    ],
)
def test_a_table_of_accepted_and_rejected_short_answers(
    given: str, accepted: list[str], expected: bool
) -> None:
    assert grade_short(given, accepted) is expected


def test_choice_text_is_accepted_and_a_number_for_a_word_answer_asks_again() -> None:
    cur = shipped_curriculum()
    mcq = next(q for q in cur.questions("m01") if q.type is QuestionType.MCQ)
    order = list(range(len(mcq.choices or [])))
    right = (mcq.choices or [])[mcq.correct_index]
    wrong = next(c for c in (mcq.choices or []) if c != right)
    assert grade(mcq, order, right.upper()) is True
    assert grade(mcq, order, wrong) is False
    assert grade(mcq, order, "something else entirely") is None
    short = next(
        q for m in cur.modules for q in cur.questions(m) if q.type is QuestionType.SHORT_ANSWER
    )
    assert grade(short, [], "2") is None
    numeric = next(q for q in cur.questions("m13") if q.accepted and "43.2" in q.accepted)
    assert grade(numeric, [], "43.2") is True and grade(numeric, [], "2") is False
