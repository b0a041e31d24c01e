"""One grader per embedder, so key-point vectors are embedded once per process."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curriculum.interview import Grader

if TYPE_CHECKING:
    from bot.bootstrap import Services

_GRADERS: dict[int, Grader] = {}


def grader_for(services: Services) -> Grader:
    """The grader backed by the answer engine's embedder (MiniLM in production)."""
    embedder = services.knowledge.embedder
    grader = _GRADERS.get(id(embedder))
    if grader is None or grader.embedder is not embedder:
        grader = _GRADERS[id(embedder)] = Grader(embedder)
    return grader
