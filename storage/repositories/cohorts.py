"""Cohorts (a channel following a track) and their members."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import Cohort, CohortAdmin, CohortMember, Learner


class CohortExists(Exception):
    """This channel is already a cohort channel."""


class CohortRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self,
        *,
        platform: str,
        workspace: str,
        channel_id: str,
        track_id: str,
        start: date,
        day: str,
        at: str,
        zone: str,
        created_by: int,
        now: datetime,
        guild_id: str | None = None,
    ) -> Cohort:
        try:
            with self.db.guarded() as s:
                cohort = Cohort(
                    platform=platform,
                    workspace=workspace,
                    channel_id=channel_id,
                    guild_id=guild_id,
                    track_id=track_id,
                    start_date=start,
                    post_day=day,
                    post_time=at,
                    timezone=zone,
                    created_by=created_by,
                    created_at=now,
                )
                s.add(cohort)
                s.flush()
                assert cohort.id is not None
                s.add(
                    CohortMember(
                        cohort_id=cohort.id, learner_id=created_by, role="admin", joined_at=now
                    )
                )
                s.add(CohortAdmin(cohort_id=cohort.id, learner_id=created_by, verified_at=now))
            return cohort
        except IntegrityError:
            raise CohortExists from None

    def get(self, cohort_id: int) -> Cohort | None:
        with self.db.session() as s:
            return s.get(Cohort, cohort_id)

    def by_channel(self, platform: str, workspace: str, channel_id: str) -> Cohort | None:
        with self.db.session() as s:
            return s.exec(
                select(Cohort).where(
                    Cohort.platform == platform,
                    Cohort.workspace == workspace,
                    Cohort.channel_id == channel_id,
                )
            ).first()

    def all(self) -> list[Cohort]:
        with self.db.session() as s:
            return list(s.exec(select(Cohort).order_by(col(Cohort.id))))

    def update(self, cohort_id: int, **changes: Any) -> Cohort:
        with self.db.session() as s:
            cohort = s.exec(select(Cohort).where(Cohort.id == cohort_id).with_for_update()).one()
            for name, value in changes.items():
                setattr(cohort, name, value)
            s.add(cohort)
            return cohort

    def record_admin(self, cohort_id: int, learner_id: int, now: datetime) -> bool:
        """Remember that this learner acted as the cohort's admin; False when already known."""
        if learner_id in self.admin_ids(cohort_id):
            return False
        try:
            with self.db.guarded() as s:
                s.add(CohortAdmin(cohort_id=cohort_id, learner_id=learner_id, verified_at=now))
            return True
        except IntegrityError:  # recorded by a concurrent request meanwhile
            return False

    def admin_ids(self, cohort_id: int) -> set[int]:
        """Everyone who acted as the cohort's admin (its creator included)."""
        with self.db.session() as s:
            rows = s.exec(select(CohortAdmin.learner_id).where(CohortAdmin.cohort_id == cohort_id))
            return set(rows)

    def admins(self, cohort_id: int) -> list[Learner]:
        """The cohort's admins, in the order they first acted as one."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(Learner)
                    .join(CohortAdmin, col(CohortAdmin.learner_id) == col(Learner.id))
                    .where(CohortAdmin.cohort_id == cohort_id)
                    .order_by(col(CohortAdmin.verified_at), col(CohortAdmin.id))
                )
            )

    def join(self, cohort_id: int, learner_id: int, now: datetime) -> bool:
        """Add a member; False when already a member."""
        try:
            with self.db.guarded() as s:
                s.add(CohortMember(cohort_id=cohort_id, learner_id=learner_id, joined_at=now))
            return True
        except IntegrityError:
            return False

    def leave(self, cohort_id: int, learner_id: int) -> bool:
        with self.db.session() as s:
            member = s.exec(
                select(CohortMember).where(
                    CohortMember.cohort_id == cohort_id, CohortMember.learner_id == learner_id
                )
            ).first()
            if member is None:
                return False
            s.delete(member)
            return True
