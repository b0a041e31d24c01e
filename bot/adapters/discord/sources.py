"""The citations of a reply as one "Sources" embed: each names the lesson section and the
`/lesson` command that opens it in chat, never a file path."""

from __future__ import annotations

import discord

from bot.adapters.discord import texts
from bot.adapters.discord.markdown import clip
from bot.core.reply import Citation

EMBED_DESCRIPTION = 4096
TITLE_LIMIT = 200


def source_line(c: Citation) -> str:
    """`• **Lesson › Section** · read it: `/lesson m01 key-terms``, or the title alone."""
    line = texts.SOURCE_LINE.format(title=clip(c.title, TITLE_LIMIT))
    command = c.command
    return line + texts.SOURCE_OPEN.format(command=command) if command else line


def sources_embed(citations: list[Citation], colour: discord.Colour) -> discord.Embed:
    """The citations as description lines of one embed, within its 4,096 characters."""
    lines: list[str] = []
    for i, c in enumerate(citations):
        line = source_line(c)
        rest = texts.MORE_SOURCES.format(n=len(citations) - i)
        if sum(len(x) + 1 for x in lines) + len(line) + len(rest) + 2 > EMBED_DESCRIPTION:
            lines.append(rest)
            break
        lines.append(line)
    return discord.Embed(title=texts.SOURCES, description="\n".join(lines), colour=colour)
