"""Spaced review of missed questions with FSRS (right = Good, wrong = Again)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fsrs import Card, Rating, Scheduler

_SCHEDULER = Scheduler(enable_fuzzing=False)


def schedule(
    card_state: dict[str, Any] | None, correct: bool, when: datetime
) -> tuple[dict[str, Any], datetime]:
    """Apply one review to a card (a new card when None); return the new state and due time."""
    if when.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    card = Card.from_dict(card_state) if card_state else Card(due=when)  # type: ignore[arg-type]
    card, _log = _SCHEDULER.review_card(card, Rating.Good if correct else Rating.Again, when)
    return dict(card.to_dict()), card.due
