"""`mlops-tutor config check` and every start name each problem with TUTOR_LLM in one line."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from bot.cli.app import app
from tests.llm.servers import PROTOCOLS, ProviderServer, Scripted
from tests.llm.tutor import MODELS

KEYS = ("OPENAI_API_KEY", "ANTHROPIC_API_KEY")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for key in (*KEYS, "TUTOR_LLM", "TUTOR_LLM_BASE_URL", "OPENAI_BASE_URL", "OLLAMA_HOST"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    return {"TUTOR_DATA_DIR": str(tmp_path), "TUTOR_AUTO_INGEST": "false"}


@pytest.fixture(params=PROTOCOLS)
def server(request: pytest.FixtureRequest) -> Iterator[ProviderServer]:
    served = ProviderServer(request.param).start()
    yield served
    served.stop()


def check(env: dict[str, str], *args: str, **more: str) -> Result:
    return CliRunner().invoke(app, ["config", "check", *args], env=env | more)


def error_lines(result: Result) -> list[str]:
    assert "Traceback" not in result.output
    return [line for line in result.stderr.splitlines() if line.strip()]


def served_env(server: ProviderServer) -> dict[str, str]:
    return {
        "TUTOR_LLM": f"{server.protocol}:{MODELS[server.protocol]}",
        "TUTOR_LLM_BASE_URL": server.base_url,
        "OPENAI_API_KEY": "sk-test",
        "ANTHROPIC_API_KEY": "sk-ant-test",
        "TUTOR_LLM_TIMEOUT": "5",
    }


def test_a_missing_provider_package_is_named_with_the_extra_that_brings_it(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "langchain_ollama", None)  # as if never installed
    result = check(env, TUTOR_LLM="ollama:llama3.1")
    assert result.exit_code == 2
    assert error_lines(result) == [
        "error: TUTOR_LLM: the langchain-ollama package is not installed; "
        'run: pip install -e ".[ollama]" (or pip install langchain-ollama)'
    ]


def test_a_missing_package_and_credential_each_get_one_line(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "langchain_anthropic", None)
    result = check(env, TUTOR_LLM="anthropic:claude-3-5-haiku-latest")
    lines = error_lines(result)
    assert result.exit_code == 2 and len(lines) == 2
    assert lines[0].startswith("error: TUTOR_LLM: the langchain-anthropic package")
    assert lines[1].startswith("error: ANTHROPIC_API_KEY: not set")


def test_an_unknown_provider_is_named(env: dict[str, str]) -> None:
    result = check(env, TUTOR_LLM="llamafile:tiny")
    assert result.exit_code == 2
    assert error_lines(result) == [
        "error: TUTOR_LLM: unknown provider 'llamafile'; use one of openai, ollama, anthropic"
    ]


def test_a_local_openai_compatible_server_still_needs_some_key(env: dict[str, str]) -> None:
    result = check(env, TUTOR_LLM="openai:qwen2.5", TUTOR_LLM_BASE_URL="http://127.0.0.1:9/v1")
    (line,) = error_lines(result)
    assert line.startswith("error: OPENAI_API_KEY: not set")
    assert "accepts any value" in line


def test_a_working_model_answers_the_probe(env: dict[str, str], server: ProviderServer) -> None:
    server.answer('{"ok": true}')
    result = check(env, **served_env(server))
    assert result.exit_code == 0, result.output
    assert "answered a probe" in result.stdout
    assert len(server.seen) == 1


def test_offline_checks_skip_the_probe(env: dict[str, str], server: ProviderServer) -> None:
    result = check(env, "--offline", **served_env(server))
    assert result.exit_code == 0, result.output
    assert "probe skipped" in result.stdout
    assert server.seen == []


def test_an_unreachable_server_names_the_base_url(env: dict[str, str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    result = check(env, TUTOR_LLM="ollama:llama3.1", TUTOR_LLM_BASE_URL=url)
    (line,) = error_lines(result)
    assert (
        line
        == f"error: TUTOR_LLM_BASE_URL: cannot connect to {url}; start the server or fix the URL"
    )


def test_a_model_ollama_has_not_pulled_says_how_to_pull_it(env: dict[str, str]) -> None:
    server = ProviderServer("ollama").start()
    try:
        server.script(Scripted(status=404))
        result = check(env, **served_env(server))
    finally:
        server.stop()
    (line,) = error_lines(result)
    assert "model 'llama3.1' not found" in line and "ollama pull llama3.1" in line


def test_a_rejected_key_is_named(env: dict[str, str]) -> None:
    server = ProviderServer("openai").start()
    try:
        server.script(Scripted(status=401))
        result = check(env, **served_env(server))
    finally:
        server.stop()
    (line,) = error_lines(result)
    assert line.startswith("error: OPENAI_API_KEY: rejected by") and "HTTP 401" in line


def test_a_hung_model_names_the_timeout(env: dict[str, str]) -> None:
    server = ProviderServer("openai").start()
    try:
        server.script(Scripted(content="{}", hold=True))
        result = check(env, **(served_env(server) | {"TUTOR_LLM_TIMEOUT": "0.5"}))
    finally:
        server.stop()
    (line,) = error_lines(result)
    assert line.startswith("error: TUTOR_LLM_TIMEOUT:")


def test_ask_refuses_to_start_with_a_model_that_cannot_work(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "langchain_ollama", None)
    result = CliRunner().invoke(
        app, ["ask", "What is data drift?"], env=env | {"TUTOR_LLM": "ollama:llama3.1"}
    )
    assert result.exit_code == 2
    assert error_lines(result) == [
        "error: TUTOR_LLM: the langchain-ollama package is not installed; "
        'run: pip install -e ".[ollama]" (or pip install langchain-ollama)'
    ]
