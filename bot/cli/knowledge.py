"""`mlops-tutor ingest` and `mlops-tutor ask`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.bootstrap import Services
from bot.cli import common
from knowledge.ingest import IngestReport

log = logging.getLogger(__name__)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr, fed by `(done, total)` callbacks."""
    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=common.err,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def summary(report: IngestReport) -> str:
    return (
        f"chunks: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.deleted} deleted; {report.embedded} embedded in {report.seconds:.1f} s; "
        f"learner phrasings: {report.probes_added} added, {report.probes_deleted} deleted"
    )


def ensure_index(services: Services) -> None:
    """Build the index at start when it is empty or stale (TUTOR_AUTO_INGEST), then warm up.

    Warming up (the model, the keyword index, the learner phrasings) runs in a background
    thread, so the first question after a start does not wait for the model to load.
    """
    knowledge = services.knowledge
    if services.settings.auto_ingest and (knowledge.store.count() == 0 or knowledge.probes_stale()):
        _build(services)
    knowledge.warm_up_in_background()  # closing the services waits for it


def _build(services: Services) -> None:
    common.err.print("Building the course index (a few minutes, the first time only)…")
    with progress_bar("embedding") as update:
        report = services.knowledge.ensure_ingested(services.curriculum, progress=update)
    if report is not None:
        common.err.print(summary(report), markup=False)


def ingest(
    paths: list[Path] = typer.Argument(
        None, help="Extra Markdown or text folders/files to index besides the curriculum."
    ),
) -> None:
    """Index the shipped curriculum (and PATHs) into Chroma; only changed chunks are embedded."""
    missing = [p for p in paths or [] if not p.exists()]
    if missing:
        common.fail(f"no such file or folder: {missing[0]}")
    with common.services(auto_upgrade=True) as services:
        with progress_bar("embedding") as update:
            report = services.knowledge.ingest(services.curriculum, paths or [], progress=update)
        common.out.print(summary(report), markup=False)


def ask(
    question: str = typer.Argument(..., help="A question about the course material."),
    offline: bool = typer.Option(
        False, "--offline", help="Check TUTOR_LLM without asking the model a probe first."
    ),
) -> None:
    """Answer one question from the course material, with citations."""
    common.require_llm(common.settings(), offline=offline)
    with common.services(auto_upgrade=True) as services:
        ensure_index(services)
        answer = services.knowledge.ask(question)
        common.out.print(answer.text, markup=False)
        for citation in answer.citations:
            common.out.print(f"  ↳ {citation.label} ({citation.ref})", markup=False)
        if answer.declined:
            raise typer.Exit(3)
