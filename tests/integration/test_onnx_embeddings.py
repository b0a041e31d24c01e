"""The packaged model in ONNX Runtime gives sentence-transformers' vectors, without torch."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from knowledge import minilm_onnx
from knowledge.embeddings import MiniLMEmbedder, TorchMiniLMEmbedder
from knowledge.minilm_onnx import OnnxExportError, OnnxMiniLMEmbedder

pytestmark = pytest.mark.slow

TEXTS = [
    "how do I roll back a model in mlflow?",
    "What is the difference between data drift and concept drift?",
    "kubectl rollout undo deployment/churn-api --to-revision=3",
    "Ünïcödé ✨ and emoji 🚀 in a question about Évidently",
    "",
    "drift " * 400,  # longer than the model's 256 tokens: cut, as sentence-transformers does
    "Traceback (most recent call last):\n  File 'train.py'\nKeyError: 'MLFLOW_TRACKING_URI'",
]


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_onnx_vectors_match_the_torch_model_for_every_kind_of_text(tmp_path: Path) -> None:
    onnx = OnnxMiniLMEmbedder(batch_size=3, cache=tmp_path)  # a fresh cache: really exports
    torch = TorchMiniLMEmbedder()

    got, want = onnx.embed(TEXTS), torch.embed(TEXTS)

    assert list(tmp_path.glob("*.onnx")), "the export is cached"
    assert [len(v) for v in got] == [384] * len(TEXTS)
    for text, a, b in zip(TEXTS, got, want, strict=True):
        assert _cosine(a, b) > 0.9999, text[:40]
        assert abs(_cosine(a, a) - 1.0) < 1e-5


def test_a_serving_process_answers_without_ever_importing_torch(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from knowledge.embeddings import MiniLMEmbedder
        model = MiniLMEmbedder()
        vectors = model.embed(["what is a feature store?"])
        assert model.backend == "onnx", model.backend
        assert len(vectors[0]) == 384
        print("torch" in sys.modules, "sentence_transformers" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.split() == ["False", "False"], done.stderr[-2000:]


def test_a_failed_export_falls_back_to_torch_with_one_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(source: Path, cache: Path) -> Path:
        raise OnnxExportError("ONNX export failed: No module named 'onnx'")

    monkeypatch.setattr(minilm_onnx, "ensure_onnx", broken)
    model = MiniLMEmbedder()

    with caplog.at_level(logging.WARNING):
        vectors = model.embed(["what is a model registry?", "and a second text"])

    assert model.backend == "torch" and len(vectors) == 2
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "No module named 'onnx'" in warnings[0].getMessage()
    assert warnings[0].exc_info is None, "one line, no traceback"
