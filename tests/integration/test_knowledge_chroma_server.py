"""Ingest and query through a real Chroma server (`chroma run`) over HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.answer import RelevancePolicy
from knowledge.answerer import ExtractiveAnswerer
from knowledge.embeddings import HashingEmbedder
from knowledge.ingest import ingest
from knowledge.retrieval import HybridRetriever
from knowledge.store import ChromaStore
from knowledge.testing import tiny_curriculum

CHROMA = Path(sys.executable).parent / "chroma"
START_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"chroma run exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"Chroma server at {url} did not answer within {START_TIMEOUT}s")


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    if not CHROMA.exists():
        pytest.skip(f"the chroma CLI is not installed at {CHROMA}")
    port = _free_port()
    command = [str(CHROMA), "run", "--path", str(tmp_path / "db"), "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_ingest_and_answer_through_a_chroma_server(chroma_url: str) -> None:
    store = ChromaStore(url=chroma_url)
    embedder = HashingEmbedder(dim=256)
    first = ingest(tiny_curriculum(), store, embedder, include_seeds=False)
    again = ingest(tiny_curriculum(), store, embedder, include_seeds=False)
    assert first.added == store.count() > 0 and again.embedded == 0
    hits = store.query(embedder.embed(["concept drift"])[0], k=3, module="m06")
    assert hits and all(h.chunk.module == "m06" for h in hits)
    policy = RelevancePolicy(min_similarity=0.2, strong_similarity=0.45, min_bm25=0.5)
    answerer = ExtractiveAnswerer(HybridRetriever(store, embedder), embedder, policy)
    answer = answerer.answer("How do I publish the port of a docker container?")
    assert not answer.declined
    assert answer.citations[0].ref == "lessons/m04.md#containerization-basics"


def test_bad_url_names_the_problem() -> None:
    with pytest.raises(ValueError, match="http://host:port"):
        ChromaStore(url="localhost:8000").count()
