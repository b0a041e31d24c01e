"""How a platform names the tutor's commands, and the one function that applies it.

Replies, content and cohort posts name commands the neutral way (`/quiz m01`). Where a platform
registers them differently (Slack with a prefix: `/tutor-quiz`), its adapter names every reply
with `CommandNaming` on the way out and reads typed commands back with `neutral`, so every hint
names a command that exists there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAMES = (
    "help",
    "ask",
    "cohort",
    "start",
    "quiz",
    "lesson",
    "progress",
    "roadmap",
    "track",
    "badges",
    "project",
    "privacy",
    "new",
    "interview",
)
"""Every command the router knows (tests/unit/test_router.py keeps the two lists equal)."""
_ALTERNATIVES = "|".join(sorted(NAMES, key=len, reverse=True))
MENTION = re.compile(rf"(?<![\w/.~-])/(?P<name>{_ALTERNATIVES})(?![\w/-])")
"""A command named in text (`/quiz`, `` `/lesson m01` ``), not a path (`docs/quiz`, `/quiz/x`)."""


@dataclass(frozen=True)
class CommandNaming:
    """How users type the tutor's commands on one platform: `/` + `prefix` + the name."""

    prefix: str = ""

    def command(self, name: str) -> str:
        """The command `name` (`quiz`, or `lesson m01 key-terms`) as users type it here."""
        return f"/{self.prefix}{name}"

    def text(self, markdown: str) -> str:
        """The text with every command it names written as users type it here."""
        if not self.prefix:
            return markdown
        return MENTION.sub(lambda found: self.command(found.group("name")), markdown)

    def neutral(self, text: str) -> str:
        """A typed command as the core knows it: `/tutor-quiz stop` -> `/quiz stop` (a typo
        too, `/tutor-qiuz` -> `/qiuz`, so the core can suggest the command it meant)."""
        head = f"/{self.prefix}"
        if self.prefix and text.startswith(head) and text[len(head) : len(head) + 1].isalpha():
            return "/" + text[len(head) :]
        return text


NEUTRAL = CommandNaming()
"""The console's and Discord's naming: commands as the core names them."""
