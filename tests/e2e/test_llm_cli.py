"""The README's "Answers with an LLM" section, run as written for each provider.

Each provider's bash block is read from README.md: its `export` lines are the environment and
its `mlops-tutor` lines are run as subprocesses, in order. Installing (`pip install`,
`ollama pull`) is the only step skipped: the test venv has the dev extra, with every provider
package. The model is a local server speaking the provider's protocol (tests/llm/servers.py),
reached the way a user reaches their own server: the block's `TUTOR_LLM_BASE_URL` with its
host and port pointed at the local one, or, for a block that uses the provider's public
default, the client's own variable the README names (`OPENAI_BASE_URL`, `OLLAMA_HOST`,
`ANTHROPIC_BASE_URL`). Each row of the README's table of model servers is run the same way.
A README line the test does not understand fails it, so the README cannot drift from it.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.e2e.test_console import run_tutor
from tests.llm.servers import PATHS, Protocol, ProviderServer

pytestmark = pytest.mark.slow
README = Path(__file__).resolve().parents[2] / "README.md"
ANSWER = "Data drift is a change in the inputs a model sees in production."
CLIENT_URL_VARIABLE = {"openai": "OPENAI_BASE_URL", "ollama": "OLLAMA_HOST"}
CLIENT_URL_VARIABLE["anthropic"] = "ANTHROPIC_BASE_URL"
PROVIDER_VARIABLES = (
    *CLIENT_URL_VARIABLE.values(), "OPENAI_API_KEY", "OPENAI_API_BASE", "ANTHROPIC_API_KEY",
    "ANTHROPIC_API_URL",
)  # fmt: skip
INSTALL_STEPS = (".venv/bin/pip install ", "ollama pull ")
TUTOR = ".venv/bin/mlops-tutor "


@dataclass
class Recipe:
    """One README block: the environment it exports and the tutor commands it runs."""

    name: str
    env: dict[str, str] = field(default_factory=dict)
    commands: list[list[str]] = field(default_factory=list)

    @property
    def protocol(self) -> Protocol:
        provider = self.env["TUTOR_LLM"].partition(":")[0]
        assert provider in PATHS, provider
        return provider  # type: ignore[return-value]

    @property
    def model(self) -> str:
        return self.env["TUTOR_LLM"].partition(":")[2]


def llm_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Answers with an LLM")
    return text[start : text.index("\n## ", start + 1)]


def recipes() -> dict[str, Recipe]:
    """Each `**Label**` paragraph followed by a bash block, by label."""
    found: dict[str, Recipe] = {}
    for match in re.finditer(r"\*\*([^*\n]+)\*\*[^*]*?```bash\n(.*?)```", llm_section(), re.S):
        if TUTOR not in match[2]:
            continue  # not a provider block (the benchmark)
        recipe = Recipe(match[1].strip())
        for line in match[2].splitlines():
            _read(recipe, line.strip())
        found[recipe.name] = recipe
    return found


def _read(recipe: Recipe, line: str) -> None:
    if not line or line.startswith("#") or line.startswith(INSTALL_STEPS):
        return
    if line.startswith("export "):
        for pair in shlex.split(line)[1:]:
            key, _, value = pair.partition("=")
            recipe.env[key] = value
    elif line.startswith(TUTOR):
        recipe.commands.append(shlex.split(line)[1:])
    else:
        raise AssertionError(f"README line the e2e test does not know how to run: {line!r}")


def server_rows() -> list[tuple[str, str, str]]:
    """(server, TUTOR_LLM, TUTOR_LLM_BASE_URL) of each row of the README's table."""
    table = llm_section().split("**Where the model server is.**")[1]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[2].startswith("`") and cells[0] != "server":
            llm = cells[2].split("`")[1]
            rows.append((cells[0], llm, cells[3].split("`")[1]))
    return rows


RECIPES = recipes()
ROWS = server_rows()
BLOCK_OF: dict[str, str] = {"openai": "An OpenAI-compatible server", "ollama": "Ollama"}
BLOCK_OF["anthropic"] = "Anthropic"


def pointed_at(url: str, server: ProviderServer) -> str:
    """The documented URL with its scheme, host and port those of the local server."""
    return re.sub(r"^https?://[^/]+", server.root, url)


def filled(value: str) -> str:
    """A placeholder such as `<model id LM Studio shows>` filled in as a user would."""
    return re.sub(r"<[^>]*>", "local-model", value)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(tmp_path_factory.mktemp("llm-cli"))
    built = run_tutor(["ingest"], "", path)
    assert built.returncode == 0, built.stderr
    return path


@pytest.fixture(autouse=True)
def no_provider_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what the README exports reaches the tutor."""
    for name in PROVIDER_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def served() -> Iterator[dict[Protocol, ProviderServer]]:
    servers = {p: ProviderServer(p).start() for p in PATHS}
    yield servers
    for server in servers.values():
        server.stop()


def run_recipe(recipe: Recipe, server: ProviderServer, data_dir: Path) -> list[str]:
    """Run the recipe's commands in order; returns their output. Each must succeed."""
    assert [c[0] for c in recipe.commands] == ["config", "ask"], recipe.commands
    outputs = []
    for command in recipe.commands:
        server.answer('{"ok": true}')  # the probe, at every start
        if command[0] == "ask":
            server.answer(json.dumps({"answer": ANSWER, "used": ["course-answer"]}))
        result = run_tutor(command, "", data_dir, **recipe.env)
        assert result.returncode == 0, (command, result.stdout[-800:], result.stderr)
        assert "Traceback" not in result.stderr
        outputs.append(result.stdout)
    check, answer = outputs
    assert f"{recipe.env['TUTOR_LLM']}: answered a probe" in check
    assert answer.startswith(ANSWER) and "↳ m" in answer
    assert [s.path for s in server.seen] == [PATHS[server.protocol]] * 3
    assert {s.body["model"] for s in server.seen} == {recipe.model}
    assert "<passages>" in json.dumps(server.seen[-1].body)
    return outputs


def sent_key(server: ProviderServer) -> str:
    """The key the client sent (`x-api-key`, or a bearer token as the SDKs now send)."""
    headers = {k.lower(): v for k, v in server.seen[-1].headers.items()}
    return headers.get("x-api-key") or headers.get("authorization", "").removeprefix("Bearer ")


def test_the_readme_has_a_block_for_each_provider_and_a_row_for_each_server() -> None:
    assert set(RECIPES) == {"Ollama", "OpenAI", "An OpenAI-compatible server", "Anthropic"}
    servers = [row[0] for row in ROWS]
    assert {"vLLM", "LM Studio", "llama.cpp server"} <= set(servers), servers
    assert {r.protocol for r in RECIPES.values()} == set(PATHS)


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_each_providers_block_works_as_written(
    name: str, data_dir: Path, served: dict[Protocol, ProviderServer]
) -> None:
    recipe = Recipe(name, dict(RECIPES[name].env), RECIPES[name].commands)
    server = served[recipe.protocol]
    documented = recipe.env.get("TUTOR_LLM_BASE_URL")
    if documented:  # a user's own server: the same URL, on our host and port
        recipe.env["TUTOR_LLM_BASE_URL"] = pointed_at(documented, server)
    else:  # the provider's public default, redirected with its client's own variable
        url = server.base_url if recipe.protocol == "openai" else server.root
        recipe.env[CLIENT_URL_VARIABLE[recipe.protocol]] = url
    run_recipe(recipe, server, data_dir)
    key = next((v for k, v in recipe.env.items() if k.endswith("_API_KEY")), None)
    if key is not None:
        assert sent_key(server) == key


@pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
def test_each_documented_server_url_works(
    row: tuple[str, str, str], data_dir: Path, served: dict[Protocol, ProviderServer]
) -> None:
    name, llm, url = row
    block = RECIPES[BLOCK_OF[llm.partition(":")[0]]]
    recipe = Recipe(name, {**block.env, "TUTOR_LLM": filled(llm)}, block.commands)
    server = served[recipe.protocol]
    recipe.env["TUTOR_LLM_BASE_URL"] = pointed_at(url, server)
    run_recipe(recipe, server, data_dir)


def test_an_unreachable_model_stops_ask_with_one_line(tmp_path: Path) -> None:
    env = {"TUTOR_LLM": "ollama:llama3.1", "TUTOR_LLM_BASE_URL": "http://127.0.0.1:9"}
    result = run_tutor(["ask", "What is data drift?"], "", tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: TUTOR_LLM_BASE_URL: cannot connect to http://127.0.0.1:9; "
        "start the server or fix the URL"
    ]


def test_a_base_url_without_v1_is_named_in_one_line(
    data_dir: Path, served: dict[Protocol, ProviderServer]
) -> None:
    """The mistake the README warns about: an OpenAI-compatible URL without `/v1`."""
    server = served["openai"]
    env = {"TUTOR_LLM": "openai:qwen2.5", "OPENAI_API_KEY": "none"}
    result = run_tutor(["config", "check"], "", data_dir, TUTOR_LLM_BASE_URL=server.root, **env)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: TUTOR_LLM: model 'qwen2.5' not found at " + server.root)
    assert "check the model name and TUTOR_LLM_BASE_URL" in line
