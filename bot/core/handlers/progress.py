"""`/progress`: where the learner stands (quiz results so far; badges and projects come later)."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.reply import Part, ProgressBar, Reply, Text
from curriculum.catalog.models import Level

EMPTY = "You have not taken a quiz yet. Start with `/quiz` — it picks your next module."
PENDING = "_Projects, badges and study streaks will show here once those features land._"


def handle(req: Request) -> list[Reply]:
    svc, learner = req.services, req.learner
    assert learner.id is not None
    cur = svc.curriculum
    rows = svc.progress.of(learner.id)
    passed = {mid for mid, row in rows.items() if row.quiz_passed_at}
    nxt = next((m for m in cur.ordered_modules() if m.id not in passed), None)
    name = learner.display_name or learner.user_id
    header = [f"*Progress for {name}*"]
    if nxt is not None:
        header.append(
            f"Level: *{nxt.level.value.title()}* · next module: "
            f"`{nxt.id}` {nxt.title} (`/quiz {nxt.id}`)"
        )
    else:
        header.append("Every module quiz passed. 🎓")
    parts: list[Part] = [Text("\n".join(header))]
    for level in Level:
        mods = cur.modules_of(level)
        done = sum(1 for m in mods if m.id in passed)
        parts.append(ProgressBar(f"{level.value.title()} quizzes passed", done, len(mods)))
    if rows:
        lines = ["*Best quiz scores*"]
        for m in cur.ordered_modules():
            row = rows.get(m.id)
            if row is not None:
                mark = "✅" if row.quiz_passed_at else "…"
                lines.append(
                    f"{mark} `{m.id}` {m.title}: {row.best_percent}% "
                    f"({row.attempts} attempt{'s' if row.attempts != 1 else ''})"
                )
        parts.append(Text("\n".join(lines)))
    else:
        parts.append(Text(EMPTY))
    due = svc.reviews.count_due(learner.id, svc.clock.now())
    parts.append(Text(f"Review cards due: *{due}*" + (" — `/quiz review`" if due else "")))
    parts.append(Text(PENDING))
    return [Reply(tuple(parts), ephemeral=True)]
