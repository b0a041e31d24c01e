"""The pure badge rules over hand-built records (no storage)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.bootstrap import shipped_curriculum
from curriculum.badges import (
    Ack,
    Contribution,
    LearnerRecord,
    LevelRun,
    QuizPass,
    evaluate,
    evaluate_all,
)

CUR = shipped_curriculum()
BADGES = {b.id: b for b in CUR.badges}
START = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
BEGINNER = ("m01", "m02", "m03", "m04")


def beginner_record(finish: datetime, **extra: object) -> LearnerRecord:
    passes = tuple(QuizPass(m, 100, finish) for m in BEGINNER)
    return LearnerRecord(
        learner_id=1,
        passes=passes,
        projects_accepted={m: finish for m in BEGINNER},
        first_attempts={"m01": START},
        **extra,  # type: ignore[arg-type]
    )


def test_every_badge_has_a_rule_and_an_empty_record_earns_nothing() -> None:
    assert len(CUR.badges) == 13
    assert evaluate_all(LearnerRecord(learner_id=1), CUR) == []


def test_fast_learner_days_are_calendar_days_in_the_learners_zone() -> None:
    finish = START + timedelta(days=27, hours=13)  # Feb 1 23:00 UTC = Feb 2 in Tokyo
    in_utc = evaluate(BADGES["fast-learner"], beginner_record(finish), CUR)
    assert in_utc is not None and in_utc.evidence["days"] == 27
    in_tokyo = beginner_record(finish, zone=ZoneInfo("Asia/Tokyo"))
    assert evaluate(BADGES["fast-learner"], in_tokyo, CUR) is None  # 28 days, not fewer


def test_fast_learner_must_beat_every_earlier_cohort_completion() -> None:
    finish = START + timedelta(days=10)
    earlier = LevelRun("beginner", START + timedelta(days=5), 10)
    later = LevelRun("beginner", START + timedelta(days=20), 2)
    tie = beginner_record(finish, cohort_runs=(earlier,))
    assert evaluate(BADGES["fast-learner"], tie, CUR) is None
    only_later_is_faster = beginner_record(finish, cohort_runs=(later,))
    grant = evaluate(BADGES["fast-learner"], only_later_is_faster, CUR)
    assert grant is not None and grant.earned_at == finish


def test_level_badge_records_when_the_last_module_completed() -> None:
    record = beginner_record(START + timedelta(days=3))
    grant = evaluate(BADGES["beginner-master"], record, CUR)
    assert grant is not None and grant.earned_at == START + timedelta(days=3)
    assert set(grant.evidence["modules"]) == set(BEGINNER)


def contribution(n: int, day: int, fingerprint: str = "", by: int = 2) -> Contribution:
    posted = START + timedelta(days=day, minutes=n)
    return Contribution(
        key=f"m{n}",
        posted_at=posted,
        length=120,
        fingerprint=fingerprint or f"f{n}",
        in_cohort=True,
        acks=(Ack(by, posted + timedelta(minutes=5)),),
    )


def test_innovator_near_duplicates_only_within_seven_days() -> None:
    base = [contribution(i, day=i // 3) for i in range(9)]
    dup_soon = contribution(20, day=5, fingerprint="f0")
    record = LearnerRecord(learner_id=1, contributions=(*base, dup_soon))
    assert evaluate(BADGES["innovator"], record, CUR) is None
    dup_later = contribution(21, day=8, fingerprint="f0")
    record = LearnerRecord(learner_id=1, contributions=(*base, dup_later))
    grant = evaluate(BADGES["innovator"], record, CUR)
    assert grant is not None and len(grant.evidence["contributions"]) == 10
    assert grant.earned_at == dup_later.acks[0].at


def test_innovator_ignores_acknowledgements_by_the_author() -> None:
    own = tuple(contribution(i, day=i // 3, by=1) for i in range(12))
    assert (
        evaluate(BADGES["innovator"], LearnerRecord(learner_id=1, contributions=own), CUR) is None
    )
