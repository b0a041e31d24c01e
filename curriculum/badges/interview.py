"""Interview Ready: enough interview questions practised, across enough weeks, scoring well."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from curriculum.badges.record import Grant, InterviewAnswer, LearnerRecord


def _counted(record: LearnerRecord) -> list[InterviewAnswer]:
    """Graded answers in time order; a skipped question is not practice."""
    return sorted((a for a in record.interview if not a.skipped), key=lambda a: a.at)


def interview_ready(
    badge_id: str, record: LearnerRecord, params: Mapping[str, Any]
) -> Grant | None:
    """The first moment all three bars held: practised, weeks covered, recent average."""
    need, weeks_needed = int(params["practised"]), int(params["distinct_weeks"])
    last_n, bar = int(params["last_n"]), float(params["min_average"])
    answers = _counted(record)
    for i in range(len(answers)):
        seen = answers[: i + 1]
        questions = {a.question_id for a in seen}
        weeks = {w for a in seen for w in a.weeks}
        recent = seen[-last_n:]
        average = sum(a.score for a in recent) / len(recent)
        enough = len(questions) >= need and len(weeks) >= weeks_needed
        if enough and len(recent) >= last_n and average >= bar:
            evidence = {
                "practised": len(questions),
                "weeks": sorted(weeks),
                "recent_average": round(average, 2),
            }
            return Grant(badge_id, seen[-1].at, evidence)
    return None


def interview_progress(record: LearnerRecord, params: Mapping[str, Any]) -> tuple[int, int, str]:
    """Questions practised toward the bar, and the other two bars in words."""
    answers = _counted(record)
    need = int(params["practised"])
    weeks = len({w for a in answers for w in a.weeks})
    recent = answers[-int(params["last_n"]) :]
    average = sum(a.score for a in recent) / len(recent) if recent else 0.0
    unit = (
        f"interview questions practised ({weeks}/{params['distinct_weeks']} roadmap weeks, "
        f"recent average {average:.1f}/5, need {params['min_average']})"
    )
    return min(len({a.question_id for a in answers}), need), need, unit
