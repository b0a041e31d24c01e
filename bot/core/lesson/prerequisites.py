"""`/quiz m12` while skipping ahead: the quiz starts, with a note naming the prerequisites."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.lesson import texts
from bot.core.quiz import service as quiz
from bot.core.reply import Reply


def missing_prerequisites(req: Request, module_id: str) -> list[str]:
    """The module's prerequisites whose quizzes the learner has not passed, in order."""
    module = req.services.curriculum.modules.get(module_id)
    if module is None:
        return []
    assert req.learner.id is not None
    rows = req.services.progress.of(req.learner.id)
    return [
        p for p in module.prerequisites if (row := rows.get(p)) is None or not row.quiz_passed_at
    ]


def start_quiz(req: Request) -> list[Reply]:
    """The quiz as usual; a named module with unpassed prerequisites gets a heads-up first."""
    replies = quiz.start_quiz(req)
    words = req.args.split()
    module = req.services.curriculum.find_module(req.args) if words else None
    if module is None or words[0].casefold() in ("review", "section", "level", "stop"):
        return replies
    missing = missing_prerequisites(req, module.id)
    if not missing or not any("*Question 1/" in r.plain for r in replies):
        return replies
    names = ", ".join(f"`{m}`" for m in missing)
    note = texts.PREREQS.format(id=module.id, missing=names, first=missing[0])
    return [Reply.text(note), *replies]
