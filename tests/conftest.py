"""Shared fixtures: FakeChat, and databases (SQLite always, PostgreSQL when reachable)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.testing import FakeChat, chat, make_services, wipe_postgres_schema  # noqa: F401

LOCAL_PG = "postgresql://postgres@127.0.0.1:5432/test"
_pg_skip_reason: list[str] = []


def _postgres_url() -> str:
    explicit = os.environ.get("TEST_DATABASE_URL")
    url = explicit or LOCAL_PG
    try:
        wipe_postgres_schema(url)
    except Exception as exc:
        reason = f"PostgreSQL at {url} is not reachable ({str(exc).splitlines()[0]})"
        if explicit or os.environ.get("CI"):
            pytest.fail(f"{reason}: TEST_DATABASE_URL/CI demand the PostgreSQL tests run")
        if not _pg_skip_reason:
            _pg_skip_reason.append(reason)
        pytest.skip(f"SKIPPING POSTGRESQL TESTS: {reason}")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a temp SQLite file, then a wiped PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/test.db"
    else:
        yield _postgres_url()


@pytest.fixture
def pg_chat(tmp_path: Path, database_url: str) -> Iterator[FakeChat]:
    """A FakeChat on each real database in turn."""
    services = make_services(tmp_path, database_url=database_url)
    yield FakeChat(services)
    services.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _pg_skip_reason:
        terminalreporter.section("PostgreSQL tests were SKIPPED", sep="!", red=True, bold=True)
        terminalreporter.line(_pg_skip_reason[0])
        terminalreporter.line("Start PostgreSQL or set TEST_DATABASE_URL to run them.")
