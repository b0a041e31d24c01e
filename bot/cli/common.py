"""Shared CLI plumbing: settings and services with one-line, traceback-free failures."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from bot.bootstrap import Services, bootstrap
from bot.settings import Settings, SettingsError, load_settings
from curriculum.catalog import ContentErrors
from storage.engine import DatabaseError

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", markup=True)
    raise typer.Exit(code)


def llm_problems(cfg: Settings, *, offline: bool = False) -> list[str]:
    """Problems with TUTOR_LLM (package, credential, probe unless offline), one line each."""
    from bot.bootstrap import llm_config
    from knowledge.llm.check import llm_problems as check

    config = llm_config(cfg)
    return check(config, offline=offline) if config is not None else []


def require_llm(cfg: Settings, *, offline: bool = False) -> None:
    """At start: exit with one line per problem when TUTOR_LLM is set but cannot work."""
    problems = llm_problems(cfg, offline=offline)
    report_problems(problems)
    if problems:
        raise typer.Exit(2)


def report_problems(problems: list[str]) -> None:
    """One `error:` line per problem on stderr (markup in problems is shown as typed)."""
    for problem in problems:
        err.print(f"[bold red]error:[/] {escape(problem)}", markup=True)


def settings() -> Settings:
    try:
        loaded = load_settings()
    except SettingsError as exc:
        fail(str(exc))
    logging.basicConfig(level=loaded.log_level, format="%(levelname)s %(name)s: %(message)s")
    return loaded


@contextmanager
def services(auto_upgrade: bool = False) -> Iterator[Services]:
    """Services from the environment; bad settings or an unreachable database exit cleanly."""
    cfg = settings()
    try:
        built = bootstrap(cfg, auto_upgrade=auto_upgrade)
    except DatabaseError as exc:
        fail(f"DATABASE_URL: {exc}")
    except ContentErrors as exc:
        fail(
            f"the shipped curriculum does not validate ({exc}); "
            "run `mlops-tutor curriculum validate`"
        )
    try:
        yield built
    finally:
        built.close()
