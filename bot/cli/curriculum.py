"""`mlops-tutor curriculum validate|show`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import typer

from bot.cli import common
from bot.core.handlers.roadmap import render_outline
from curriculum.catalog import CONTENT_ROOT, ContentErrors, Curriculum, load_curriculum
from curriculum.examples import Outcome, collect, run_all

curriculum_app = typer.Typer(
    help="Validate and browse the curriculum content.", no_args_is_help=True
)


@curriculum_app.command("validate")
def validate(
    root: Path = typer.Option(CONTENT_ROOT, help="Content folder to validate."),
) -> None:
    """Load every content file and report all errors at once (file, field, problem)."""
    try:
        cur = load_curriculum(root)
    except ContentErrors as exc:
        for error in exc.errors:
            common.out.print(str(error), markup=False)
        common.fail(f"{len(exc.errors)} error(s) in {root}", code=1)
    questions = sum(len(b.questions) for b in cur.quizzes.values())
    common.out.print(
        f"ok: {len(cur.modules)} modules, {len(cur.lessons)} lessons, {questions} questions, "
        f"{len(cur.tracks)} tracks, {len(cur.badges)} badges, "
        f"{len(cur.declines.offtopic)} off-topic and {len(cur.declines.injection)} injection "
        "declines"
    )


def _module_outline(cur: Curriculum, key: str) -> str | None:
    module = cur.find_module(key)
    if module is None:
        return None
    lines = [
        f"{module.id} · {module.title} ({module.level.value}, "
        f"{module.duration_hours[0]}-{module.duration_hours[1]} h)"
    ]
    if module.prerequisites:
        lines.append("prerequisites: " + ", ".join(module.prerequisites))
    lines.append("objectives:")
    lines += [f"  - {o.text}  [#{o.id}]" for o in module.objectives]
    lines.append(
        f"quiz: {module.quiz_questions} questions, pass {module.assessment.quiz_pass_percent}%"
    )
    lines.append(f"project: {module.project.title}")
    if module.tags:
        lines.append("specialty tags: " + ", ".join(module.tags))
    return "\n".join(lines)


@curriculum_app.command("show")
def show(
    item: str = typer.Argument("", help="A module (m03, 'version control') or track id."),
) -> None:
    """A readable outline of the curriculum, a module or a track."""
    try:
        cur = load_curriculum()
    except ContentErrors as exc:
        common.fail(
            f"the curriculum does not validate ({exc}); run `mlops-tutor curriculum validate`"
        )
    if not item:
        for m in cur.ordered_modules():
            common.out.print(f"{m.id}  {m.level.value:<12} {m.title}", markup=False)
        common.out.print("tracks: " + ", ".join(sorted(cur.tracks)), markup=False)
        return
    if item in cur.tracks:
        common.out.print(render_outline(cur.tracks[item]), markup=False)
        return
    outline = _module_outline(cur, item)
    if outline is None:
        common.fail(f"no module or track called {item!r}; try `mlops-tutor curriculum show`")
    common.out.print(outline, markup=False)


def _print_outcome(o: Outcome) -> None:
    took = f" ({o.seconds:.0f} s)" if o.seconds else ""
    common.out.print(f"{o.status.upper():5} {o.label}: {o.detail}{took}", markup=False)


@curriculum_app.command("check-examples")
def check_examples(
    only: list[str] = typer.Argument(None, help="Lesson ids to check (default: all)."),
    root: Path = typer.Option(CONTENT_ROOT, help="Content folder."),
    list_only: bool = typer.Option(False, "--list", help="List the examples without running."),
    keep: bool = typer.Option(False, help="Keep the temporary folder with venvs and outputs."),
) -> None:
    """Run the lessons' marked examples in throwaway virtualenvs (installs packages; not CI)."""
    examples, outcomes = collect(root)
    examples = [e for e in examples if not only or e.lesson in only]
    if list_only:
        for e in examples:
            needs = f" [needs {', '.join(e.spec.needs)}]" if e.spec.needs else ""
            common.out.print(f"{e.label}: {e.spec.run}{needs}", markup=False)
        return
    for outcome in outcomes:
        _print_outcome(outcome)
    base = Path(tempfile.mkdtemp(prefix="check-examples-"))
    try:
        for outcome in run_all(examples, base):
            _print_outcome(outcome)
            outcomes.append(outcome)
    finally:
        if keep:
            common.out.print(f"kept {base}", markup=False)
        else:
            shutil.rmtree(base, ignore_errors=True)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("pass", "fail", "needs", "error")}
    common.out.print(
        f"{counts['pass']} passed, {counts['fail']} failed, {counts['error']} bad marks, "
        f"{counts['needs']} need docker/kubernetes/cloud/gpu (listed, not run)",
        markup=False,
    )
    if counts["fail"] or counts["error"]:
        raise typer.Exit(1)
