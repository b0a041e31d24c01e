"""Engine, sessions, connectivity checks and schema upgrades (Alembic)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlmodel import Session

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for plain postgresql:// URLs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def mask_url(url: str) -> str:
    """The URL with any password hidden, safe to print or log."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unparseable URL)"


_SURROGATES = re.compile("[\ud800-\udfff]")
LOCK_TIMEOUT_MS = 4000
"""How long a statement waits for a lock (SQLite busy timeout, PostgreSQL lock_timeout)."""
STATEMENT_TIMEOUT_MS = 8000
"""How long one PostgreSQL statement may run before it is cancelled."""


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={LOCK_TIMEOUT_MS}")
    cursor.close()


def storable(value: Any) -> Any:
    """A parameter every database accepts: no NULs (PostgreSQL refuses them) and no lone
    surrogates (no driver can encode them), in any string, on both databases alike."""
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", "")
        if not value.isascii():
            value = _SURROGATES.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        return {k: storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(storable(v) for v in value)
    return value


def _storable_parameters(
    _conn: object, _cursor: object, statement: str, parameters: Any, _context: object, _many: bool
) -> tuple[str, Any]:
    return statement, storable(parameters)


def is_timeout(exc: BaseException) -> bool:
    """Whether a database error is a lock or statement timeout (busy), not an outage."""
    orig = getattr(exc, "orig", exc)
    name = type(orig).__name__
    return name in {"QueryCanceled", "LockNotAvailable"} or "database is locked" in str(orig)


_writes: ContextVar[int] = ContextVar("database_writes", default=0)


def _note_flush(session: Session, _context: object) -> None:
    session.info["wrote"] = True


event.listen(Session, "after_flush", _note_flush)


class Database:
    """A database behind one URL: engine, sessions and schema management."""

    def __init__(self, url: str) -> None:
        self._unit: ContextVar[Session | None] = ContextVar(
            f"unit_of_work_{id(self)}", default=None
        )
        self.shown_url = mask_url(url)
        self.url = normalise_url(url)
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise DatabaseError(f"not a database URL ({exc})") from None
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        connect_args: dict[str, Any] = {}
        if not self.is_sqlite:
            timeouts = (
                f"-c lock_timeout={LOCK_TIMEOUT_MS} -c statement_timeout={STATEMENT_TIMEOUT_MS}"
            )
            connect_args = {"connect_timeout": 5, "options": timeouts}
        self.engine: Engine = create_engine(
            self.url, connect_args=connect_args, pool_pre_ping=True, future=True
        )
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        event.listen(self.engine, "before_cursor_execute", _storable_parameters, retval=True)

    def check(self) -> None:
        """Open a connection, or raise DatabaseError naming the cause."""
        try:
            with self.engine.connect():
                pass
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
            raise DatabaseError(f"cannot connect to {self.shown_url} ({reason})") from None

    def _alembic(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["engine"] = self.engine
        return cfg

    def head(self) -> str | None:
        """The newest migration revision shipped with the code."""
        return ScriptDirectory.from_config(self._alembic()).get_current_head()

    def current(self) -> str | None:
        """The revision the database is at (None when never migrated)."""
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def upgrade(self) -> None:
        """Bring the schema to the newest revision.

        On PostgreSQL the migration runs without the request timeouts: rewriting a large
        table may take longer than any reply should.
        """
        cfg = self._alembic()
        if self.is_sqlite:
            command.upgrade(cfg, "head")
            return
        engine = create_engine(self.url, connect_args={"connect_timeout": 5}, future=True)
        cfg.attributes["engine"] = engine
        try:
            command.upgrade(cfg, "head")
        finally:
            engine.dispose()

    def ensure_schema(self, auto_upgrade: bool) -> None:
        """Upgrade (SQLite) or insist the schema is current (PostgreSQL: `db upgrade` first)."""
        self.check()
        if self.current() == self.head():
            return
        if auto_upgrade or self.is_sqlite:
            self.upgrade()
            return
        raise DatabaseError(
            f"schema is at {self.current() or 'nothing'}, the code needs {self.head()}: "
            "run `mlops-tutor db upgrade`"
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error.

        Inside `unit_of_work()` it is the unit's own session: nothing is committed until the
        whole unit is, and an error rolls the whole unit back. A block that recovers from an
        error (IntegrityError on a unique key) uses `guarded()` instead.
        """
        outer = self._unit.get()
        if outer is not None:
            yield outer
            return
        with self._own_session() as session:
            yield session

    @contextmanager
    def guarded(self) -> Iterator[Session]:
        """Like `session()`, but inside a unit of work behind a savepoint: an error rolls back
        only this block, so the caller may catch it (e.g. a unique key already taken)."""
        outer = self._unit.get()
        if outer is not None:
            with outer.begin_nested():
                yield outer
            return
        with self._own_session() as session:
            yield session

    @contextmanager
    def _own_session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                self._commit(session)
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction for every repository call made inside: all of it commits, or none.

        On SQLite the transaction takes the write lock up front (BEGIN IMMEDIATE), so units
        run one at a time as PostgreSQL's row locks would make them. Nested units join the
        outer one.
        """
        if self._unit.get() is not None:
            with self.session() as joined:
                yield joined
            return
        with Session(self.engine, expire_on_commit=False) as session:
            token = self._unit.set(session)
            try:
                if self.is_sqlite:
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                yield session
                self._commit(session)
            except BaseException:
                session.rollback()
                raise
            finally:
                self._unit.reset(token)

    def _commit(self, session: Session) -> None:
        wrote = bool(session.new or session.dirty or session.deleted) or session.info.get(
            "wrote", False
        )
        session.commit()
        if wrote:
            _writes.set(_writes.get() + 1)

    @staticmethod
    def writes() -> int:
        """How many committed transactions with changes this context has made (a mark)."""
        return _writes.get()

    def dispose(self) -> None:
        self.engine.dispose()
