"""The documents the tutor knows: lessons, the catalog rendered as text, tracks, seeds, extras."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from curriculum.catalog.models import Course, Curriculum, Module, Roadmap, Syllabus, Track
from curriculum.seeds import read_seed, seed_paths
from knowledge.chunking import Document

TEXT_SUFFIXES = (".md", ".markdown", ".txt")


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def render_module(module: Module) -> str:
    """A module's catalog entry (objectives, theory, project, assessment) as Markdown."""
    low, high = module.duration_hours
    prereqs = ", ".join(module.prerequisites) or "none"
    project = module.project
    return "\n".join(
        [
            f"# {module.title} (module {module.id})",
            f"## Overview {{#overview}}\nLevel: {module.level.value}. Duration: {low}-{high} hours."
            f" Prerequisites: {prereqs}. {module.prior_knowledge or ''}",
            "## Learning objectives {#objectives}\n" + _bullets(o.text for o in module.objectives),
            "## Theory topics {#theory}\n" + _bullets(module.theory),
            f"## Project: {project.title} {{#project}}\n{project.description}\n"
            f"Deliverable: {project.deliverable}\nAcceptance criteria:\n"
            + _bullets(project.acceptance),
            f"## Assessment {{#assessment}}\nPass the quiz with at least "
            f"{module.assessment.quiz_pass_percent}%. {module.assessment.project}",
        ]
    )


def render_course(course: Course) -> str:
    """The video course: learning path, objectives and every section with its lectures."""
    parts = [f"# {course.title}", "## Suggested learning path {#path}"]
    parts += [f"- Week {w.week}: {w.title} (sections {w.sections})" for w in course.path]
    parts.append("## Course objectives {#objectives}")
    parts += [f"- {g.group}: {'; '.join(g.items)}" for g in course.objectives]
    parts.append("## Course assessment {#assessment}\n" + _bullets(course.assessment))
    for s in course.sections:
        lectures = _bullets(f"{lec.id} {lec.title} ({lec.minutes} min)" for lec in s.lectures)
        parts.append(
            f"## Section {s.number}: {s.title} {{#section-{s.number}}}\n"
            f"Modules: {', '.join(s.modules)}. Quiz: {s.quiz_questions} questions.\n{lectures}"
        )
    return "\n".join(parts)


def render_roadmap(roadmap: Roadmap) -> str:
    """The 12-week roadmap: one section per week, then the interview checklist and roles."""
    parts = [
        f"# {roadmap.title}",
        "## Target profile {#target-profile}\n" + _bullets(roadmap.target_profile),
        "## What MLOps really means {#what-mlops-means}\n" + _bullets(roadmap.what_mlops_means),
    ]
    for w in roadmap.weeks:
        parts.append(
            f"## Week {w.week}: {w.title} {{#week-{w.week}}}\n"
            f"Learn:\n{_bullets(w.learn)}\nHands-on:\n{_bullets(w.hands_on)}\n"
            f"Project: {w.project or 'none'}\nTools: {', '.join(w.tools)}\n"
            f"Output:\n{_bullets(w.output)}\nInterview angle:\n{_bullets(w.interview_angle)}\n"
            f"Modules: {', '.join(w.modules)}"
        )
    checklist = [
        f"- {t.topic}: " + " ".join(q.question for q in t.questions)
        for t in roadmap.interview_checklist
    ]
    parts.append("## Interview checklist {#interview-checklist}\n" + "\n".join(checklist))
    parts.append("## Roles {#roles}\n" + _bullets(roadmap.roles))
    parts.append("## What to skip {#skip}\n" + _bullets(roadmap.skip))
    parts.append(f"## End goal {{#end-goal}}\n{roadmap.end_goal}")
    return "\n".join(parts)


def render_syllabus(syllabus: Syllabus) -> str:
    """The 10-level syllabus, its outcomes and interview readiness."""
    parts = [f"# {syllabus.title}"]
    for level in syllabus.levels:
        groups = "\n".join(
            (f"{g.title}:\n" if g.title else "") + _bullets(g.topics) for g in level.groups
        )
        parts.append(
            f"## Level {level.number}: {level.title} {{#level-{level.number}}}\n{groups}\n"
            f"Modules: {', '.join(level.modules)}"
        )
    parts.append("## Outcomes {#outcomes}\n" + _bullets(syllabus.outcomes))
    parts.append(
        "## Interview readiness {#interview-readiness}\n" + _bullets(syllabus.interview_readiness)
    )
    return "\n".join(parts)


def render_track(track: Track) -> str:
    """A cohort track, week by week."""
    parts = [f"# {track.title}", f"## About this track {{#about}}\n{track.description}"]
    for w in track.weeks:
        parts.append(
            f"## Week {w.week}: {w.title} {{#week-{w.week}}}\n{_bullets(w.learn)}\n"
            f"Hands-on: {w.hands_on}\nDeliverable: {w.deliverable}\n"
            f"Modules: {', '.join(w.modules)}. Quizzes: {', '.join(w.quizzes)}."
        )
    return "\n".join(parts)


def _catalog_pages(cur: Curriculum) -> Iterator[Document]:
    for m in cur.ordered_modules():
        yield Document(f"catalog/modules/{m.id}", m.title, render_module(m), m.id)
    if cur.course:
        yield Document("catalog/course", cur.course.title, render_course(cur.course))
    if cur.roadmap:
        yield Document("catalog/roadmap", cur.roadmap.title, render_roadmap(cur.roadmap))
    if cur.syllabus:
        yield Document("catalog/syllabus", cur.syllabus.title, render_syllabus(cur.syllabus))
    if cur.sequence:
        steps = [
            f"## {p.name}: {s.title}\nFocus: {p.focus}\nTopics: {', '.join(s.topics)}\n"
            f"Why: {s.why}\nBuilds on: {s.builds_on}\nModules: {', '.join(s.modules)}"
            for p in cur.sequence.phases
            for s in p.steps
        ]
        text = "\n".join([f"# {cur.sequence.title}", *steps])
        yield Document("catalog/sequence", cur.sequence.title, text)
    if cur.badges:
        rules = [f"## {b.emoji} {b.name} {{#{b.id}}}\n{b.seed_text}. {b.rule}" for b in cur.badges]
        yield Document("catalog/badges", "Badges", "\n".join(["# Badges", *rules]))
    for t in cur.tracks.values():
        yield Document(f"catalog/tracks/{t.id}", t.title, render_track(t))


def _titled(text: str, fallback: str) -> tuple[str, str]:
    """(title, markdown) for a text file: its first heading, or the file name as a heading."""
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip(), text
    return fallback, f"# {fallback}\n{text}"


def file_documents(root: Path, prefix: str) -> list[Document]:
    """Every Markdown or text file under `root`, one document each."""
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    docs = []
    for path in files:
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        name = path.name if root.is_file() else path.relative_to(root).as_posix()
        title, text = _titled(path.read_text(encoding="utf-8", errors="replace"), path.stem)
        docs.append(Document(f"{prefix}/{name}", title, text))
    return docs


def seed_documents(root: Path | None = None) -> list[Document]:
    """The repaired design seeds."""
    paths = seed_paths(root) if root else seed_paths()
    docs = []
    for path in paths:
        title, text = _titled(read_seed(path), path.stem)
        docs.append(Document(f"seeds/{path.name}", title, text))
    return docs


def collect_documents(
    curriculum: Curriculum, extra_paths: Iterable[Path] = (), include_seeds: bool = True
) -> list[Document]:
    """All documents to ingest: lessons, catalog pages, tracks, seeds and any extra folders."""
    docs = [
        Document(
            lesson.source,
            lesson.title,
            f"# {lesson.title}\n{lesson.body}"
            if not lesson.body.lstrip().startswith("# ")
            else lesson.body,
            lesson.module,
        )
        for lesson in sorted(curriculum.lessons.values(), key=lambda item: item.source)
    ]
    docs += list(_catalog_pages(curriculum))
    if include_seeds:
        docs += seed_documents()
    for path in extra_paths:
        docs += file_documents(Path(path), f"extra/{Path(path).name}")
    return docs
