"""The progress card: a PNG image adapters attach (Pillow; no fonts beyond Pillow's own)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 800, 420
BACKGROUND = (248, 250, 252)
INK = (15, 23, 42)
MUTED = (100, 116, 139)
TRACK = (226, 232, 240)
FILL = (37, 99, 235)
CHIP = (254, 243, 199)


@dataclass(frozen=True)
class CardData:
    """What the card shows: who, level, one bar per level, badges and the streak."""

    name: str
    level: str
    bars: tuple[tuple[str, int, int], ...]
    badges: tuple[str, ...]
    streak: int


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _bars(draw: ImageDraw.ImageDraw, data: CardData, top: int) -> int:
    label_font = _font(18)
    for label, done, total in data.bars:
        draw.text((40, top), label, fill=INK, font=label_font)
        draw.rounded_rectangle((220, top + 2, 680, top + 22), radius=8, fill=TRACK)
        if total and done:
            right = 220 + int(460 * min(1.0, done / total))
            draw.rounded_rectangle((220, top + 2, max(right, 236), top + 22), radius=8, fill=FILL)
        draw.text((695, top), f"{done}/{total}", fill=MUTED, font=label_font)
        top += 38
    return top


def _badges(draw: ImageDraw.ImageDraw, data: CardData, top: int) -> None:
    font = _font(16)
    draw.text((40, top), "Badges", fill=INK, font=_font(20))
    x, y = 40, top + 32
    for name in data.badges or ("none yet",):
        width = int(draw.textlength(name, font=font)) + 24
        if x + width > WIDTH - 40:
            x, y = 40, y + 34
        draw.rounded_rectangle((x, y, x + width, y + 26), radius=12, fill=CHIP)
        draw.text((x + 12, y + 4), name, fill=INK, font=font)
        x += width + 10


def render_card(data: CardData) -> bytes:
    """The card as PNG bytes, WIDTH × HEIGHT."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 8), fill=FILL)
    draw.text((40, 28), data.name[:40], fill=INK, font=_font(30))
    subtitle = f"Level: {data.level}   ·   Study streak: {data.streak} day(s)"
    draw.text((40, 70), subtitle, fill=MUTED, font=_font(18))
    below = _bars(draw, data, 118)
    _badges(draw, data, below + 12)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
