"""Organisers' answers for one cohort, with an audit trail of who wrote and removed them."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from storage.engine import Database
from storage.tables import CohortFaq


class CohortFaqRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self, cohort_id: int, question: str, answer: str, by: int | None, now: datetime
    ) -> CohortFaq:
        """Store a new entry; it is answered in chat from now on."""
        with self.db.session() as s:
            row = CohortFaq(
                cohort_id=cohort_id,
                question=question[:500],
                answer=answer[:2000],
                created_by=by,
                created_at=now,
            )
            s.add(row)
            s.flush()
            s.refresh(row)
            return row

    def active(self, cohort_id: int) -> list[CohortFaq]:
        """The cohort's entries that have not been removed, oldest first."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(CohortFaq)
                    .where(CohortFaq.cohort_id == cohort_id, col(CohortFaq.removed_at).is_(None))
                    .order_by(col(CohortFaq.id))
                )
            )

    def remove(self, cohort_id: int, faq_id: int, by: int | None, now: datetime) -> bool:
        """Mark an entry removed (kept for the audit trail); False when there is no such entry."""
        with self.db.session() as s:
            row = s.get(CohortFaq, faq_id)
            if row is None or row.cohort_id != cohort_id or row.removed_at is not None:
                return False
            row.removed_at, row.removed_by = now, by
            s.add(row)
            return True
