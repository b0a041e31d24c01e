"""The original design documents, kept byte-for-byte and repaired on load.

Two seeds are mojibake: UTF-8 bytes that were decoded as another encoding (Mac Roman gives
`üìñ` for 📖; Windows-1252 gives `ğŸŸ¢` for 🟢). Loading undoes that.
"""

from __future__ import annotations

import re
from pathlib import Path

import ftfy

from curriculum.catalog.loader import CONTENT_ROOT

SEEDS = CONTENT_ROOT / "seeds"
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _mac_roman_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return run.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


def repair(text: str) -> str:
    """Undo mojibake: ftfy for the Windows-1252/Latin-1 kind, then Mac Roman runs."""
    fixed = ftfy.fix_text(text, normalization="NFC")
    return _NON_ASCII_RUN.sub(_mac_roman_run, fixed)


def seed_paths(root: Path = SEEDS) -> list[Path]:
    return sorted(root.glob("*.txt"))


def read_seed(path: Path) -> str:
    """A seed document as a learner should read it."""
    return repair(path.read_text(encoding="utf-8"))
