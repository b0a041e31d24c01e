"""`mlops-tutor ask` with TUTOR_LLM, as the README says, against a local Ollama-speaking server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_console import run_tutor
from tests.llm.servers import ProviderServer

pytestmark = pytest.mark.slow
QUESTION = "What is the difference between data drift and concept drift?"
ANSWER = "Data drift changes the inputs; concept drift changes how inputs relate to the target."


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(tmp_path_factory.mktemp("llm-cli"))
    built = run_tutor(["ingest"], "", path)
    assert built.returncode == 0, built.stderr
    return path


@pytest.fixture
def ollama() -> Iterator[ProviderServer]:
    served = ProviderServer("ollama").start()
    yield served
    served.stop()


def ask(data_dir: Path, server: ProviderServer) -> tuple[int, str, str]:
    env = {"TUTOR_LLM": "ollama:llama3.1", "TUTOR_LLM_BASE_URL": server.base_url}
    result = run_tutor(["ask", QUESTION], "", data_dir, **env)
    return result.returncode, result.stdout, result.stderr


def test_the_model_answers_after_passing_the_start_probe(
    data_dir: Path, ollama: ProviderServer
) -> None:
    ollama.answer('{"ok": true}')
    ollama.answer(json.dumps({"answer": ANSWER, "used": ["course-answer"]}))
    code, out, err = ask(data_dir, ollama)
    assert code == 0, err
    assert ANSWER in out and "↳ m" in out
    assert len(ollama.seen) == 2
    assert "<passages>" in json.dumps(ollama.seen[1].body)


def test_an_unreachable_model_stops_ask_with_one_line(tmp_path: Path) -> None:
    env = {"TUTOR_LLM": "ollama:llama3.1", "TUTOR_LLM_BASE_URL": "http://127.0.0.1:9"}
    result = run_tutor(["ask", QUESTION], "", tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: TUTOR_LLM_BASE_URL: cannot connect to http://127.0.0.1:9; "
        "start the server or fix the URL"
    ]
