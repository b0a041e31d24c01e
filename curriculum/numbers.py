"""Numbers typed by people: ASCII digits only, and only a few of them.

`str.isdigit()` is true for characters `int()` refuses (`፩`, `²`, `𐩀`) and `int()` refuses
strings of more than 4,300 digits, so every number read from a message, an option or a button
value goes through `ascii_int`.
"""

from __future__ import annotations

import re

_ASCII_DIGITS = re.compile(r"[0-9]+")


def is_ascii_number(text: str, max_digits: int = 9) -> bool:
    """Whether `text` is 1 to `max_digits` ASCII digits and nothing else."""
    return len(text) <= max_digits and _ASCII_DIGITS.fullmatch(text) is not None


def ascii_int(text: str, max_digits: int = 9) -> int | None:
    """The number `text` spells in ASCII digits, or None (other digits, signs, too long...)."""
    return int(text) if is_ascii_number(text, max_digits) else None
