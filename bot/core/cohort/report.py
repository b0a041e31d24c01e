"""`/cohort report`: quiz statistics, most-missed questions, content gaps, active learners."""

from __future__ import annotations

from datetime import timedelta

from bot.core.cohort import texts
from bot.core.context import Request
from bot.core.reply import Reply
from curriculum.catalog import Curriculum
from storage.repositories.cohort_stats import CohortStatsRepository
from storage.tables import Cohort


def render_report(req: Request, cohort: Cohort) -> Reply:
    assert cohort.id is not None
    stats = CohortStatsRepository(req.services.db)
    cur = req.services.curriculum
    lines = [
        texts.REPORT_TITLE.format(track=cur.tracks[cohort.track_id].title),
        "",
        "*Quiz statistics*",
    ]
    modules = stats.module_stats(cohort.id)
    lines += [
        f"• `{s.module_id}`: {s.attempts} attempt(s), {s.passes} passed "
        f"({100 * s.passes // max(1, s.attempts)}%)"
        for s in modules
    ] or ["• no quizzes yet"]
    lines += ["", "*Most-missed questions*"]
    lines += [
        f"• `{qid}` {wrong}/{total} wrong: {_prompt(cur, qid)}"
        for qid, wrong, total in stats.most_missed(cohort.id)
    ] or ["• none yet"]
    lines += ["", "*Content gaps (questions I declined)*"]
    lines += [f"• {q[:120]}" for q in stats.declined(cohort.id)] or ["• none yet"]
    since = req.services.clock.now() - timedelta(days=7)
    active = stats.active_learners(cohort.id, since)
    lines += ["", f"*Active learners (7 days): {len(active)}*"]
    if active:
        lines.append("• " + ", ".join(active[:30]))
    return Reply.text("\n".join(lines), ephemeral=True)


def _prompt(cur: Curriculum, question_id: str) -> str:
    question = cur.question(question_id)
    return question.prompt.strip()[:90] if question else question_id
