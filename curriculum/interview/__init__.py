"""Interview practice logic: grading answers against key points, choosing questions, readiness."""

from curriculum.interview.grading import (
    HINT_PENALTY,
    MAX_SCORE,
    SIMILARITY_THRESHOLD,
    Grade,
    Grader,
    KeyPointResult,
    TextEmbedder,
    score_for,
)

__all__ = [
    "HINT_PENALTY",
    "MAX_SCORE",
    "SIMILARITY_THRESHOLD",
    "Grade",
    "Grader",
    "KeyPointResult",
    "TextEmbedder",
    "score_for",
]
