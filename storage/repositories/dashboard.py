"""Dashboard sign-in tokens (one-time, short-lived) and resolved content gaps."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import DashboardToken, GapResolution


def token_hash(token: str) -> str:
    """What is stored for a token: its SHA-256, so a database leak grants no sign-in."""
    return hashlib.sha256(token.encode()).hexdigest()


class DashboardTokenRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        token: str,
        created_by: int | None,
        cohort_ids: list[int],
        now: datetime,
        expires_at: datetime,
    ) -> DashboardToken:
        """Store a new sign-in token for these cohorts."""
        with self.db.session() as s:
            row = DashboardToken(
                token_hash=token_hash(token),
                created_by=created_by,
                cohort_ids=sorted(set(cohort_ids)),
                created_at=now,
                expires_at=expires_at,
            )
            s.add(row)
            s.flush()
            s.refresh(row)
            return row

    def find(self, token: str) -> DashboardToken | None:
        with self.db.session() as s:
            return s.exec(
                select(DashboardToken).where(DashboardToken.token_hash == token_hash(token))
            ).first()

    def get(self, token_id: int) -> DashboardToken | None:
        with self.db.session() as s:
            return s.get(DashboardToken, token_id)

    def use(self, token_id: int, now: datetime) -> bool:
        """Mark the token used; False when it already was (two tabs, a replayed link)."""
        with self.db.session() as s:
            result = s.execute(
                update(DashboardToken)
                .where(col(DashboardToken.id) == token_id, col(DashboardToken.used_at).is_(None))
                .values(used_at=now)
            )
            return cast(CursorResult[Any], result).rowcount == 1


class GapRepository:
    """Which asked questions a cohort's instructors answered (with a FAQ entry) or dismissed."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def resolved(self, cohort_id: int) -> set[int]:
        with self.db.session() as s:
            rows = s.exec(
                select(GapResolution.question_id).where(GapResolution.cohort_id == cohort_id)
            )
            return set(rows)

    def resolve(
        self,
        cohort_id: int,
        question_ids: list[int],
        status: str,
        by: int | None,
        now: datetime,
        faq_id: int | None = None,
    ) -> int:
        """Record the resolution of each question once; returns how many were new."""
        added = 0
        for question_id in question_ids:
            try:
                with self.db.session() as s:
                    s.add(
                        GapResolution(
                            cohort_id=cohort_id,
                            question_id=question_id,
                            status=status,
                            faq_id=faq_id,
                            resolved_by=by,
                            resolved_at=now,
                        )
                    )
                added += 1
            except IntegrityError:
                continue
        return added
