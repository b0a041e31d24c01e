"""`/cohort report`: quiz statistics, most-missed questions, content gaps, and every learner."""

from __future__ import annotations

from datetime import timedelta

from bot.core.cohort import texts
from bot.core.cohort.learners import learner_rows, learners_of, render_table
from bot.core.context import Request
from bot.core.reply import Reply
from curriculum.catalog import Curriculum
from storage.repositories.cohort_stats import CohortStatsRepository
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort, Learner


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words with an ellipsis, never mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def render_report(req: Request, cohort: Cohort) -> Reply:
    assert cohort.id is not None
    stats = CohortStatsRepository(req.services.db)
    cur = req.services.curriculum
    track = cur.tracks[cohort.track_id]
    lines = [texts.REPORT_TITLE.format(track=track.title), "", "*Quiz statistics*"]
    modules = stats.module_stats(cohort.id)
    lines += [
        f"• `{s.module_id}`: {_attempts(s.attempts)}, {s.passes} passed "
        f"({100 * s.passes // max(1, s.attempts)}%)"
        for s in modules
    ] or ["• no quizzes yet"]
    lines += ["", "*Most-missed questions*"]
    lines += [
        f"• `{qid}` {wrong}/{total} wrong: {_prompt(cur, qid)}"
        for qid, wrong, total in stats.most_missed(cohort.id)
    ] or ["• none yet"]
    lines += ["", "*Content gaps (questions I declined)*"]
    lines += [f"• {shorten(q, 120)}" for q in stats.declined(cohort.id)] or ["• none yet"]
    since = req.services.clock.now() - timedelta(days=7)
    learners = learners_of(req.services, cohort)
    recent = stats.active_learner_ids(cohort.id, since)
    active = sorted(_name(m) for m in learners if m.id in recent)
    lines += ["", f"*Active learners (7 days): {len(active)} of {len(learners)}*"]
    if active:
        lines.append("• " + ", ".join(active[:30]))
    admins = CohortRepository(req.services.db).admins(cohort.id)
    if admins:
        lines.append(texts.REPORT_ADMINS.format(names=", ".join(_name(a) for a in admins[:30])))
    rows = learner_rows(req.services, cohort, track)
    if rows:
        lines += ["", texts.REPORT_LEARNERS]
        lines += render_table(rows, cohort.timezone, len(track.weeks))
    return Reply.text("\n".join(lines), ephemeral=True)


def _name(learner: Learner) -> str:
    return learner.display_name or learner.user_id


def _attempts(n: int) -> str:
    return "1 attempt" if n == 1 else f"{n} attempts"


def _prompt(cur: Curriculum, question_id: str) -> str:
    question = cur.question(question_id)
    return shorten(question.prompt, 90) if question else question_id
