"""A locked table gives a clear "busy, not saved" reply within the lock timeout."""

from __future__ import annotations

import time

from sqlalchemy import create_engine, text

from bot.core import texts
from bot.testing import FakeChat
from storage.engine import LOCK_TIMEOUT_MS


def test_a_locked_table_times_out_with_a_clear_reply(pg_chat: FakeChat) -> None:
    pg_chat.send("ada", "/help")  # the learner exists; the lock below blocks the quiz's write
    db = pg_chat.services.db
    other = create_engine(db.url)
    try:
        with other.connect() as conn:
            if db.is_sqlite:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.execute(text("LOCK TABLE quiz_session IN ACCESS EXCLUSIVE MODE"))
            started = time.monotonic()
            replies = pg_chat.send("ada", "/quiz m01")
            waited = time.monotonic() - started
            conn.rollback()
    finally:
        other.dispose()
    assert replies.text == texts.DB_BUSY, replies.text
    assert waited < LOCK_TIMEOUT_MS / 1000 + 3
    assert "Question 1/5" in pg_chat.send("ada", "/quiz m01")
