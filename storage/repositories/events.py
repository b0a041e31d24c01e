"""The event log: quiz answered, module quiz passed, module completed, contributions ..."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import Event


class EventRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self,
        learner_id: int,
        kind: str,
        when: datetime,
        subject: str = "",
        data: dict[str, Any] | None = None,
        dedupe_key: str | None = None,
    ) -> bool:
        """Append an event; False when an event with the same dedupe key exists already."""
        try:
            with self.db.guarded() as s:
                s.add(
                    Event(
                        learner_id=learner_id,
                        kind=kind,
                        occurred_at=when,
                        subject=subject,
                        data=data or {},
                        dedupe_key=dedupe_key,
                    )
                )
            return True
        except IntegrityError:
            return False

    def of(self, learner_id: int, kind: str | None = None) -> list[Event]:
        with self.db.session() as s:
            query = select(Event).where(Event.learner_id == learner_id)
            if kind:
                query = query.where(Event.kind == kind)
            return list(s.exec(query.order_by(col(Event.occurred_at), col(Event.id))))
