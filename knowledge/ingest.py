"""Incremental ingestion: chunk everything, embed only what changed, delete what vanished."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from curriculum.catalog.models import Curriculum
from knowledge.chunking import Chunk, Document, chunk_documents
from knowledge.embeddings import Embedder
from knowledge.sources import collect_documents

BATCH = 64
Progress = Callable[[int, int], None]
"""Called with (chunks embedded so far, chunks to embed) after each batch."""


class ChunkStore(Protocol):
    """What ingestion needs from a store (ChromaStore satisfies it)."""

    def existing_hashes(self) -> dict[str, str]: ...
    def upsert(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None: ...
    def delete(self, ids: Sequence[str]) -> None: ...


@dataclass(frozen=True)
class IngestReport:
    """What one ingestion run changed."""

    added: int
    updated: int
    unchanged: int
    deleted: int
    embedded: int
    seconds: float
    probes_added: int = 0
    probes_deleted: int = 0

    @property
    def changed(self) -> bool:
        """Whether the store's content changed."""
        return bool(self.added or self.updated or self.deleted or self.probes_added)

    def with_probes(self, added: int, deleted: int) -> IngestReport:
        """This report plus the learner phrasings embedded and removed."""
        return replace(self, probes_added=added, probes_deleted=deleted)


def ingest_documents(
    docs: Iterable[Document],
    store: ChunkStore,
    embedder: Embedder,
    progress: Progress | None = None,
) -> IngestReport:
    """Bring the store in line with `docs`, embedding only new or changed chunks."""
    started = time.perf_counter()
    chunks = chunk_documents(docs)
    existing = store.existing_hashes()
    todo = [c for c in chunks if existing.get(c.id) != c.content_hash]
    added = sum(1 for c in todo if c.id not in existing)
    wanted = {c.id for c in chunks}
    vanished = sorted(i for i in existing if i not in wanted)
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        store.upsert(batch, embedder.embed([c.search_text for c in batch]))
        if progress:
            progress(start + len(batch), len(todo))
    store.delete(vanished)
    return IngestReport(
        added=added,
        updated=len(todo) - added,
        unchanged=len(chunks) - len(todo),
        deleted=len(vanished),
        embedded=len(todo),
        seconds=time.perf_counter() - started,
    )


def ingest(
    curriculum: Curriculum,
    store: ChunkStore,
    embedder: Embedder,
    extra_paths: Iterable[Path] = (),
    progress: Progress | None = None,
    include_seeds: bool = True,
) -> IngestReport:
    """Ingest the curriculum (lessons, catalog, tracks, seeds) plus any extra folders.

    Args:
        curriculum: The loaded curriculum.
        store: Where chunks live.
        embedder: Embeds new or changed chunks.
        extra_paths: Markdown/text files or folders to ingest as well.
        progress: Optional callback `(done, total)` after each embedded batch.
        include_seeds: Whether to ingest the original design seeds.

    Returns:
        Counts of added, updated, unchanged, deleted and embedded chunks, and the time taken.
    """
    docs = collect_documents(curriculum, extra_paths, include_seeds=include_seeds)
    return ingest_documents(docs, store, embedder, progress)
