"""Typos are mended against the course's own words; everything else is left as written."""

from __future__ import annotations

import pytest

from knowledge.spelling import COURSE_MIN, ENGLISH_MIN, Speller, english, root

COURSE = ["Labels come from the labelling queue; the model registry keeps every model."] * 3
WORDS = {"water": 5000, "players": 900, "wasn't": 4000, "label": 800, "rarely": 60}


@pytest.fixture
def speller() -> Speller:
    return Speller(COURSE, words=WORDS)


def test_a_misspelt_course_word_is_mended(speller: Speller) -> None:
    assert speller.correct("why are my lables late") == "why are my labels late"
    assert speller.correct("whats a modle regsitry") == "whats a model registry"


def test_a_capital_letter_is_kept(speller: Speller) -> None:
    assert speller.correct("Modle registry?") == "Model registry?"


def test_english_words_the_course_never_uses_are_not_typos(speller: Speller) -> None:
    # "water" is one edit from nothing in the course, "players" is English: both stay
    assert speller.correct("how do players drink water") == "how do players drink water"


def test_short_words_code_and_paths_are_left_alone(speller: Speller) -> None:
    for text in ("modl", "my_lables", "--lables", "@lables", "lables.py", "https://x.io/lables"):
        assert speller.correct(text) == text, text


def test_a_contraction_without_its_apostrophe_is_a_word(speller: Speller) -> None:
    assert speller.known("wasnt")
    assert speller.correct("it wasnt there") == "it wasnt there"


def test_a_rare_list_word_or_a_one_off_course_word_is_no_evidence() -> None:
    speller = Speller(["the registry", "a regsitry"] * (COURSE_MIN - 1), words=WORDS)
    assert not speller.known("rarely") and WORDS["rarely"] < ENGLISH_MIN
    assert speller.mend("registy") == "registy"  # "registry" is seen too rarely to be the fix


def test_the_packaged_english_list_is_read_without_a_download() -> None:
    words = english()
    assert words.get("water", 0) >= ENGLISH_MIN and words.get("lables", 0) < ENGLISH_MIN


def test_foreign_words_are_common_english_the_course_never_uses_in_any_form(
    speller: Speller,
) -> None:
    # "players" is English and not the course's; "labelled" and "registries" are forms of
    # course words; "modle" is no English word (a typo, mended elsewhere); "rarely" is too rare
    assert speller.foreign("players labelled registries modle rarely") == ["players"]
    assert speller.foreign("how do players drink water", ours={"water"}) == ["players"]


def test_a_root_joins_the_forms_of_a_word() -> None:
    assert root("rejection") == root("rejected") == root("rejects") == "reject"
    assert root("labels") == root("labelled") == "label"
    assert root("registries") == root("registry") and root("revise") == root("revised")
    assert root("unfair") == root("fair") and root("unlabelled") == root("label")
