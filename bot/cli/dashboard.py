"""`mlops-tutor dashboard` (serve it alone) and `mlops-tutor dashboard link` (a sign-in link)."""

from __future__ import annotations

import asyncio

import typer

from bot.cli import common
from bot.core.instructor import access
from storage.repositories.cohorts import CohortRepository

dashboard_app = typer.Typer(
    help="The instructor dashboard (web): serve it, or print a sign-in link.",
    invoke_without_command=True,
)


@dashboard_app.callback()
def dashboard(
    ctx: typer.Context,
    host: str | None = typer.Option(None, help="Bind address (default TUTOR_DASHBOARD_HOST)."),
    port: int | None = typer.Option(None, help="Port (default TUTOR_DASHBOARD_PORT, 8080)."),
) -> None:
    """Serve the dashboard alone (the bot may run elsewhere on the same database)."""
    if ctx.invoked_subcommand is not None:
        return
    from bot.adapters.web.security import SecretKeyMissing
    from bot.adapters.web.server import make_server

    with common.services(auto_upgrade=True) as services:
        cfg = services.settings
        bind, at = host or cfg.dashboard_host, cfg.dashboard_port if port is None else port
        try:
            server = make_server(services, bind, at)
        except SecretKeyMissing as exc:
            common.fail(str(exc))
        common.err.print(f"dashboard on http://{bind}:{at} (sign in: `mlops-tutor dashboard link`)")
        try:
            asyncio.run(server.serve())
        except KeyboardInterrupt:
            common.err.print("stopped")


@dashboard_app.command("link")
def link(
    cohort: int | None = typer.Option(None, "--cohort", help="Only this cohort (default: all)."),
) -> None:
    """Print a one-time sign-in link (valid 15 minutes) for an operator."""
    with common.services(auto_upgrade=True) as services:
        known = [c.id for c in CohortRepository(services.db).all() if c.id is not None]
        if cohort is not None and cohort not in known:
            common.fail(f"--cohort: there is no cohort {cohort} (cohorts: {known or 'none yet'})")
        ids = [cohort] if cohort is not None else known
        common.out.print(access.issue_link(services, None, ids))
