"""Grading free-text answers against key points (pure logic, fake embedder)."""

from __future__ import annotations

from bot.bootstrap import shipped_curriculum
from curriculum.interview import Grader, score_for
from curriculum.interview.sentences import answer_sentences, split_sentences
from knowledge.embeddings import HashingEmbedder

BANK = shipped_curriculum().interview
GRADER = Grader(HashingEmbedder())
DRIFT = BANK.get("data-drift-vs-concept-drift")
assert DRIFT is not None


def test_answers_split_into_sentences_bullets_and_clauses() -> None:
    text = "First point. Second one!\n- a bullet here\n2) numbered item; and a clause"
    assert split_sentences(text) == [
        "First point.",
        "Second one!",
        "a bullet here",
        "numbered item;",
        "and a clause",
    ]


def test_a_list_of_terms_and_a_restated_question_earn_nothing() -> None:
    judged = answer_sentences(
        "Drift, PSI, KS test, concept drift, ground truth, covariate shift. "
        "Data drift and concept drift are different kinds of drift.",
        DRIFT.prompt,
    )
    assert [s.eligible for s in judged] == [False, False]
    assert {s.reason for s in judged} == {"a list of terms, not a sentence", "repeats the question"}


def test_each_key_point_is_quoted_with_the_sentence_that_made_it() -> None:
    answer = (
        "Data drift means the input feature distribution moves away from training, covariate "
        "shift basically. I would compare histograms with PSI or a KS test, no labels needed."
    )
    grade = GRADER.grade(DRIFT, answer)
    covered = {r.key_point.id: r.sentence for r in grade.results if r.covered}
    assert "data-drift-inputs" in covered and "covariate shift" in covered["data-drift-inputs"]
    assert "detect-data-drift-without-labels" in covered
    assert grade.missed and grade.score == score_for(len(covered), 4)


def test_keywords_the_question_already_contains_never_count() -> None:
    q = BANK.get("which-model-in-prod")
    assert q is not None
    grade = GRADER.grade(q, "We always know which model is in production in our team setup.")
    assert grade.covered == []


def test_hints_cost_half_a_point_and_the_score_never_goes_below_zero() -> None:
    assert score_for(4, 4) == 5.0
    assert score_for(4, 4, hints=1) == 4.5
    assert score_for(0, 4, hints=3) == 0.0
    assert score_for(3, 4) == 3.8
