"""`/progress` interview readiness: questions practised, average score, areas still weak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.interview import texts
from curriculum.interview.planning import tag_averages

if TYPE_CHECKING:
    from bot.bootstrap import Services

WEAK_BELOW = 3.0
RECENT = 10
DUE_LIMIT = 100


def readiness_text(services: Services, learner_id: int) -> str:
    """One paragraph for `/progress`."""
    graded = [a for a in services.interviews.history(learner_id) if not a.skipped]
    if not graded:
        return texts.READINESS_NONE
    bank = {q.id: q for q in services.curriculum.interview.questions}
    practised = {a.question_id for a in graded}
    weeks = {w for qid in practised if qid in bank for w in bank[qid].weeks}
    average = sum(a.score for a in graded) / len(graded)
    recent = graded[-RECENT:]
    line = texts.READINESS.format(
        practised=len(practised),
        s="" if len(practised) == 1 else "s",
        weeks=len(weeks),
        ws="" if len(weeks) == 1 else "s",
        average=f"{average:.1f}",
        recent=f"{sum(a.score for a in recent) / len(recent):.1f}",
    )
    weak = sorted(
        (
            t
            for t, v in tag_averages(bank, [(a.question_id, a.score) for a in graded]).items()
            if v < WEAK_BELOW
        )
    )
    if weak:
        line += "\n" + texts.READINESS_WEAK.format(tags=", ".join(weak[:5]))
    due = len(services.interviews.due_reviews(learner_id, services.clock.now(), DUE_LIMIT))
    if due:
        line += "\n" + texts.READINESS_DUE.format(n=due, s="" if due == 1 else "s")
    return line
