"""A learner's conversation in a thread, as the answerers see it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a learner's conversation: their question and the tutor's
    answer ("" when nothing was answered). Only ever the asking learner's own."""

    question: str
    answer: str = ""
