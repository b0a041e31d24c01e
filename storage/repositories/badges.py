"""Badge awards: granted once per learner and badge, announced at most once."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import BadgeAward


class BadgeRepository:
    """Idempotent grants (unique learner + badge) and the announcement queue."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def grant(
        self,
        learner_id: int,
        badge_id: str,
        *,
        earned_at: datetime,
        evidence: dict[str, Any],
        now: datetime,
        announced_at: datetime | None,
    ) -> BadgeAward | None:
        """Record a new award; None when the learner already holds the badge.

        `announced_at` set at grant time means "nothing to announce in the cohort channel".
        """
        try:
            with self.db.guarded() as s:
                award = BadgeAward(
                    learner_id=learner_id,
                    badge_id=badge_id,
                    earned_at=earned_at,
                    granted_at=now,
                    evidence=evidence,
                    announced_at=announced_at,
                )
                s.add(award)
            return award
        except IntegrityError:
            return None

    def of(self, learner_id: int) -> list[BadgeAward]:
        """The learner's awards, oldest first."""
        return self.of_learners([learner_id])

    def of_learners(self, learner_ids: Iterable[int]) -> list[BadgeAward]:
        """The awards of several learners, oldest first."""
        ids = list(learner_ids)
        with self.db.session() as s:
            return list(
                s.exec(
                    select(BadgeAward)
                    .where(col(BadgeAward.learner_id).in_(ids))
                    .order_by(col(BadgeAward.earned_at), col(BadgeAward.id))
                )
            )

    def unannounced(self) -> list[BadgeAward]:
        """Awards still waiting for their cohort-channel announcement."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(BadgeAward)
                    .where(col(BadgeAward.announced_at).is_(None))
                    .order_by(col(BadgeAward.granted_at), col(BadgeAward.id))
                )
            )

    def mark_announced(self, award_id: int, when: datetime) -> bool:
        """Stamp the announcement; False when it was stamped already (nothing is posted twice)."""
        with self.db.session() as s:
            statement = (
                update(BadgeAward)
                .where(col(BadgeAward.id) == award_id, col(BadgeAward.announced_at).is_(None))
                .values(announced_at=when)
            )
            result = cast(CursorResult[Any], s.execute(statement))
            return bool(result.rowcount)
