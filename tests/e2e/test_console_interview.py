"""A mock interview in the console, driven by a pipe, graded by the packaged MiniLM model."""

from __future__ import annotations

from pathlib import Path

from bot.bootstrap import shipped_curriculum
from tests.e2e.test_console import run_tutor


def test_a_piped_interview_grades_a_strong_answer_high_and_a_copy_low(tmp_path: Path) -> None:
    question = shipped_curriculum().interview.get("audit-predictions")
    assert question is not None and question.calibration is not None
    strong = " ".join(question.calibration.strong.text.split())
    lines = [
        "/interview audit",
        "hint",
        strong,
        "done",
        "/interview audit",
        question.prompt,
        "done",
        "/progress",
    ]
    result = run_tutor(["console"], "\n".join(lines) + "\n", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Mock interview: audit" in out and question.prompt in out
    assert question.key_points[0].statement in out  # the hint
    assert "Score: 4.5/5" in out and "for 1 hint" in out and "you said: “" in out
    assert "Score: 0.0/5" in out  # the copy of the question
    assert out.count("Interview finished") == 2
    assert "Interview readiness:" in out and "1 question practised" in out
