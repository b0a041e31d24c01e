"""`mlops-tutor badges reconcile`: grant every badge the event log supports (idempotent)."""

from __future__ import annotations

import typer

from bot.cli import common
from bot.core.progress import reconcile

badges_app = typer.Typer(help="Badge awarding.", no_args_is_help=True)


@badges_app.callback()
def badges() -> None:
    """Badge awarding: `reconcile` grants every badge the event log supports."""


@badges_app.command("reconcile")
def reconcile_command() -> None:
    """Re-evaluate every learner from the event log and grant what is missing.

    Safe to repeat: a second run grants nothing. Grants made more than two days after they were
    earned are never announced.
    """
    with common.services() as services:
        report = reconcile(services)
    common.out.print(
        f"{report.learners} learner(s) checked, {report.completed} module completion(s) "
        f"recorded, {len(report.granted)} badge(s) granted"
    )
    for name, badge_id in report.granted:
        common.out.print(f"  {name}: {badge_id}", markup=False)
