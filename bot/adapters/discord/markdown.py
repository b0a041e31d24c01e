"""Our Slack-style chat markdown as Discord markdown, and splitting text within Discord limits."""

from __future__ import annotations

import re

MESSAGE_LIMIT = 2000
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)
_BOLD = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![\w*])")
_STRIKE = re.compile(r"(?<![\w~])~(?![\s~])([^~\n]+?)(?<![\s~])~(?![\w~])")
_LINK = re.compile(r"<(https?://[^|>\s]+)\|([^>\n]+)>")
_MASKED = re.compile(r"([\\\[\]])")


def to_discord(markdown: str) -> str:
    """Convert `*bold*` and `~strike~`; code spans stay untouched.

    Reply text carries what learners typed (answers, targets, notes, links, display names), so
    nothing in it may become a masked link: `\\`, `[` and `]` are escaped, and a `<url|label>` shows
    its address, `label (url)`. Bare addresses stay visible as themselves. `_italic_`,
    `` `code` `` and bullets are the same in both dialects.
    """
    pieces = _CODE.split(markdown)
    for i in range(0, len(pieces), 2):  # even indexes are outside code
        text = _MASKED.sub(r"\\\1", pieces[i])
        text = _BOLD.sub(r"**\1**", text)
        text = _STRIKE.sub(r"~~\1~~", text)
        pieces[i] = _LINK.sub(_shown_link, text)
    return "".join(pieces)


def _shown_link(match: re.Match[str]) -> str:
    url, label = match[1], match[2]
    return url if label.strip() == url else f"{label} ({url})"


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis when something was dropped."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at line breaks where possible."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single over-long line is cut at a space, else hard
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:cut])
            line = line[cut:].lstrip(" ")
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        chunks.append(current)
    return [c for c in chunks if c.strip()]
