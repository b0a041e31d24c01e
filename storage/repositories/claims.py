"""Exactly-once weekly posts: a row per (cohort, week) is claimed before anything is sent.

States: `claimed` (nothing sent yet) -> `posting` (send in progress) -> `posted` | `failed`;
`skipped` for weeks not to be sent. A stale `claimed` row (its worker died before sending) may be
taken over; a stale `posting` row is never re-sent automatically (it may have gone out) but
reported to the admins.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import PostClaim

LEASE = timedelta(minutes=10)


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they are stored in UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class ClaimRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def claim(
        self,
        cohort_id: int,
        week: int,
        fire_time: datetime,
        worker: str,
        now: datetime,
        status: str = "claimed",
        note: str | None = None,
    ) -> PostClaim | None:
        """Claim (cohort, week) for `worker`; None when someone else holds or finished it."""
        try:
            with self.db.guarded() as s:
                row = PostClaim(
                    cohort_id=cohort_id,
                    week=week,
                    fire_time=fire_time,
                    status=status,
                    claimed_by=worker,
                    claimed_at=now,
                    attempts=1,
                    error=note,
                )
                s.add(row)
            return row
        except IntegrityError:
            return self._take_over(cohort_id, week, worker, now)

    def _take_over(self, cohort_id: int, week: int, worker: str, now: datetime) -> PostClaim | None:
        """Retry a failed post whose back-off has passed, or a claim whose worker died."""
        existing = self.get(cohort_id, week)
        if existing is None:
            return None
        stale_claim = existing.status == "claimed" and _aware(existing.claimed_at) < now - LEASE
        retry_due = (
            existing.status == "failed"
            and existing.retry_at is not None
            and _aware(existing.retry_at) <= now
        )
        if not (stale_claim or retry_due):
            return None
        with self.db.session() as s:
            result = s.execute(
                update(PostClaim)
                .where(
                    col(PostClaim.id) == existing.id,
                    col(PostClaim.status) == existing.status,
                    col(PostClaim.attempts) == existing.attempts,
                )
                .values(
                    status="claimed",
                    claimed_by=worker,
                    claimed_at=now,
                    attempts=existing.attempts + 1,
                )
            )
            won = result.rowcount == 1  # type: ignore[attr-defined]
        return self.get(cohort_id, week) if won else None

    def get(self, cohort_id: int, week: int) -> PostClaim | None:
        with self.db.session() as s:
            return s.exec(
                select(PostClaim).where(PostClaim.cohort_id == cohort_id, PostClaim.week == week)
            ).first()

    def set_state(self, claim_id: int, status: str, **values: object) -> None:
        with self.db.session() as s:
            s.execute(
                update(PostClaim)
                .where(col(PostClaim.id) == claim_id)
                .values(status=status, **values)
            )

    def release_skipped(self, cohort_id: int, week: int) -> bool:
        """Forget that a week was skipped so it can still be posted; False if it was not."""
        with self.db.session() as s:
            result = s.execute(
                delete(PostClaim).where(
                    col(PostClaim.cohort_id) == cohort_id,
                    col(PostClaim.week) == week,
                    col(PostClaim.status) == "skipped",
                )
            )
            return bool(getattr(result, "rowcount", 0))

    def of_cohort(self, cohort_id: int) -> list[PostClaim]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(PostClaim)
                    .where(PostClaim.cohort_id == cohort_id)
                    .order_by(col(PostClaim.week))
                )
            )

    def stuck(self, now: datetime) -> list[PostClaim]:
        """Sends that started but never finished: to report, never to resend blindly."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(PostClaim).where(
                        PostClaim.status == "posting", PostClaim.claimed_at < now - LEASE
                    )
                )
            )
