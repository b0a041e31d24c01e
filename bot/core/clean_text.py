"""Text as it enters the core: printable, encodable, free of terminal escapes.

Adapters hand the core whatever the platform delivered: NUL bytes (PostgreSQL refuses them),
lone surrogates from undecodable bytes (nothing can encode them), ANSI escape sequences that
repaint a terminal, other control characters. `clean` removes or replaces them once, at the
`Incoming` boundary, so every handler, every store and every echo sees clean text.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
_ANSI = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                  # CSI: colours, cursor moves, clear screen
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?     # OSC: window titles, hyperlinks
    | \x1b[P^_X][^\x1b]*(?:\x1b\\)?          # DCS, PM, APC, SOS strings
    | \x1b[@-Z\\-_]                          # other two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]                  # 8-bit CSI
    """,
    re.VERBOSE,
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_KEEP = {"\n", "\t"}


def _printable(ch: str) -> bool:
    return ch in _KEEP or unicodedata.category(ch) != "Cc"


def clean(text: str) -> str:
    """The text with lone surrogates replaced, escape sequences and control characters removed.

    Line breaks become `\\n`; tabs stay. Everything else a person can type is kept verbatim.
    """
    if not text:
        return text
    text = _SURROGATE.sub(REPLACEMENT, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    if text.isprintable():
        return text
    return "".join(ch for ch in text if _printable(ch))
