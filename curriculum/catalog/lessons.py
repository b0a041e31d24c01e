"""Parse Markdown lessons with YAML front matter into anchored sections."""

from __future__ import annotations

import re
import unicodedata

import yaml

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{#([^}\s]+)\})?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class LessonFormatError(ValueError):
    """The lesson file is not Markdown with a YAML front matter block."""


def slugify(text: str) -> str:
    """A heading's fallback anchor: lowercase ASCII words joined by dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def split_front_matter(raw: str) -> tuple[dict[str, object], str]:
    """Return (front matter mapping, body) of a Markdown document."""
    if not raw.startswith("---"):
        raise LessonFormatError("missing front matter (the file must start with '---')")
    parts = raw.split("\n---", 1)
    if len(parts) != 2:
        raise LessonFormatError("front matter is not closed by a '---' line")
    meta = yaml.safe_load(parts[0].removeprefix("---")) or {}
    if not isinstance(meta, dict):
        raise LessonFormatError("front matter must be a mapping")
    return meta, parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""


def parse_sections(body: str) -> list[dict[str, object]]:
    """Split a Markdown body into heading sections (code fences are not headings)."""
    sections: list[dict[str, object]] = []
    stack: list[tuple[int, str]] = []
    in_fence = False
    current: dict[str, object] | None = None
    lines: list[str] = []
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match is None:
            lines.append(line)
            continue
        if current is not None:
            current["text"] = "\n".join(lines).strip()
        lines = []
        depth, title, anchor = len(match.group(1)), match.group(2).strip(), match.group(3)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, title))
        current = {
            "anchor": anchor or slugify(title),
            "title": title,
            "depth": depth,
            "path": tuple(t for _, t in stack),
            "text": "",
        }
        sections.append(current)
    if current is not None:
        current["text"] = "\n".join(lines).strip()
    return sections
