"""Faithfulness: each sentence of an answer checked against the passages it cites."""

from __future__ import annotations

from knowledge.embeddings import HashingEmbedder
from knowledge.eval.faithfulness import faithfulness

PASSAGE = (
    "Data drift is a change in the distribution of input features. "
    "Evidently flags drift when half of the columns drift."
)


def test_sentences_taken_from_the_cited_passage_are_supported() -> None:
    answer = "Data drift is a change in the distribution of input features."
    result = faithfulness(answer, [PASSAGE], HashingEmbedder())
    assert (result.sentences, result.supported, result.share) == (1, 1, 1.0)


def test_an_invented_sentence_is_not_supported() -> None:
    answer = (
        "Data drift is a change in the distribution of input features. "
        "Kubernetes autoscaling rebalances GPU quotas every night."
    )
    result = faithfulness(answer, [PASSAGE], HashingEmbedder())
    assert (result.sentences, result.supported) == (2, 1)


def test_an_answer_citing_nothing_supports_nothing() -> None:
    result = faithfulness("Drift is a change in inputs.", [], HashingEmbedder())
    assert (result.sentences, result.supported) == (1, 0)


def test_a_judge_is_asked_about_every_sentence() -> None:
    asked: list[str] = []

    def judge(sentence: str, passages: str) -> bool:
        asked.append(sentence)
        return "drift" in sentence.lower()

    answer = "Drift is a change in inputs. Bananas are yellow."
    result = faithfulness(answer, [PASSAGE], HashingEmbedder(), judge)
    assert result.judged_supported == 1 and len(asked) == 2
