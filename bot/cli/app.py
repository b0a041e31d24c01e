"""Top-level commands: run, console, config check, db upgrade, curriculum ..."""

from __future__ import annotations

import sys

import typer

from bot.cli import common, knowledge
from bot.cli.curriculum import curriculum_app
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
app.command()(knowledge.ingest)
app.command()(knowledge.ask)


@app.command()
def run() -> None:
    """Start every adapter whose credentials are set; with none set, the console."""
    cfg = common.settings()
    platforms = cfg.platforms()
    if platforms:
        names = ", ".join(platforms)
        common.fail(
            f"{names} credentials are set, but the {names} adapter is not built yet in this "
            "version; unset SLACK_BOT_TOKEN / DISCORD_TOKEN to use the console"
        )
    console(no_scheduler=False)


@app.command()
def console(
    no_scheduler: bool = typer.Option(
        False, "--no-scheduler", help="Do not run the weekly-post scheduler beside the console."
    ),
) -> None:
    """Chat with the tutor in this terminal (also works from a pipe: `printf '/help\\n' | ...`)."""
    from bot.adapters.console.broadcast import start_scheduler_thread
    from bot.adapters.console.repl import run_console

    with common.services(auto_upgrade=True) as services:
        knowledge.ensure_index(services)
        stop = None if no_scheduler else start_scheduler_thread(services, sys.stdout)
        try:
            code = run_console(services, sys.stdin, sys.stdout)
        finally:
            if stop is not None:
                stop()
        raise typer.Exit(code)


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
def config_check() -> None:
    """Show the effective settings (secrets masked) and check the database is reachable."""
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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
