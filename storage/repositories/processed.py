"""Processed platform events: claim an event id once, so retries and double deliveries drop."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from storage.engine import Database
from storage.tables import ProcessedEvent

MAX_EVENT_ID = 255


class ProcessedEventRepository:
    """Exactly-once handling of inbound platform events, backed by a unique key."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def claim(self, platform: str, event_id: str, now: datetime) -> bool:
        """Record the event as handled.

        Args:
            platform: "slack", "discord", ...
            event_id: The platform's event id, or any stable key of the delivery (channel + ts).
            now: The time of the claim (UTC).

        Returns:
            True only the first time this (platform, event id) is claimed.
        """
        try:
            with self.db.guarded() as s:
                s.add(
                    ProcessedEvent(
                        platform=platform, event_id=event_id[:MAX_EVENT_ID], processed_at=now
                    )
                )
            return True
        except IntegrityError:
            return False

    def prune(self, before: datetime) -> int:
        """Forget claims older than `before` (retries stop after minutes); returns rows removed."""
        with self.db.session() as s:
            result = s.execute(
                delete(ProcessedEvent).where(col(ProcessedEvent.processed_at) < before)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
