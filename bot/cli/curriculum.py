"""`mlops-tutor curriculum validate|show`."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli import common
from bot.core.handlers.roadmap import render_outline
from curriculum.catalog import CONTENT_ROOT, ContentErrors, Curriculum, load_curriculum

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
        f"{len(cur.tracks)} tracks, {len(cur.badges)} badges"
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
