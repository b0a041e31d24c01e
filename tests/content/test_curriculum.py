"""Every shipped content file loads, cross-references resolve, and the seed's numbers hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from curriculum.catalog import CONTENT_ROOT, ContentErrors, Curriculum, Level, load_curriculum
from curriculum.catalog.checks import EXPECTED_QUIZ_COUNTS, REQUIRED_LESSON_ANCHORS
from curriculum.seeds import read_seed, seed_paths


@pytest.fixture(scope="module")
def cur() -> Curriculum:
    return load_curriculum()


def test_24_modules_in_levels_of_4_6_8_6(cur: Curriculum) -> None:
    assert sorted(cur.modules) == [f"m{n:02d}" for n in range(1, 25)]
    sizes = [len(cur.modules_of(level)) for level in Level]
    assert sizes == [4, 6, 8, 6]


def test_quiz_counts_are_exactly_the_seeds_235(cur: Curriculum) -> None:
    counts = {mid: len(bank.questions) for mid, bank in cur.quizzes.items() if mid in cur.modules}
    assert counts == EXPECTED_QUIZ_COUNTS
    assert sum(counts.values()) == 235
    assert all(cur.modules[mid].quiz_questions == n for mid, n in counts.items())


def test_every_lesson_teaches_each_objective_in_its_own_section(cur: Curriculum) -> None:
    for module in cur.ordered_modules():
        lesson = cur.lessons[module.id]
        assert lesson.words >= 700, module.id
        h2 = [s.anchor for s in lesson.sections if s.depth == 2]
        objective_ids = [o.id for o in module.objectives]
        assert [a for a in h2 if a in objective_ids] == objective_ids, module.id
        assert set(REQUIRED_LESSON_ANCHORS) <= set(h2), module.id
        for objective in module.objectives:
            section = lesson.section(objective.id)
            assert section is not None and len(section.text.split()) >= 60, (
                module.id,
                objective.id,
            )


def test_course_roadmap_syllabus_and_badges_are_complete(cur: Curriculum) -> None:
    assert cur.course is not None and len(cur.course.sections) == 15
    assert sum(len(s.lectures) for s in cur.course.sections) >= 90
    assert [w.week for w in cur.course.path] == [1, 2, 3, 4, 5]
    assert cur.roadmap is not None and len(cur.roadmap.weeks) == 12
    assert sum(len(t.questions) for t in cur.roadmap.interview_checklist) == 15
    assert cur.syllabus is not None and len(cur.syllabus.levels) == 10
    assert cur.sequence is not None and len(cur.sequence.phases) == 3
    assert Counter(b.kind for b in cur.badges) == {"level": 4, "specialty": 4, "milestone": 5}


def test_tracks_cover_the_roadmap_course_and_curriculum(cur: Curriculum) -> None:
    assert {"roadmap-12w", "course-5w", "curriculum-24"} <= set(cur.tracks)
    assert len(cur.tracks["roadmap-12w"].weeks) == 12
    assert len(cur.tracks["course-5w"].weeks) == 5
    covered = {m for w in cur.tracks["curriculum-24"].weeks for m in w.modules}
    assert covered == set(cur.modules)


def test_mcq_correct_answers_are_spread_over_positions(cur: Curriculum) -> None:
    positions = Counter(
        q.correct_index
        for bank in cur.quizzes.values()
        for q in bank.questions
        if q.correct_index is not None
    )
    total = sum(positions.values())
    assert total >= 100
    assert max(positions.values()) / total <= 0.35, positions


def test_every_specialty_badge_has_modules_to_earn_it(cur: Curriculum) -> None:
    tags = Counter(t for m in cur.modules.values() for t in m.tags)
    assert all(tags[t] >= 2 for t in ("tool", "data", "deployment", "monitoring")), tags


def test_mojibake_seeds_read_correctly_after_repair() -> None:
    seeds = {p.name[:3]: read_seed(p) for p in seed_paths()}
    assert seeds["001"].startswith("# 📖 Course Overview & Syllabus")
    assert "### Section 1 – Welcome, Agenda & Big Picture (Foundation)" in seeds["001"]
    assert "## 🟢 LEVEL 1: MLOps Fundamentals" in seeds["002"]
    assert "DevOps–MLOps platform" in seeds["002"]
    for text in seeds.values():
        assert not any(marker in text for marker in ("‚Äì", "ğŸ", "â€", "\uf8ff"))
    raw = (CONTENT_ROOT / "seeds" / "001_9d42fcb1000e0d27.txt").read_text(encoding="utf-8")
    assert "üìñ" in raw, "the shipped seed stays as it was"


def _break(root: Path) -> None:
    (root / "modules" / "m02.yaml").write_text(
        (root / "modules" / "m02.yaml").read_text().replace("level: beginner", "level: wizard")
    )
    quiz = root / "quizzes" / "m03.yaml"
    quiz.write_text(quiz.read_text().replace("lesson_ref: m03#", "lesson_ref: m03#no-such-", 1))
    lesson = root / "lessons" / "m04.md"
    lesson.write_text(lesson.read_text().replace("{#pitfalls}", "{#pit-falls}"))
    track = root / "tracks" / "roadmap-12w.yaml"
    track.write_text(track.read_text().replace("- m01", "- m42", 1))
    (root / "badges.yaml").write_text("badges: [this is: not valid")


def test_validate_reports_every_error_with_file_and_field(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_ROOT, root)
    _break(root)
    with pytest.raises(ContentErrors) as caught:
        load_curriculum(root)
    messages = [str(e) for e in caught.value.errors]
    expected = [
        "modules/m02.yaml: level:",
        "quizzes/m03.yaml: questions.0.lesson_ref: m03#no-such-",
        "lessons/m04.md: sections: required section {#pitfalls} is missing",
        "tracks/roadmap-12w.yaml: weeks.",
        "badges.yaml: cannot be read as YAML",
    ]
    for fragment in expected:
        assert any(fragment in m for m in messages), (fragment, messages)

    cli = subprocess.run(
        [sys.executable, "-m", "bot.cli.app", "curriculum", "validate", "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode != 0
    assert "quizzes/m03.yaml" in cli.stdout and "lessons/m04.md" in cli.stdout


def test_every_resource_links_to_a_real_https_address(cur: Curriculum) -> None:
    resources = [r for m in cur.modules.values() for r in m.resources]
    assert resources and all(r.url.scheme == "https" for r in resources)


def test_a_resource_without_a_link_fails_validation(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_ROOT, root)
    module = root / "modules" / "m01.yaml"
    head, _, tail = module.read_text().partition("resources:\n")
    first, _, rest = tail.partition("    url: ")
    module.write_text(head + "resources:\n" + first + rest.partition("\n")[2])
    with pytest.raises(ContentErrors) as caught:
        load_curriculum(root)
    assert "modules/m01.yaml: resources.0.url: Field required" in [
        str(e) for e in caught.value.errors
    ]


def test_electives_stay_outside_the_24_module_track(cur: Curriculum) -> None:
    assert cur.electives and not set(cur.electives) & set(cur.modules)
    for e in cur.electives.values():
        assert 8 <= len(cur.questions(e.id)) == e.quiz_questions <= 10
        assert e.id in cur.answers and all(f"`{e.id}`" in cur.lessons[m].body for m in e.extends)


def test_the_capstone_integrates_all_levels_with_a_rubric_of_100(cur: Curriculum) -> None:
    cap = cur.capstone
    assert cap is not None and sum(c.weight for c in cap.rubric) == 100
    assert {cur.modules[m].level for m in cap.integrates} == set(Level)
