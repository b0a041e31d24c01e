"""Reading and grading answers."""

from __future__ import annotations

import pytest

from curriculum.quiz.grading import grade_short, normalise, read_choice
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
