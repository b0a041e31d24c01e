"""Cross-references and the rules no single file can check on its own."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from curriculum.catalog.models import Curriculum, Level, QuestionType

Problem = tuple[str, str, str]

EXPECTED_LEVEL_SIZES = {
    Level.BEGINNER: 4,
    Level.INTERMEDIATE: 6,
    Level.ADVANCED: 8,
    Level.EXPERT: 6,
}
EXPECTED_QUIZ_COUNTS = dict(
    zip(
        [f"m{n:02d}" for n in range(1, 25)],
        [5, 7, 6, 8, 10, 9, 12, 10, 11, 10, 12, 11, 10, 12, 10, 11, 9, 10, 12, 11, 10, 10, 9, 10],
        strict=True,
    )
)
MIN_LESSON_WORDS = 700
REQUIRED_LESSON_ANCHORS = ("key-terms", "worked-example", "pitfalls", "check-yourself")
MAX_POSITION_SHARE = 0.35


def cross_check(cur: Curriculum) -> list[Problem]:
    """Every cross-file problem of the curriculum, in a stable order."""
    return [
        *_modules(cur),
        *_lessons(cur),
        *_quizzes(cur),
        *_course(cur),
        *_catalogs(cur),
        *_tracks(cur),
        *_electives(cur),
        *_capstone(cur),
    ]


def _modules(cur: Curriculum) -> Iterator[Problem]:
    for mid in EXPECTED_QUIZ_COUNTS:
        if mid not in cur.modules:
            yield f"modules/{mid}.yaml", "", "module is missing"
    for level, size in EXPECTED_LEVEL_SIZES.items():
        found = len(cur.modules_of(level))
        if cur.modules and found != size:
            yield "modules/", "level", f"{level.value} has {found} modules, expected {size}"
    for m in cur.modules.values():
        where = f"modules/{m.id}.yaml"
        for i, pre in enumerate(m.prerequisites):
            if pre not in cur.modules:
                yield where, f"prerequisites.{i}", f"unknown module {pre!r}"
            elif cur.modules[pre].number >= m.number:
                yield where, f"prerequisites.{i}", f"{pre} does not come before {m.id}"
        expected = EXPECTED_QUIZ_COUNTS.get(m.id)
        if expected is not None and m.quiz_questions != expected:
            yield where, "quiz_questions", f"is {m.quiz_questions}, the curriculum says {expected}"


def _lessons(cur: Curriculum) -> Iterator[Problem]:
    for m in cur.ordered_modules():
        yield from _lesson_shape(cur, m.id, [o.id for o in m.objectives])
    for lesson in cur.lessons.values():
        counts = Counter(s.anchor for s in lesson.sections)
        for anchor, n in counts.items():
            if n > 1:
                yield lesson.source, "sections", f"anchor {anchor!r} is used {n} times"
        if lesson.module and lesson.module not in cur.modules:
            yield lesson.source, "module", f"unknown module {lesson.module!r}"


def _normalise_prompt(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def _quizzes(cur: Curriculum) -> Iterator[Problem]:
    seen_ids: set[str] = set()
    prompts: dict[str, str] = {}
    positions: Counter[int] = Counter()
    for mid, bank in sorted(cur.quizzes.items()):
        where = f"quizzes/{mid}.yaml"
        module = cur.modules.get(mid) or cur.electives.get(mid)
        if module is None:
            yield where, "module", f"unknown module or elective {mid!r}"
        elif len(bank.questions) != module.quiz_questions:
            yield (
                where,
                "questions",
                (f"{len(bank.questions)} questions, the module needs {module.quiz_questions}"),
            )
        for i, q in enumerate(bank.questions):
            field = f"questions.{i}"
            if q.module_id != mid:
                yield where, f"{field}.id", f"{q.id} does not belong to {mid}"
            if q.id in seen_ids:
                yield where, f"{field}.id", f"duplicate question id {q.id}"
            seen_ids.add(q.id)
            key = _normalise_prompt(q.prompt)
            if key in prompts:
                yield where, f"{field}.prompt", f"same prompt as {prompts[key]}"
            prompts.setdefault(key, q.id)
            lesson_id, anchor = q.lesson_ref.split("#")
            lesson = cur.lessons.get(lesson_id)
            if lesson is None or lesson.section(anchor) is None:
                yield where, f"{field}.lesson_ref", f"{q.lesson_ref} does not resolve"
            if q.type is QuestionType.MCQ and q.correct_index is not None:
                positions[q.correct_index] += 1
    for mid in EXPECTED_QUIZ_COUNTS:
        if mid in cur.modules and mid not in cur.quizzes:
            yield f"quizzes/{mid}.yaml", "", "quiz bank is missing"
    total = sum(positions.values())
    for pos, n in sorted(positions.items()):
        if total >= 20 and n / total > MAX_POSITION_SHARE:
            yield (
                "quizzes/",
                "answer",
                (
                    f"choice position {pos + 1} holds {n}/{total} correct answers "
                    f"(more than {MAX_POSITION_SHARE:.0%})"
                ),
            )


def _refs(where: str, field: str, ids: list[str], cur: Curriculum) -> Iterator[Problem]:
    for i, mid in enumerate(ids):
        if mid not in cur.modules:
            yield where, f"{field}.{i}", f"unknown module {mid!r}"


def _course(cur: Curriculum) -> Iterator[Problem]:
    course = cur.course
    if course is None:
        return
    numbers = [s.number for s in course.sections]
    if numbers != list(range(1, 16)):
        yield "course.yaml", "sections", f"expected sections 1..15 in order, found {numbers}"
    for i, section in enumerate(course.sections):
        yield from _refs("course.yaml", f"sections.{i}.modules", section.modules, cur)
        prefix = f"{section.number}."
        for j, lecture in enumerate(section.lectures):
            if not lecture.id.startswith(prefix):
                yield "course.yaml", f"sections.{i}.lectures.{j}.id", f"{lecture.id} not in section"
    for i, week in enumerate(course.path):
        for n in week.sections:
            if course.section(n) is None:
                yield "course.yaml", f"path.{i}.sections", f"unknown section {n}"


def _catalogs(cur: Curriculum) -> Iterator[Problem]:
    if cur.syllabus is not None:
        if [lv.number for lv in cur.syllabus.levels] != list(range(1, 11)):
            yield "syllabus.yaml", "levels", "expected levels 1..10 in order"
        for i, lv in enumerate(cur.syllabus.levels):
            yield from _refs("syllabus.yaml", f"levels.{i}.modules", lv.modules, cur)
    if cur.sequence is not None:
        for i, phase in enumerate(cur.sequence.phases):
            for j, step in enumerate(phase.steps):
                yield from _refs(
                    "sequence.yaml", f"phases.{i}.steps.{j}.modules", step.modules, cur
                )
    if cur.roadmap is not None:
        if [w.week for w in cur.roadmap.weeks] != list(range(1, 13)):
            yield "roadmap.yaml", "weeks", "expected weeks 1..12 in order"
        for i, week in enumerate(cur.roadmap.weeks):
            yield from _refs("roadmap.yaml", f"weeks.{i}.modules", week.modules, cur)
        interview = cur.lessons.get("interview")
        for topic in cur.roadmap.interview_checklist:
            for q in topic.questions:
                if interview is None or interview.section(q.id) is None:
                    yield "lessons/interview.md", "sections", f"no answer section {{#{q.id}}}"
    ids = Counter(b.id for b in cur.badges)
    for badge_id, n in ids.items():
        if n > 1:
            yield "badges.yaml", "badges", f"duplicate badge id {badge_id!r}"
    kinds = Counter(b.kind for b in cur.badges)
    if cur.badges and dict(kinds) != {"level": 4, "specialty": 4, "milestone": 5}:
        yield "badges.yaml", "badges", f"expected 4 level, 4 specialty, 5 milestone: {dict(kinds)}"


def _tracks(cur: Curriculum) -> Iterator[Problem]:
    for track in cur.tracks.values():
        where = f"tracks/{track.id}.yaml"
        numbers = [w.week for w in track.weeks]
        if numbers != list(range(1, len(numbers) + 1)):
            yield where, "weeks", f"weeks must be numbered 1..{len(numbers)} in order"
        for i, week in enumerate(track.weeks):
            yield from _refs(where, f"weeks.{i}.modules", week.modules, cur)
            for j, target in enumerate(week.quizzes):
                if target.startswith("section-"):
                    ok = cur.course is not None and cur.course.section(int(target[8:])) is not None
                else:
                    ok = target in cur.modules
                if not ok:
                    yield where, f"weeks.{i}.quizzes.{j}", f"unknown quiz target {target!r}"


def _lesson_shape(cur: Curriculum, lesson_id: str, objective_ids: list[str]) -> Iterator[Problem]:
    lesson = cur.lessons.get(lesson_id)
    where = f"lessons/{lesson_id}.md"
    if lesson is None:
        yield where, "", "lesson is missing"
        return
    if lesson.words < MIN_LESSON_WORDS:
        yield where, "body", f"{lesson.words} words, at least {MIN_LESSON_WORDS} needed"
    h2 = {s.anchor for s in lesson.sections if s.depth == 2}
    for i, anchor in enumerate(objective_ids):
        if anchor not in h2:
            yield where, "sections", f"no '## ... {{#{anchor}}}' section for objective {i + 1}"
    for anchor in REQUIRED_LESSON_ANCHORS:
        if anchor not in h2:
            yield where, "sections", f"required section {{#{anchor}}} is missing"


def _electives(cur: Curriculum) -> Iterator[Problem]:
    """Electives: a lesson and quiz like a module's, and a link from every module they extend."""
    for e in sorted(cur.electives.values(), key=lambda item: item.id):
        where = f"electives/{e.id}.yaml"
        yield from _lesson_shape(cur, e.id, [o.id for o in e.objectives])
        if e.id not in cur.quizzes:
            yield f"quizzes/{e.id}.yaml", "", "quiz bank is missing"
        for field in ("extends", "prerequisites"):
            yield from _refs(where, field, getattr(e, field), cur)
        for mid in e.extends:
            lesson = cur.lessons.get(mid)
            if lesson is not None and f"`{e.id}`" not in lesson.body:
                yield f"lessons/{mid}.md", "body", f"does not link the elective `{e.id}` it has"


def _capstone(cur: Curriculum) -> Iterator[Problem]:
    cap = cur.capstone
    if cap is None:
        return
    yield from _refs("capstone.yaml", "integrates", cap.integrates, cur)
    levels = {cur.modules[m].level for m in cap.integrates if m in cur.modules}
    if cur.modules and len(levels) != len(EXPECTED_LEVEL_SIZES):
        yield "capstone.yaml", "integrates", "must integrate modules of all four levels"
    for i, milestone in enumerate(cap.milestones):
        yield from _refs("capstone.yaml", f"milestones.{i}.after", milestone.after, cur)
