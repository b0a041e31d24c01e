"""The console as a newcomer uses it: the installed `mlops-tutor` command, driven by a pipe."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.bootstrap import shipped_curriculum
from curriculum.catalog.models import QuestionType
from curriculum.quiz import choice_labels, plan_quiz

TUTOR = shutil.which("mlops-tutor") or str(Path(sys.executable).parent / "mlops-tutor")


def run_tutor(
    args: list[str], stdin: str, data_dir: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TUTOR_", "SLACK_", "DISCORD_")) and k != "DATABASE_URL"
    }
    clean.update(
        {
            "TUTOR_DATA_DIR": str(data_dir),
            "TUTOR_CONSOLE_USER": "newcomer",
            "TUTOR_AUTO_INGEST": "false",
            **env,
        }
    )
    return subprocess.run(
        [TUTOR, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=clean,
        cwd=data_dir,
        timeout=600,
        check=False,
    )


def test_help_and_an_empty_progress_view_then_progress_survives_a_restart(tmp_path: Path) -> None:
    first = run_tutor(["console"], "/help\n/progress\n/quit\n", tmp_path)
    assert first.returncode == 0, first.stderr
    assert "/quiz" in first.stdout and "/roadmap" in first.stdout
    assert "Progress for newcomer" in first.stdout
    assert "You have not taken a quiz yet" in first.stdout
    assert (tmp_path / "tutor.db").exists()

    second = run_tutor(["console"], "/quiz m01\n/quiz stop\n/progress\n", tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Module 1: MLOps Fundamentals" in second.stdout
    assert "stopped after 0 of 5" in second.stdout


def test_piping_a_full_m01_quiz_with_the_right_answers_passes(tmp_path: Path) -> None:
    cur = shipped_curriculum()
    plan = plan_quiz(cur.questions("m01"), seed=42)
    lines = ["/quiz m01"]
    for qid in plan.question_ids:
        q = cur.question(qid)
        assert q is not None
        if q.type is QuestionType.SHORT_ANSWER:
            assert q.accepted
            lines.append(q.accepted[0])
        else:
            labels = choice_labels(q, plan.choice_orders.get(qid))
            lines.append(str(labels.index(q.canonical_answer()) + 1))
    result = run_tutor(
        ["console"], "\n".join(lines) + "\n/progress\n", tmp_path, TUTOR_QUIZ_SEED="42"
    )
    assert result.returncode == 0, result.stderr
    assert "5/5 (100%). Passed!" in result.stdout
    assert "m01 MLOps Fundamentals: 100%" in result.stdout


def test_roadmap_week_three_from_the_default_track(tmp_path: Path) -> None:
    result = run_tutor(["console"], "/roadmap 3\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Week 3 —" in result.stdout and "Hands-on:" in result.stdout


def test_an_unreachable_database_fails_with_one_line_naming_database_url(tmp_path: Path) -> None:
    result = run_tutor(
        ["console"], "/help\n", tmp_path, DATABASE_URL="postgresql://nobody@127.0.0.1:1/none"
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "DATABASE_URL" in lines[0], result.stderr


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({"TUTOR_QUIZ_IDLE_MINUTES": "soon"}, "TUTOR_QUIZ_IDLE_MINUTES"),
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"TUTOR_LOG_LEVEL": "LOUD"}, "TUTOR_LOG_LEVEL"),
    ],
)
def test_an_invalid_setting_names_itself(tmp_path: Path, env: dict[str, str], setting: str) -> None:
    result = run_tutor(["config", "check"], "", tmp_path, **env)
    assert result.returncode != 0
    assert setting in result.stderr and "Traceback" not in result.stderr


def test_config_check_masks_secrets(tmp_path: Path) -> None:
    result = run_tutor(["config", "check"], "", tmp_path, SLACK_BOT_TOKEN="xoxb-very-secret-1234")
    assert result.returncode == 0, result.stderr
    assert "xoxb" not in result.stdout and "1234" not in result.stdout
    assert "SLACK_BOT_TOKEN" in result.stdout and "(set)" in result.stdout


def test_a_console_cohort_previews_week_three(tmp_path: Path) -> None:
    script = (
        "/cohort create roadmap-12w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin\n"
        "/cohort preview 3\n/cohort status\n"
    )
    result = run_tutor(["console"], script, tmp_path, TUTOR_CONSOLE_ADMINS="newcomer")
    assert result.returncode == 0, result.stderr
    assert "now follows" in result.stdout
    assert "Week 3 —" in result.stdout and "Preview only" in result.stdout
    assert "posts mon 09:00 (Europe/Berlin)" in result.stdout


def test_the_console_can_save_the_progress_card(tmp_path: Path) -> None:
    result = run_tutor(["console", "--save-files", str(tmp_path / "out")], "/progress\n", tmp_path)
    assert result.returncode == 0, result.stderr
    cards = list((tmp_path / "out").glob("*.png"))
    assert len(cards) == 1 and cards[0].read_bytes().startswith(b"\x89PNG")
    assert f"saved {cards[0]}" in result.stdout


def test_a_console_learner_who_is_not_an_admin_cannot_approve_or_create(tmp_path: Path) -> None:
    script = "/cohort create roadmap-12w start:2026-11-30\n/cohort status\n"
    result = run_tutor(["console"], script, tmp_path, TUTOR_CONSOLE_ADMINS="coach")
    assert "Only cohort admins can create a cohort" in result.stdout
    assert "not a cohort channel" in result.stdout


def test_a_narrow_terminal_gets_wrapped_lines(tmp_path: Path) -> None:
    result = run_tutor(["console"], "/help\n", tmp_path, COLUMNS="50")
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 58
    assert "`" not in result.stdout and "*MLOps Tutor*" not in result.stdout
