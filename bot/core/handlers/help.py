"""`/help`: what the tutor can do."""

from __future__ import annotations

from bot.core import texts
from bot.core.context import Request
from bot.core.reply import Reply


def handle(req: Request) -> list[Reply]:
    return [Reply.text(texts.HELP)]
