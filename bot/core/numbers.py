"""Numbers typed by learners: ASCII digits only, bounded, never an exception."""

from __future__ import annotations

import re

_ASCII_INT = re.compile(r"[0-9]{1,6}")


def ascii_int(text: str) -> int | None:
    """`"12"` -> 12; None for anything else (`"፩"`, `"1e3"`, 7 or more digits, words)."""
    token = text.strip()
    return int(token) if _ASCII_INT.fullmatch(token) else None


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`count(1, "minute")` -> "1 minute"; `count(0, "minute")` -> "0 minutes"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
