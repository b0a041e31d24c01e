"""What a handler gets: the message, the learner it came from, and the services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.incoming import Incoming

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from storage.tables import Learner


@dataclass(frozen=True)
class Request:
    """A routed message: `args` is the text after the command name."""

    incoming: Incoming
    learner: Learner
    services: Services
    args: str = ""
