"""Numbers typed by learners: ASCII digits only, bounded, never an exception."""

from __future__ import annotations

import re

_ASCII_INT = re.compile(r"[0-9]{1,6}")


def ascii_int(text: str) -> int | None:
    """`"12"` -> 12; None for anything else (`"፩"`, `"1e3"`, 7 or more digits, words)."""
    token = text.strip()
    return int(token) if _ASCII_INT.fullmatch(token) else None
