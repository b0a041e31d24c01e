"""The Chroma vector store: one cosine collection of chunks, embedded by us (never by Chroma)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np

from knowledge.chunking import Chunk

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

COLLECTION = "mlops-knowledge"
PAGE = 500


@dataclass(frozen=True)
class VectorHit:
    """A chunk found by vector search, with its cosine similarity to the query."""

    chunk: Chunk
    similarity: float


def _metadata(chunk: Chunk) -> dict[str, str | int | float | bool]:
    return {
        "source": chunk.source,
        "module": chunk.module or "",
        "anchor": chunk.anchor,
        "title": chunk.title,
        "heading": json.dumps(list(chunk.heading_path), ensure_ascii=False),
        "hash": chunk.content_hash,
    }


def _chunk(id_: str, text: str, meta: Any) -> Chunk:
    return Chunk(
        id=id_,
        text=text,
        source=str(meta["source"]),
        module=str(meta["module"]) or None,
        heading_path=tuple(json.loads(str(meta["heading"]))),
        anchor=str(meta["anchor"]),
        title=str(meta["title"]),
        content_hash=str(meta["hash"]),
    )


class ChromaStore:
    """Chunks in a Chroma collection, via a local path or a Chroma server URL.

    Connecting is deferred to first use, so building a store is cheap.
    """

    def __init__(
        self, *, path: str | None = None, url: str | None = None, collection: str = COLLECTION
    ) -> None:
        if (path is None) == (url is None):
            raise ValueError("give exactly one of path (local Chroma) or url (Chroma server)")
        self._path, self._url, self._name = path, url, collection
        self._collection: Collection | None = None
        self._client_api: ClientAPI | None = None
        self._lock = threading.Lock()

    def _client(self) -> ClientAPI:
        if self._client_api is None:
            self._client_api = self._connect()
        return self._client_api

    def _connect(self) -> ClientAPI:
        import chromadb
        from chromadb.config import Settings

        settings = Settings(anonymized_telemetry=False)
        if self._path is not None:
            return chromadb.PersistentClient(path=self._path, settings=settings)
        parsed = urlparse(self._url or "")
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(
                f"KNOWLEDGE chroma url must look like http://host:port, got {self._url!r}"
            )
        port = parsed.port or (443 if parsed.scheme == "https" else 8000)
        return chromadb.HttpClient(
            host=parsed.hostname, port=port, ssl=parsed.scheme == "https", settings=settings
        )

    @property
    def collection(self) -> Collection:
        """The collection, created on first use (cosine space, no embedding function)."""
        with self._lock:  # adapters call the core from several threads
            if self._collection is None:
                self._collection = self._client().get_or_create_collection(
                    self._name, embedding_function=None, metadata={"hnsw:space": "cosine"}
                )
            return self._collection

    def sibling(self, name: str) -> Collection:
        """Another cosine collection on the same Chroma (e.g. the learner phrasings)."""
        with self._lock:
            return self._client().get_or_create_collection(
                f"{self._name}-{name}", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )

    def count(self) -> int:
        """Number of chunks stored."""
        return self.collection.count()

    def upsert(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        """Insert or replace chunks with their vectors."""
        if not chunks:
            return
        self.collection.upsert(
            ids=[c.id for c in chunks],
            documents=[c.text for c in chunks],
            metadatas=[_metadata(c) for c in chunks],
            embeddings=np.asarray(vectors, dtype=np.float32),
        )

    def delete(self, ids: Sequence[str]) -> None:
        """Remove chunks by id."""
        if ids:
            self.collection.delete(ids=list(ids))

    def _pages(self) -> Iterator[tuple[list[str], list[str], list[Any]]]:
        offset = 0
        while True:
            got = self.collection.get(include=["documents", "metadatas"], limit=PAGE, offset=offset)
            ids = got["ids"]
            if not ids:
                return
            yield ids, list(got["documents"] or []), list(got["metadatas"] or [])
            offset += len(ids)

    def existing_hashes(self) -> dict[str, str]:
        """Content hash of every stored chunk, by id."""
        return {
            i: str(m["hash"])
            for ids, _, metas in self._pages()
            for i, m in zip(ids, metas, strict=True)
        }

    def all_chunks(self) -> list[Chunk]:
        """Every stored chunk (for the keyword index)."""
        return [
            _chunk(i, d, m)
            for ids, docs, metas in self._pages()
            for i, d, m in zip(ids, docs, metas, strict=True)
        ]

    def query(self, vector: Sequence[float], k: int, module: str | None = None) -> list[VectorHit]:
        """The k nearest chunks to `vector`, optionally within one module."""
        total = self.count()
        if total == 0:
            return []
        got = self.collection.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=min(k, total),
            where={"module": module} if module else None,
            include=["documents", "metadatas", "distances"],
        )
        ids, docs = got["ids"][0], (got["documents"] or [[]])[0]
        metas, dists = (got["metadatas"] or [[]])[0], (got["distances"] or [[]])[0]
        return [
            VectorHit(_chunk(i, d, m), 1.0 - float(dist))
            for i, d, m, dist in zip(ids, docs, metas, dists, strict=True)
        ]
