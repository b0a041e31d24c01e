"""Choice buttons that survive restarts: the whole press travels in the button's custom_id.

A custom_id reads `tutor:<action>:<value>` (for a quiz answer, `tutor:quiz.answer:42:m01-q03:2`).
`ChoiceButton` is a `DynamicItem` registered once in `setup_hook`, so a button sent before a
restart still reaches the core afterwards; no view has to be re-created or remembered.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.adapters.discord import texts
from bot.adapters.discord.failures import tell_failure
from bot.adapters.discord.markdown import clip
from bot.core.incoming import ButtonPress
from bot.core.reply import Choices

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient

log = logging.getLogger(__name__)
PREFIX = "tutor"
CUSTOM_ID_LIMIT = 100
LABEL_LIMIT = 80
PER_ROW = 5
PER_VIEW = 25
TEMPLATE = re.compile(rf"{PREFIX}:(?P<action>[a-z][a-z0-9_.-]*):(?P<value>[^\s]+)")


def custom_id(action: str, value: str) -> str:
    """The custom_id that carries a press of `value` for `action`."""
    return f"{PREFIX}:{action}:{value}"


def parse_custom_id(raw: str) -> ButtonPress | None:
    """The press a custom_id carries; None when it is not one of ours."""
    match = TEMPLATE.fullmatch(raw)
    return ButtonPress(match["action"], match["value"]) if match else None


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=TEMPLATE):
    """One choice of a `Choices` part; pressing it sends the press to the core."""

    def __init__(
        self, action: str, value: str, label: str, row: int | None = None, disabled: bool = False
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(label, LABEL_LIMIT),
                custom_id=custom_id(action, value),
                style=discord.ButtonStyle.secondary,
                disabled=disabled,
            ),
            row=row,
        )
        self.press = ButtonPress(action, value)

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ChoiceButton:
        label = getattr(item, "label", None) or match["value"]
        return cls(match["action"], match["value"], str(label))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Hand the press to the core; on any failure the user is told, never left waiting."""
        client: TutorClient = interaction.client
        try:
            await client.handle_press(interaction, self.press)
        except Exception as exc:
            await tell_failure(interaction, exc)


def choices_view(choices: Choices) -> discord.ui.View | None:
    """A persistent view (no timeout) of the choices: 5 per row, at most 25."""
    view = discord.ui.View(timeout=None)
    options = choices.options
    if len(options) > PER_VIEW:
        log.warning(texts.LOG_TOO_MANY_BUTTONS, len(options), PER_VIEW)
        options = options[:PER_VIEW]
    for index, option in enumerate(options):
        if len(custom_id(choices.action, option.value)) > CUSTOM_ID_LIMIT:
            log.warning(texts.LOG_LONG_CUSTOM_ID, option.label)
            continue
        view.add_item(
            ChoiceButton(choices.action, option.value, option.label, row=index // PER_ROW)
        )
    return view if view.children else None


def answered_view(message: discord.Message, pressed: str) -> discord.ui.View:
    """The message's buttons, all disabled, the pressed one highlighted: no second answer."""
    view = discord.ui.View.from_message(message, timeout=None)
    for item in view.children:
        if isinstance(item, discord.ui.Button):
            item.disabled = True
            if item.custom_id == pressed:
                item.style = discord.ButtonStyle.primary
    return view
