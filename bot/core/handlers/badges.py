"""`/badges`: the achievement system as the curriculum defines it."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.reply import Reply

NOT_YET = (
    "_Badges are not awarded yet: awarding is still being built. "
    "Your quiz results are already recorded and will count: `/quiz` to start._"
)


def handle(req: Request) -> list[Reply]:
    badges = req.services.curriculum.badges
    lines = ["*Badges*"]
    for kind in ("level", "specialty", "milestone"):
        lines.append(f"\n*{kind.title()}*")
        lines += [f"{b.emoji} *{b.name}* — {b.rule.strip()}" for b in badges if b.kind == kind]
    lines += ["", NOT_YET]
    return [Reply.text("\n".join(lines))]
