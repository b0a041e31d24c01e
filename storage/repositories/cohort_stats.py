"""Aggregates over a cohort's members: last week's digest and the admin report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from curriculum.quiz.scoring import is_pass
from storage.engine import Database
from storage.tables import (
    AskedQuestion,
    BadgeAward,
    CohortMember,
    Event,
    Learner,
    QuizAnswer,
    QuizSession,
)


@dataclass(frozen=True)
class ModuleStat:
    module_id: str
    attempts: int
    passes: int


class CohortStatsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _members(self, cohort_id: int) -> list[int]:
        with self.db.session() as s:
            rows = s.exec(
                select(CohortMember.learner_id).where(CohortMember.cohort_id == cohort_id)
            )
            return list(rows)

    def passes_between(
        self, cohort_id: int, start: datetime, end: datetime
    ) -> list[tuple[str, str]]:
        """(learner name, module) for module quizzes passed by members in [start, end)."""
        members = self._members(cohort_id)
        with self.db.session() as s:
            rows = s.exec(
                select(Learner.display_name, Learner.user_id, Event.subject)
                .join(Learner, col(Learner.id) == col(Event.learner_id))
                .where(
                    col(Event.learner_id).in_(members),
                    Event.kind == "module_quiz_passed",
                    Event.occurred_at >= start,
                    Event.occurred_at < end,
                )
                .order_by(col(Event.occurred_at))
            )
            return [(name or user, subject) for name, user, subject in rows]

    def badges_between(
        self, cohort_id: int, start: datetime, end: datetime
    ) -> list[tuple[str, str]]:
        members = self._members(cohort_id)
        with self.db.session() as s:
            rows = s.exec(
                select(Learner.display_name, Learner.user_id, BadgeAward.badge_id)
                .join(Learner, col(Learner.id) == col(BadgeAward.learner_id))
                .where(
                    col(BadgeAward.learner_id).in_(members),
                    BadgeAward.granted_at >= start,
                    BadgeAward.granted_at < end,
                )
            )
            return [(name or user, badge) for name, user, badge in rows]

    def module_stats(self, cohort_id: int) -> list[ModuleStat]:
        members = self._members(cohort_id)
        with self.db.session() as s:
            rows = s.exec(
                select(
                    QuizSession.target,
                    QuizSession.status,
                    QuizSession.correct,
                    QuizSession.question_ids,
                ).where(
                    col(QuizSession.learner_id).in_(members),
                    QuizSession.kind == "module",
                    col(QuizSession.status).in_(["finished", "expired"]),
                )
            )
            attempts: dict[str, list[int]] = {}
            for target, _status, correct, ids in rows:
                entry = attempts.setdefault(target, [0, 0])
                entry[0] += 1
                entry[1] += int(is_pass(correct, len(ids)))
        return [ModuleStat(m, a, p) for m, (a, p) in sorted(attempts.items())]

    def most_missed(self, cohort_id: int, limit: int = 5) -> list[tuple[str, int, int]]:
        """(question id, wrong answers, all answers) for members, most wrong first."""
        members = self._members(cohort_id)
        with self.db.session() as s:
            rows = s.exec(
                select(QuizAnswer.question_id, QuizAnswer.correct).where(
                    col(QuizAnswer.learner_id).in_(members)
                )
            )
            tally: dict[str, list[int]] = {}
            for qid, correct in rows:
                entry = tally.setdefault(qid, [0, 0])
                entry[0] += int(not correct)
                entry[1] += 1
        ranked = sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [(q, w, n) for q, (w, n) in ranked if w][:limit]

    def declined(self, cohort_id: int, limit: int = 5) -> list[str]:
        members = self._members(cohort_id)
        with self.db.session() as s:
            rows = s.exec(
                select(AskedQuestion.question)
                .where(col(AskedQuestion.learner_id).in_(members), AskedQuestion.declined)
                .order_by(col(AskedQuestion.id).desc())
                .limit(limit)
            )
            return list(rows)

    def active_learner_ids(self, cohort_id: int, since: datetime) -> set[int]:
        """The members with any recorded activity since `since`."""
        members = self._members(cohort_id)
        with self.db.session() as s:
            rows = s.exec(
                select(Event.learner_id)
                .where(col(Event.learner_id).in_(members), Event.occurred_at >= since)
                .distinct()
            )
            return set(rows)
