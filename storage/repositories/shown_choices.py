"""The buttons last shown to each learner in each conversation (one row per conversation)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.engine import Database
from storage.tables import ShownChoices

MAX_VALUES = 50


class ShownChoicesRepository:
    """Remember, look up and forget the buttons a learner was shown last in a conversation."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def latest(self, learner_id: int, thread_key: str) -> ShownChoices | None:
        with self.db.session() as s:
            return s.exec(
                select(ShownChoices).where(
                    ShownChoices.learner_id == learner_id, ShownChoices.thread_key == thread_key
                )
            ).first()

    def remember(
        self, learner_id: int, thread_key: str, action: str, values: list[str], now: datetime
    ) -> None:
        """These buttons are now the last shown here (replacing any shown before)."""
        values = values[:MAX_VALUES]
        for _ in range(2):  # a concurrent first insert makes the second try an update
            with self.db.session() as s:
                row = s.exec(
                    select(ShownChoices)
                    .where(
                        ShownChoices.learner_id == learner_id,
                        ShownChoices.thread_key == thread_key,
                    )
                    .with_for_update()
                ).first()
                if row is not None:
                    row.action, row.values, row.shown_at = action, values, now
                    s.add(row)
                    return
            try:
                with self.db.guarded() as s:
                    s.add(
                        ShownChoices(
                            learner_id=learner_id,
                            thread_key=thread_key,
                            action=action,
                            values=values,
                            shown_at=now,
                        )
                    )
                return
            except IntegrityError:
                continue

    def forget(self, learner_id: int, thread_key: str) -> None:
        with self.db.session() as s:
            s.execute(
                delete(ShownChoices).where(
                    col(ShownChoices.learner_id) == learner_id,
                    col(ShownChoices.thread_key) == thread_key,
                )
            )
