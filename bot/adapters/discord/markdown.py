"""Our Slack-style chat markdown as Discord markdown, and splitting text within Discord limits."""

from __future__ import annotations

import re

MESSAGE_LIMIT = 2000
FENCE = "```"
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)
_BOLD = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![\w*])")
_STRIKE = re.compile(r"(?<![\w~])~(?![\s~])([^~\n]+?)(?<![\s~])~(?![\w~])")
_LINK = re.compile(r"<(https?://[^|>\s]+)\|([^>\n]+)>")
_MASKED = re.compile(r"([\\\[\]])")
_HELD = "\ue000"  # a private-use character marks a code span set aside during conversion
_HELD_AT = re.compile(f"{_HELD}(\\d+){_HELD}")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^\s*\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?\s*)?\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def to_discord(markdown: str) -> str:
    """Convert `*bold*`, `~strike~` and GitHub tables; code stays untouched.

    Reply text carries what learners typed (answers, targets, notes, links, display names), so
    nothing in it may become a masked link: `\\`, `[` and `]` are escaped, and a `<url|label>` shows
    its address, `label (url)`. Bare addresses stay visible as themselves. `_italic_`,
    `` `code` `` and bullets are the same in both dialects. Code spans are set aside while the
    rest is converted, so a bold span may hold code (`*Skipping `dvc push`.*`).
    """
    code: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        code.append(match[0])
        return f"{_HELD}{len(code) - 1}{_HELD}"

    text = _CODE.sub(set_aside, tables_as_bullets(markdown.replace(_HELD, "")))
    text = _MASKED.sub(r"\\\1", text)
    text = _BOLD.sub(r"**\1**", text)
    text = _STRIKE.sub(r"~~\1~~", text)
    text = _LINK.sub(_shown_link, text)
    return _HELD_AT.sub(lambda m: code[int(m[1])], text)


def tables_as_bullets(markdown: str) -> str:
    """Each row of a GitHub table (outside code blocks) as a bullet: its first cell in bold,
    then the other cells, named by their column when there are more than two."""
    lines = markdown.split("\n")
    out: list[str] = []
    fenced, i = False, 0
    while i < len(lines):
        if lines[i].lstrip().startswith("```"):
            fenced = not fenced
        is_table = i + 1 < len(lines) and _ROW.match(lines[i]) and _RULE.match(lines[i + 1])
        if fenced or not is_table:
            out.append(lines[i])
            i += 1
            continue
        head, i = _cells(lines[i]), i + 2
        while i < len(lines) and _ROW.match(lines[i]):
            out.append(_row_bullet(head, _cells(lines[i])))
            i += 1
    return "\n".join(out)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _PIPE.split(line.strip().removeprefix("|").removesuffix("|"))]


def _row_bullet(head: list[str], cells: list[str]) -> str:
    first, rest = cells[0], list(zip(head[1:], cells[1:], strict=False))
    if len(head) <= 2:
        shown = [cell for _, cell in rest if cell]
    else:
        shown = [f"{name}: {cell}" if name else cell for name, cell in rest if cell]
    return f"• *{first}* — {'; '.join(shown)}" if shown else f"• *{first}*"


def _shown_link(match: re.Match[str]) -> str:
    url, label = match[1], match[2]
    return url if label.strip() == url else f"{label} ({url})"


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis when something was dropped."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters: cut between paragraphs when one ends in the second
    half of a piece (a heading stays with its text), else at a line break; a code block cut in
    two is closed and reopened, so each piece renders on its own."""
    fence_room = 2 * (len(FENCE) + 1)
    return _fences_closed(_cut(text, limit - fence_room))


def _cut(text: str, limit: int) -> list[str]:
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
        if len(candidate) <= limit:
            current = candidate
            continue
        para = current.rfind("\n\n")
        rest = current[para + 2 :] if para > limit // 2 else None
        if rest is not None and len(rest) + 1 + len(line) <= limit:
            chunks.append(current[:para])
            current = f"{rest}\n{line}" if rest else line
        else:
            chunks.append(current)
            current = line
    if current.strip():
        chunks.append(current)
    return [c for c in chunks if c.strip()]


def _fences_closed(chunks: list[str]) -> list[str]:
    out: list[str] = []
    inside = False
    for chunk in chunks:
        if inside:
            chunk = f"{FENCE}\n{chunk}"
        inside = chunk.count(FENCE) % 2 == 1
        out.append(f"{chunk}\n{FENCE}" if inside else chunk)
    return out
