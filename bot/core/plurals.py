"""Counts in replies: "1 minute", "3 minutes", never "minute(s)"."""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`count(1, "minute")` -> "1 minute"; `count(0, "minute")` -> "0 minutes"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
