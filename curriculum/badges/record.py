"""The snapshot of one learner's history that the badge rules read.

The application builds it from the event log and the progress tables; the rules never touch
storage, so they are easy to test and to re-run in a full reconcile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any

PASS_BAR = 80


@dataclass(frozen=True)
class QuizPass:
    """A passed module quiz: which module, the score, and when it was finished."""

    module_id: str
    percent: int
    at: datetime


@dataclass(frozen=True)
class Ack:
    """Someone (`by`, a learner id) reacted or replied to a contribution at `at`."""

    by: int
    at: datetime


@dataclass(frozen=True)
class Contribution:
    """A message the learner posted; only lengths and a fingerprint are kept, never the text."""

    key: str
    posted_at: datetime
    length: int
    fingerprint: str
    in_cohort: bool
    deleted: bool = False
    acks: tuple[Ack, ...] = ()


@dataclass(frozen=True)
class InterviewAnswer:
    """One graded interview answer: the question, its roadmap weeks, the 0-5 score, when."""

    question_id: str
    weeks: tuple[int, ...]
    score: float
    at: datetime
    skipped: bool = False


@dataclass(frozen=True)
class LevelRun:
    """A completed level: when it was completed and how many calendar days it took."""

    level: str
    completed_at: datetime
    days: int


@dataclass(frozen=True)
class LearnerRecord:
    """Everything the rules need about one learner.

    `projects_accepted` maps a module to the time its project started to count (submitted, or
    approved when the cohort requires approval). `first_attempts` maps a module to the learner's
    first quiz attempt on it. `cohort_runs` holds other cohort members' completed levels.
    """

    learner_id: int
    zone: tzinfo = UTC
    passes: tuple[QuizPass, ...] = ()
    projects_accepted: Mapping[str, datetime] = field(default_factory=dict)
    first_attempts: Mapping[str, datetime] = field(default_factory=dict)
    contributions: tuple[Contribution, ...] = ()
    cohort_runs: tuple[LevelRun, ...] = ()
    interview: tuple[InterviewAnswer, ...] = ()

    def local_date(self, when: datetime) -> date:
        """The calendar date of `when` in the learner's time zone."""
        return when.astimezone(self.zone).date()


@dataclass(frozen=True)
class Grant:
    """A badge earned: when the threshold was crossed, and the evidence for it."""

    badge_id: str
    earned_at: datetime
    evidence: dict[str, Any]
