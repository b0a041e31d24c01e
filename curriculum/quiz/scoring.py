"""Scores. A module quiz is passed at 80% or more (the curriculum's pass mark)."""

from __future__ import annotations

PASS_PERCENT = 80


def percent(correct: int, total: int) -> int:
    """Whole-number percentage, rounded down (79.9% is not a pass)."""
    return 0 if total <= 0 else (100 * correct) // total


def is_pass(correct: int, total: int) -> bool:
    return total > 0 and 100 * correct >= PASS_PERCENT * total
