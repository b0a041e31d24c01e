"""Top-level commands: run, console, config check, db upgrade, curriculum ..."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import typer

from bot.bootstrap import Services
from bot.cli import common, knowledge
from bot.cli.badges import badges_app
from bot.cli.curriculum import curriculum_app
from bot.cli.dashboard import dashboard_app
from bot.cli.discord import discord_app
from bot.cli.slack import slack_app
from bot.settings import Settings
from storage.engine import Database, DatabaseError

app = typer.Typer(
    name="mlops-tutor",
    help="MLOps Tutor: a chat tutor for cohorts learning MLOps (Slack, Discord or console).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema management.", no_args_is_help=True)
config_app = typer.Typer(help="Inspect the effective settings.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(config_app, name="config")
app.add_typer(curriculum_app, name="curriculum")
app.add_typer(badges_app, name="badges")
app.add_typer(slack_app, name="slack")
app.add_typer(discord_app, name="discord")
app.add_typer(dashboard_app, name="dashboard")
app.command()(knowledge.ingest)
app.command()(knowledge.ask)


def _slack_configured(cfg: Settings) -> bool:
    from bot.adapters.slack.settings import load_slack_settings

    return "slack" in cfg.platforms() or load_slack_settings().oauth


@app.command()
def run(
    slack_http: bool = typer.Option(
        False,
        "--slack-http",
        help="Serve Slack over HTTP (behind a load balancer), not Socket Mode.",
    ),
    port: int = typer.Option(3000, help="HTTP port for --slack-http."),
    no_scheduler: bool = typer.Option(
        False, "--no-scheduler", help="Run no scheduler here (one `mlops-tutor scheduler` does)."
    ),
    dashboard_port: int | None = typer.Option(
        None, "--dashboard-port", help="Also serve the instructor dashboard on this port."
    ),
    offline: bool = typer.Option(
        False, "--offline", help="Check TUTOR_LLM without asking the model a probe at start."
    ),
) -> None:
    """Start every adapter whose credentials are set (Slack, Discord); else the console."""
    cfg = common.settings()
    slack = _slack_configured(cfg)
    if not slack and not cfg.discord_token:
        console(
            no_scheduler=no_scheduler,
            save_files=None,
            dashboard_port=dashboard_port,
            offline=offline,
        )
        return
    common.require_llm(cfg, offline=offline)
    from bot.cli.serve import serve

    with common.services(auto_upgrade=True) as services:
        knowledge.ensure_index(services)
        _run_async(
            serve(
                services,
                slack_http_port=port if slack_http else None,
                slack=slack,
                with_scheduler=not no_scheduler,
                dashboard_port=dashboard_port,
            )
        )


@app.command()
def scheduler() -> None:
    """Run only the scheduler (weekly posts, reminders): one such process beside bot replicas."""
    from bot.cli.serve import scheduler_only

    cfg = common.settings()
    with common.services(auto_upgrade=True) as services:
        _run_async(scheduler_only(services, slack=_slack_configured(cfg)))


def _run_async(main: Coroutine[Any, Any, None]) -> None:
    """Run until Ctrl-C; a configuration error from an adapter ends with one line."""
    from bot.adapters.discord.runner import DiscordConfigError
    from bot.adapters.slack.settings import SlackConfigError

    try:
        asyncio.run(main)
    except KeyboardInterrupt:
        common.err.print("stopped")
    except (SlackConfigError, DiscordConfigError) as exc:
        common.fail(str(exc))
    except Exception as exc:
        from bot.adapters.web.security import SecretKeyMissing

        if isinstance(exc, SecretKeyMissing):
            common.fail(str(exc))
        raise


@app.command()
def console(
    no_scheduler: bool = typer.Option(
        False, "--no-scheduler", help="Do not run the weekly-post scheduler beside the console."
    ),
    save_files: Path | None = typer.Option(
        None,
        "--save-files",
        help="Save images and files from replies (progress card, export) here.",
    ),
    dashboard_port: int | None = typer.Option(
        None, "--dashboard-port", help="Also serve the instructor dashboard on this port."
    ),
    offline: bool = typer.Option(
        False, "--offline", help="Check TUTOR_LLM without asking the model a probe at start."
    ),
) -> None:
    """Chat with the tutor in this terminal (also works from a pipe: `printf '/help\\n' | ...`)."""
    from bot.adapters.console.broadcast import start_scheduler_thread
    from bot.adapters.console.repl import PROMPT, run_console

    common.require_llm(common.settings(), offline=offline)
    with common.services(auto_upgrade=True) as services:
        knowledge.ensure_index(services)
        prompt = PROMPT if sys.stdin.isatty() else ""
        stop = None if no_scheduler else start_scheduler_thread(services, sys.stdout, prompt)
        stop_web = _dashboard_thread(services, dashboard_port)
        try:
            code = run_console(services, sys.stdin, sys.stdout, save_to=save_files)
        finally:
            if stop is not None:
                stop()
            if stop_web is not None:
                stop_web()
        raise typer.Exit(code)


def _dashboard_thread(services: Services, port: int | None) -> Callable[[], None] | None:
    """Serve the dashboard beside the console when a port is given."""
    if port is None:
        return None
    from bot.adapters.web.security import SecretKeyMissing
    from bot.adapters.web.server import start_in_thread

    host = services.settings.dashboard_host
    try:
        stop = start_in_thread(services, host, port)
    except SecretKeyMissing as exc:
        common.fail(str(exc))
    common.err.print(f"dashboard on http://{host}:{port} (sign in: `/cohort dashboard`)")
    return stop


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the schema of DATABASE_URL to the newest revision."""
    cfg = common.settings()
    try:
        db = Database(cfg.effective_database_url)
        db.check()
        before = db.current()
        db.upgrade()
        common.out.print(f"database at revision {db.current()} (was {before or 'empty'})")
        db.dispose()
    except DatabaseError as exc:
        common.fail(f"DATABASE_URL: {exc}")


@config_app.command("check")
def config_check(
    offline: bool = typer.Option(
        False, "--offline", help="Do not send the model a probe (package and credential only)."
    ),
) -> None:
    """Show the effective settings (secrets masked); check the database and the model."""
    cfg = common.settings()
    for name, value in cfg.masked().items():
        common.out.print(f"{name:<28} {value}")
    try:
        db = Database(cfg.effective_database_url)
        db.check()
        state = "current" if db.current() == db.head() else "needs `mlops-tutor db upgrade`"
        common.out.print(f"{'database':<28} reachable, schema {state}")
        db.dispose()
    except DatabaseError as exc:
        common.fail(f"DATABASE_URL: {exc}")
    _check_llm(cfg, offline)


def _check_llm(cfg: Settings, offline: bool) -> None:
    if not cfg.llm:
        common.out.print(f"{'model':<28} none (extractive answers)")
        return
    problems = common.llm_problems(cfg, offline=offline)
    common.report_problems(problems)
    if problems:
        raise typer.Exit(2)
    how = "package and credential ok (probe skipped)" if offline else "answered a probe"
    common.out.print(f"{'model':<28} {cfg.llm}: {how}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
