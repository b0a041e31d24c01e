"""Learners: identity is platform + workspace/guild + platform user id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from storage.engine import Database
from storage.tables import Learner


class LearnerRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get_or_create(
        self, platform: str, workspace: str, user_id: str, display_name: str, now: datetime
    ) -> Learner:
        """The learner with this identity, created on first sight (safe under races)."""
        found = self.find(platform, workspace, user_id)
        if found is not None:
            if display_name and found.display_name != display_name:
                with self.db.session() as s:
                    found.display_name = display_name[:128]
                    s.add(found)
            return found
        try:
            with self.db.guarded() as s:
                learner = Learner(
                    platform=platform,
                    workspace=workspace,
                    user_id=user_id,
                    display_name=display_name[:128],
                    created_at=now,
                )
                s.add(learner)
            return learner
        except IntegrityError:
            again = self.find(platform, workspace, user_id)
            assert again is not None
            return again

    def find(self, platform: str, workspace: str, user_id: str) -> Learner | None:
        with self.db.session() as s:
            return s.exec(
                select(Learner).where(
                    Learner.platform == platform,
                    Learner.workspace == workspace,
                    Learner.user_id == user_id,
                )
            ).first()

    def get(self, learner_id: int) -> Learner | None:
        with self.db.session() as s:
            return s.get(Learner, learner_id)
