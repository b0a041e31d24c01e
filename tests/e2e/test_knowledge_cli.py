"""`mlops-tutor ingest` and `ask` with the real packaged model and a real local Chroma."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_console import run_tutor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(tmp_path_factory.mktemp("knowledge"))


def test_ingest_builds_the_index_and_a_second_run_embeds_nothing(data_dir: Path) -> None:
    first = run_tutor(["ingest"], "", data_dir)
    assert first.returncode == 0, first.stderr
    assert " added" in first.stdout and "0 deleted" in first.stdout
    second = run_tutor(["ingest"], "", data_dir)
    assert second.returncode == 0, second.stderr
    assert "0 added, 0 updated" in second.stdout and "; 0 embedded" in second.stdout


def test_drift_question_is_answered_from_the_monitoring_lesson(data_dir: Path) -> None:
    result = run_tutor(
        ["ask", "What is the difference between data drift and concept drift?"], "", data_dir
    )
    assert result.returncode == 0, result.stderr
    assert "concept drift" in result.stdout.lower()
    assert "lessons/m06.md#" in result.stdout or "lessons/m13.md#" in result.stdout


def test_an_off_topic_question_is_declined_with_a_next_step(data_dir: Path) -> None:
    result = run_tutor(["ask", "What's a good lasagna recipe?"], "", data_dir)
    assert result.returncode == 3
    assert "only answer questions about the MLOps course" in result.stdout
    assert "closest material" in result.stdout or "/roadmap" in result.stdout
