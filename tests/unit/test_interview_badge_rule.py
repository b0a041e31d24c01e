"""Interview Ready as a pure rule over graded interview answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.bootstrap import shipped_curriculum
from curriculum.badges import InterviewAnswer, LearnerRecord, evaluate

CUR = shipped_curriculum()
BADGE = next(b for b in CUR.badges if b.id == "interview-ready")
START = datetime(2026, 11, 2, 9, tzinfo=UTC)


def answers(n: int, score: float, weeks: int, skipped: bool = False) -> tuple[InterviewAnswer, ...]:
    return tuple(
        InterviewAnswer(f"q{i}", (i % weeks + 1,), score, START + timedelta(hours=i), skipped)
        for i in range(n)
    )


def test_fifteen_strong_answers_over_six_weeks_earn_it_at_the_fifteenth() -> None:
    grant = evaluate(BADGE, LearnerRecord(1, interview=answers(15, 4.4, 6)), CUR)
    assert grant is not None and grant.earned_at == START + timedelta(hours=14)
    assert grant.evidence["practised"] == 15 and len(grant.evidence["weeks"]) == 6


def test_too_few_weeks_a_low_recent_average_or_skips_earn_nothing() -> None:
    assert evaluate(BADGE, LearnerRecord(1, interview=answers(20, 5.0, 5)), CUR) is None
    assert evaluate(BADGE, LearnerRecord(1, interview=answers(20, 3.9, 6)), CUR) is None
    skipped = answers(20, 5.0, 6, skipped=True)
    assert evaluate(BADGE, LearnerRecord(1, interview=skipped), CUR) is None
