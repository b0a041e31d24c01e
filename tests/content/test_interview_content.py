"""The interview bank: counts, coverage of the roadmap and modules, links, calibration labels."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from curriculum.catalog import CONTENT_ROOT, ContentErrors, Curriculum, load_curriculum
from curriculum.catalog.interview import MIN_CALIBRATED, MIN_QUESTIONS


@pytest.fixture(scope="module")
def cur() -> Curriculum:
    return load_curriculum()


def test_at_least_150_questions_and_40_calibrated(cur: Curriculum) -> None:
    bank = cur.interview
    assert len(bank.questions) >= MIN_QUESTIONS == 150
    assert len(bank.calibrated) >= MIN_CALIBRATED == 40
    assert len({q.id for q in bank.questions}) == len(bank.questions)


def test_every_week_angle_checklist_question_and_module_is_covered(cur: Curriculum) -> None:
    bank, roadmap = cur.interview, cur.roadmap
    assert roadmap is not None
    for week in roadmap.weeks:
        assert sum(week.week in q.weeks for q in bank.questions) >= 3, week.week
        for angle in week.interview_angle:
            assert any(q.angle == angle for q in bank.questions), angle
    checklist = {item.id for t in roadmap.interview_checklist for item in t.questions}
    assert checklist <= {q.checklist for q in bank.questions}
    assert {m for q in bank.questions for m in q.modules} == set(cur.modules)


def test_every_kind_of_question_is_there(cur: Curriculum) -> None:
    kinds = {q.kind for q in cur.interview.questions}
    assert kinds == {"concept", "explain", "design", "debug", "trade-off"}
    assert any("2,000 requests" in q.prompt for q in cur.interview.questions)
    assert any("8% overnight" in q.prompt for q in cur.interview.questions)


def test_every_lesson_link_resolves(cur: Curriculum) -> None:
    for q in cur.interview.questions:
        for ref in q.lessons:
            lesson_id, _, anchor = ref.partition("#")
            assert cur.lessons[lesson_id].section(anchor) is not None, (q.id, ref)


def test_calibration_labels_rank_strong_over_partial_over_weak(cur: Curriculum) -> None:
    for q in cur.interview.calibrated:
        cal = q.calibration
        assert cal is not None
        assert len(cal.strong.covers) > len(cal.partial.covers) > len(cal.weak.covers), q.id


def test_a_broken_link_and_a_missing_checklist_question_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_ROOT, root)
    path = root / "interview" / "checklist.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("m06#drift-detection]", "m06#no-such-section]", 1)
    text = text.replace("checklist: audit-predictions", "checklist: null")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_curriculum(root)
    messages = [str(e) for e in caught.value.errors]
    assert any("m06#no-such-section" in m for m in messages)
    assert any("audit-predictions" in m for m in messages)
