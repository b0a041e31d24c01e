"""The end of an interview: scores per question, strongest and weakest areas, what to read."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.interview import texts
from bot.core.interview.render import lesson_links
from bot.core.progress import after_event
from bot.core.reply import Reply
from curriculum.catalog.interview import InterviewQuestion
from curriculum.interview.planning import tag_averages
from storage.tables import InterviewSession

PROMPT_LIMIT = 70
TOP_TAGS = 2
MAX_LESSONS = 5


def _clip(prompt: str) -> str:
    return prompt if len(prompt) <= PROMPT_LIMIT else prompt[: PROMPT_LIMIT - 1] + "…"


def summary_reply(req: Request, session: InterviewSession, *, finished: bool) -> Reply:
    """Per-question scores, average, areas, lessons, review items, and any new badge."""
    svc = req.services
    assert session.id is not None
    bank = {q.id: q for q in svc.curriculum.interview.questions}
    answers = svc.interviews.answers(session.id)
    title = session.focus or "interview"
    if finished:
        lines = [texts.SUMMARY_TITLE.format(title=title)]
    else:
        lines = [
            texts.STOPPED_TITLE.format(
                title=title, answered=len(answers), total=len(session.question_ids)
            )
        ]
    for i, a in enumerate(answers, start=1):
        score = texts.SUMMARY_SKIPPED if a.skipped else f"{a.score}/5"
        prompt = bank[a.question_id].prompt if a.question_id in bank else a.question_id
        lines.append(texts.SUMMARY_LINE.format(n=i, prompt=_clip(prompt), score=score))
    graded = [a for a in answers if not a.skipped]
    if graded:
        average = round(sum(a.score for a in graded) / len(graded), 1)
        s = "" if len(graded) == 1 else "s"
        lines.append(texts.AVERAGE.format(average=average, count=len(graded), s=s))
    lines += _areas(bank, [(a.question_id, 0.0 if a.skipped else a.score) for a in answers])
    missed = [a for a in answers if a.missed]
    refs = list(
        dict.fromkeys(
            r for a in missed if a.question_id in bank for r in bank[a.question_id].lessons
        )
    )
    if refs:
        lines.append(texts.LESSONS.format(links=lesson_links(refs[:MAX_LESSONS])))
    if missed:
        lines.append(texts.REVIEW_ITEMS.format(n=len(missed), s="" if len(missed) == 1 else "s"))
    lines += after_event(svc, req.learner)
    return Reply.text("\n".join(lines))


def _areas(bank: dict[str, InterviewQuestion], scores: list[tuple[str, float]]) -> list[str]:
    averages = tag_averages(bank, scores)
    if len(averages) < 2:
        return []
    ranked = sorted(averages.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked[0][1] == ranked[-1][1]:
        return []
    top = [(t, v) for t, v in ranked[:TOP_TAGS] if v > ranked[-1][1]]
    bottom = [(t, v) for t, v in ranked[::-1][:TOP_TAGS] if v < ranked[0][1]]
    strong = ", ".join(f"{t} ({v:.1f})" for t, v in top)
    weak = ", ".join(f"{t} ({v:.1f})" for t, v in bottom)
    return [texts.STRONGEST.format(tags=strong), texts.WEAKEST.format(tags=weak)]
