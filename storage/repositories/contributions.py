"""Community lookups the badge and contribution rules need: cohorts, members, channels, peers.

Cohorts are managed elsewhere; this module only reads the Cohort and CohortMember tables.
"""

from __future__ import annotations

from sqlmodel import col, select

from storage.engine import Database
from storage.tables import Cohort, CohortMember, Learner


class CommunityRepository:
    """Read-only views of cohorts and learners for progress, badges and privacy."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def cohort_of(self, learner_id: int) -> Cohort | None:
        """The cohort the learner joined first, if any."""
        with self.db.session() as s:
            return s.exec(
                select(Cohort)
                .join(CohortMember, col(CohortMember.cohort_id) == col(Cohort.id))
                .where(CohortMember.learner_id == learner_id)
                .order_by(col(CohortMember.joined_at), col(CohortMember.id))
            ).first()

    def members(self, cohort_id: int) -> list[Learner]:
        """Every learner in the cohort."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(Learner)
                    .join(CohortMember, col(CohortMember.learner_id) == col(Learner.id))
                    .where(CohortMember.cohort_id == cohort_id)
                    .order_by(col(Learner.id))
                )
            )

    def cohort_channels(self, platform: str, workspace: str) -> set[str]:
        """The channel ids of every cohort on this platform and workspace."""
        with self.db.session() as s:
            rows = s.exec(
                select(Cohort.channel_id).where(
                    Cohort.platform == platform, Cohort.workspace == workspace
                )
            )
            return set(rows)

    def find_person(self, platform: str, workspace: str, token: str) -> Learner | None:
        """A learner by platform user id, else by display name (case-insensitive)."""
        with self.db.session() as s:
            same_place = select(Learner).where(
                Learner.platform == platform, Learner.workspace == workspace
            )
            by_id = s.exec(same_place.where(Learner.user_id == token)).first()
            if by_id is not None:
                return by_id
            wanted = token.casefold()
            for learner in s.exec(same_place.order_by(col(Learner.id))):
                if learner.display_name.casefold() == wanted:
                    return learner
            return None

    def learner_ids(self) -> list[int]:
        """Every learner id, for a full reconcile."""
        with self.db.session() as s:
            return [i for i in s.exec(select(Learner.id).order_by(col(Learner.id))) if i]
