"""Grade a free-text interview answer against the question's key points.

A key point is covered when one eligible sentence of the answer says it: close enough in
meaning to its statement or one of its phrasings (cosine similarity from the embedder port, at
a threshold measured on the calibration set), or naming one of its keywords that the question
itself does not contain. The decisions are ours alone; an LLM may only phrase the feedback.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Protocol

from curriculum.catalog.interview import InterviewQuestion, KeyPoint
from curriculum.interview.sentences import Sentence, answer_sentences

MAX_SCORE = 5.0
HINT_PENALTY = 0.5
SIMILARITY_THRESHOLD = 0.60
"""Calibrated for all-MiniLM-L6-v2 on the calibration set (see bench/interview.py)."""
QUESTION_MARGIN = 0.05
"""A sentence must be closer to the key point than to the question by this much: saying the
question back in other words earns nothing."""


class TextEmbedder(Protocol):
    """The port the grader needs: unit-length vectors for texts."""

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One normalised vector per text, in order."""
        ...


@dataclass(frozen=True)
class KeyPointResult:
    """One key point's decision: covered or not, by which sentence, and how."""

    key_point: KeyPoint
    covered: bool
    sentence: str = ""
    similarity: float = 0.0
    by: str = ""  # "meaning" or "keyword"


@dataclass(frozen=True)
class Grade:
    """The grade of one answer."""

    question_id: str
    results: tuple[KeyPointResult, ...]
    score: float
    hints: int = 0
    sentences: tuple[Sentence, ...] = ()

    @property
    def covered(self) -> list[str]:
        return [r.key_point.id for r in self.results if r.covered]

    @property
    def missed(self) -> list[str]:
        return [r.key_point.id for r in self.results if not r.covered]


def _cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def _keyword_in(keyword: str, text: str) -> bool:
    pattern = r"(?<![a-z0-9])" + re.escape(keyword.casefold()) + r"(?![a-z0-9])"
    return re.search(pattern, text.casefold()) is not None


def score_for(covered: int, total: int, hints: int = 0) -> float:
    """0-5: the share of key points made, less a penalty per hint, to one decimal."""
    raw = MAX_SCORE * covered / total if total else 0.0
    return round(max(0.0, raw - HINT_PENALTY * hints), 1)


class Grader:
    """Decides which key points an answer covers. Key-point vectors are cached."""

    def __init__(self, embedder: TextEmbedder, threshold: float = SIMILARITY_THRESHOLD) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self._cache: dict[str, list[float]] = {}

    def _vectors(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            self._cache.update(zip(missing, self.embedder.embed(missing), strict=True))
        return [self._cache[t] for t in texts]

    def grade(self, question: InterviewQuestion, answer: str, hints: int = 0) -> Grade:
        """Judge every key point against the answer's eligible sentences."""
        sentences = answer_sentences(answer, question.prompt)
        eligible = [s.text for s in sentences if s.eligible]
        vectors = self.embedder.embed(eligible) if eligible else []
        (prompt_vector,) = self._vectors([question.prompt])
        echo = [_cosine(v, prompt_vector) for v in vectors]
        results = tuple(
            self._judge(kp, question.prompt, eligible, vectors, echo) for kp in question.key_points
        )
        covered = sum(1 for r in results if r.covered)
        score = score_for(covered, len(results), hints)
        return Grade(question.id, results, score, hints, tuple(sentences))

    def _judge(
        self,
        kp: KeyPoint,
        prompt: str,
        eligible: list[str],
        vectors: list[list[float]],
        echo: list[float],
    ) -> KeyPointResult:
        targets = self._vectors([kp.statement, *kp.phrasings])
        best, best_sentence = 0.0, ""
        for text, vec, to_question in zip(eligible, vectors, echo, strict=True):
            sim = max(_cosine(vec, t) for t in targets)
            if sim > best and sim >= to_question + QUESTION_MARGIN:
                best, best_sentence = sim, text
        if best >= self.threshold:
            return KeyPointResult(kp, True, best_sentence, best, "meaning")
        keywords = [k for k in kp.keywords if not _keyword_in(k, prompt)]
        for text in eligible:
            if any(_keyword_in(k, text) for k in keywords):
                return KeyPointResult(kp, True, text, best, "keyword")
        return KeyPointResult(kp, False, best_sentence, best)
