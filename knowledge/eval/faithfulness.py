"""Faithfulness of written answers: is each sentence supported by a passage the answer cites?

Judged by embedding similarity (a sentence is supported when some sentence of a cited passage
comes within `SUPPORT_SIMILARITY`, or the passages contain most of its content words) and,
optionally, by a judge (e.g. the model itself) asked yes or no per sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.embeddings import Embedder
from knowledge.eval.learner import sentences
from knowledge.keywords import content_words

SUPPORT_SIMILARITY = 0.60
SUPPORT_WORDS = 0.80
Judge = Callable[[str, str], bool]
"""(sentence, cited passages) -> whether the passages support the sentence."""


@dataclass(frozen=True)
class Faithfulness:
    """Sentence-level support of one answer by its cited passages."""

    sentences: int
    supported: int
    judged_supported: int | None = None

    @property
    def share(self) -> float:
        """Supported sentences / sentences (1.0 for an answer with none)."""
        return self.supported / self.sentences if self.sentences else 1.0


def faithfulness(
    answer: str,
    passages: Sequence[str],
    embedder: Embedder,
    judge: Judge | None = None,
) -> Faithfulness:
    """How many of the answer's sentences its cited passages support."""
    claims = sentences(answer)
    evidence = [s for p in passages for s in sentences(p)]
    if not claims:
        return Faithfulness(0, 0, 0 if judge else None)
    if not evidence:
        return Faithfulness(len(claims), 0, 0 if judge else None)
    vectors = embedder.embed([*claims, *evidence])
    claim_vecs, evidence_vecs = vectors[: len(claims)], vectors[len(claims) :]
    words = content_words(" ".join(passages))
    supported = 0
    for claim, cv in zip(claims, claim_vecs, strict=True):
        close = max(sum(a * b for a, b in zip(cv, ev, strict=True)) for ev in evidence_vecs)
        need = content_words(claim)
        share = len(need & words) / len(need) if need else 1.0
        supported += close >= SUPPORT_SIMILARITY or share >= SUPPORT_WORDS
    judged = None
    if judge is not None:
        joined = "\n\n".join(passages)
        judged = sum(judge(claim, joined) for claim in claims)
    return Faithfulness(len(claims), supported, judged)
