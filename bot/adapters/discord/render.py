"""Neutral replies as Discord messages: content within 2000 characters, embeds, button views."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import discord

from bot.adapters.discord.buttons import choices_view
from bot.adapters.discord.markdown import clip, split_message, to_discord
from bot.adapters.discord.sources import sources_embed
from bot.core.reply import Choices, Citation, File, Image, ProgressBar, Reply, Text

BAR_WIDTH = 12
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
EMBED_FIELD_NAME = 256
EMBED_FIELD_VALUE = 1024
EMBED_TOTAL = 6000
CARD_COLOUR = discord.Colour.blurple()


@dataclass
class Outgoing:
    """One Discord message to send; `content` may be empty when embeds carry it."""

    content: str = ""
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    files: list[discord.File] = field(default_factory=list)


def bar(part: ProgressBar) -> str:
    """A progress bar as text, e.g. `▰▰▰▱▱▱` 3/6 Beginner quizzes passed."""
    filled = round(part.fraction * BAR_WIDTH)
    return f"`{'▰' * filled}{'▱' * (BAR_WIDTH - filled)}` {part.done}/{part.total} {part.label}"


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Clip an embed to Discord's limits (title, description, fields, total)."""
    if embed.title:
        embed.title = clip(embed.title, EMBED_TITLE)
    if embed.description:
        embed.description = clip(embed.description, EMBED_DESCRIPTION)
    while len(embed.fields) > EMBED_FIELDS:
        embed.remove_field(-1)
    for i, f in enumerate(embed.fields):
        embed.set_field_at(
            i,
            name=clip(f.name or "-", EMBED_FIELD_NAME),
            value=clip(f.value or "-", EMBED_FIELD_VALUE),
            inline=f.inline,
        )
    while len(embed) > EMBED_TOTAL and embed.fields:
        embed.remove_field(-1)
    if len(embed) > EMBED_TOTAL and embed.description:
        embed.description = clip(
            embed.description, len(embed.description) - len(embed) + EMBED_TOTAL
        )
    return embed


def render(reply: Reply) -> list[Outgoing]:
    """Every part, in order. Text and bars are content, or a card embed when the reply has
    progress bars or an image (the image is attached and shown in the card)."""
    lines: list[str] = []
    citations: list[Citation] = []
    choices: Choices | None = None
    images: list[Image] = []
    for part in reply.parts:
        if isinstance(part, Text):
            lines.append(to_discord(part.markdown))
        elif isinstance(part, ProgressBar):
            lines.append(bar(part))
        elif isinstance(part, Citation):
            citations.append(part)
        elif isinstance(part, Choices):
            choices = part
        else:
            images.append(part)
    body = "\n".join(lines)
    pictures = [i for i in images if not isinstance(i, File)]  # a File (JSON export) is no card
    is_card = bool(pictures) or any(isinstance(p, ProgressBar) for p in reply.parts)
    embeds: list[discord.Embed] = []
    if is_card and len(body) <= EMBED_DESCRIPTION:
        embeds.append(card_embed(body, pictures[0] if pictures else None))
        body = ""
    if citations:
        embeds.append(sources_embed(citations, CARD_COLOUR))
    messages = [Outgoing(content=chunk) for chunk in split_message(body)] or [Outgoing()]
    _attach(messages, [fit_embed(e) for e in embeds])
    messages[-1].view = choices_view(choices) if choices else None
    messages[-1].files = [image_file(i) for i in images]
    return [m for m in messages if m.content or m.embeds or m.view or m.files]


def card_embed(body: str, image: Image | None) -> discord.Embed:
    """Text and bars in an embed; the image (attached to the same message) below them."""
    card = discord.Embed(description=body or None, colour=CARD_COLOUR)
    if image is not None:
        card.set_image(url=f"attachment://{image.filename}")
    return card


def image_file(image: Image) -> discord.File:
    return discord.File(
        io.BytesIO(image.data), filename=image.filename, description=image.alt or None
    )


def _attach(messages: list[Outgoing], embeds: list[discord.Embed]) -> None:
    """Embeds go on the last message; when together they pass 6000 characters, one per message."""
    if sum(len(e) for e in embeds) <= EMBED_TOTAL:
        messages[-1].embeds = embeds
        return
    messages[-1].embeds = embeds[:1]
    messages.extend(Outgoing(embeds=[e]) for e in embeds[1:])
