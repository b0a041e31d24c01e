"""A learner's own data: settings, a full export, and deletion from every table.

Tables are discovered from the metadata (every column with a foreign key to `learner.id`), so a
table added later is exported and cleaned without touching this module. Acknowledgements a
learner gave others (reactions and replies recorded on the other learner's events, with the
giver's id in `data.by`) are exported and deleted too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Column, CursorResult, Table, delete, select, update
from sqlmodel import Session, SQLModel, col

from storage.engine import Database
from storage.tables import Event, Learner

SETTINGS = ("timezone", "review_reminders", "announce_badges", "public_progress", "track_id")
ACK_KINDS = ("reaction_received", "reply_received")


def learner_columns() -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) that holds a learner id, parents before children."""
    found: list[tuple[Table, Column[Any]]] = []
    for table in SQLModel.metadata.sorted_tables:
        for column in table.columns:
            is_id = table.name == "learner" and column.name == "id"
            if is_id or any(fk.column.table.name == "learner" for fk in column.foreign_keys):
                found.append((table, column))
    return found


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


class PrivacyRepository:
    """Settings changes, export and deletion of everything held about one learner."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def update_setting(self, learner_id: int, name: str, value: str | bool | None) -> Learner:
        """Change one of SETTINGS and return the updated learner."""
        if name not in SETTINGS:
            raise ValueError(f"unknown setting {name!r}")
        with self.db.session() as s:
            learner = s.get(Learner, learner_id)
            assert learner is not None
            setattr(learner, name, value)
            s.add(learner)
        return learner

    def export(self, learner_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row holding the learner's id, by table, plus acknowledgements they gave."""
        out: dict[str, list[dict[str, Any]]] = {}
        with self.db.session() as s:
            for table, column in learner_columns():
                rows = s.execute(select(table).where(column == learner_id)).mappings()
                found = [{k: _plain(v) for k, v in row.items()} for row in rows]
                if found:
                    out.setdefault(table.name, []).extend(found)
            given = [
                {"kind": e.kind, "subject": e.subject, "occurred_at": _plain(e.occurred_at)}
                for e in self._acks_given(s, learner_id)
            ]
        if given:
            out["acknowledgements_given"] = given
        return out

    def delete(self, learner_id: int) -> dict[str, int]:
        """Remove every row with the learner's id; returns the rows removed per table."""
        removed: dict[str, int] = {}
        with self.db.session() as s:
            acks = self._acks_given(s, learner_id)
            for event in acks:
                s.delete(event)
            if acks:
                removed["acknowledgements_given"] = len(acks)
            s.flush()
            for table, column in reversed(learner_columns()):
                if column.nullable and not column.primary_key:
                    s.execute(update(table).where(column == learner_id).values({column.name: None}))
                    continue
                statement = delete(table).where(column == learner_id)
                result = cast(CursorResult[Any], s.execute(statement))
                if result.rowcount:
                    removed[table.name] = removed.get(table.name, 0) + result.rowcount
        return removed

    @staticmethod
    def _acks_given(s: Session, learner_id: int) -> list[Event]:
        rows = s.execute(select(Event).where(col(Event.kind).in_(ACK_KINDS))).scalars()
        return [e for e in rows if e.data.get("by") == learner_id and e.learner_id != learner_id]
