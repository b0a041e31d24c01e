"""Chunking and incremental ingestion, with the fake embedder and a real local Chroma."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import Document, chunk_document, chunk_documents
from knowledge.embeddings import HashingEmbedder
from knowledge.ingest import ingest, ingest_documents
from knowledge.sentences import split_sentences
from knowledge.store import ChromaStore
from knowledge.testing import SAMPLE_LESSONS, tiny_curriculum

BODY = "# Title\nIntro text here.\n\n## Part one {#one}\nFirst part text.\n\n## Part two\nSecond.\n"


@pytest.fixture
def store(tmp_path: Path) -> ChromaStore:
    return ChromaStore(path=str(tmp_path / "chroma"))


def test_chunk_ids_are_stable_and_independent_of_wording() -> None:
    first = chunk_document(Document("lessons/x.md", "Title", BODY, "m01"))
    again = chunk_document(Document("lessons/x.md", "Title", BODY, "m01"))
    edited = chunk_document(Document("lessons/x.md", "Title", BODY.replace("First", "1st"), "m01"))
    assert [c.id for c in first] == [c.id for c in again] == [c.id for c in edited]
    assert first[1].content_hash != edited[1].content_hash
    assert [c.anchor for c in first] == ["title", "one", "part-two"]
    assert first[1].heading == "Title › Part one"
    assert first[1].ref == "lessons/x.md#one"


def test_long_sections_are_split_with_size_limit() -> None:
    long_text = "# T\n## S {#s}\n" + " ".join(f"Sentence number {i} is here." for i in range(300))
    chunks = chunk_document(Document("d.md", "T", long_text))
    assert len(chunks) > 3
    assert all(len(c.text) <= 1000 for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)


def test_a_lessons_check_yourself_questions_are_not_searched() -> None:
    body = BODY + "\n## Check yourself {#check-yourself}\n\n1. Why is p95 a better target?\n"
    lesson = chunk_document(Document("lessons/x.md", "Title", body, "m01"))
    page = chunk_document(Document("extra/x.md", "Title", body))
    assert "check-yourself" not in [c.anchor for c in lesson]
    assert "check-yourself" in [c.anchor for c in page]


def test_a_code_block_cut_between_chunks_stays_code_in_each() -> None:
    code = "\n".join(f"    value_{i} = compute({i})  # step {i} of the pipeline" for i in range(60))
    body = f"# T\n## S {{#s}}\nThe pipeline runs these steps.\n\n```python\n{code}\n```\n\nDone."
    chunks = chunk_document(Document("lessons/t.md", "T", body, "m01"))
    assert len(chunks) > 2
    for chunk in chunks:
        assert chunk.text.count("```") % 2 == 0, chunk.text
        assert not any("compute(" in s for s in split_sentences(chunk.text)), chunk.text


def test_duplicate_sources_are_rejected() -> None:
    doc = Document("same.md", "T", BODY)
    with pytest.raises(ValueError, match="duplicate chunk ids"):
        chunk_documents([doc, doc])


def test_second_ingest_embeds_nothing(store: ChromaStore) -> None:
    embedder = HashingEmbedder()
    first = ingest(tiny_curriculum(), store, embedder, include_seeds=False)
    second = ingest(tiny_curriculum(), store, embedder, include_seeds=False)
    assert first.added == first.embedded > 0
    assert (second.embedded, second.added, second.deleted) == (0, 0, 0)
    assert second.unchanged == first.added == store.count()


def test_edit_updates_one_chunk_and_removal_deletes(store: ChromaStore) -> None:
    embedder = HashingEmbedder()
    ingest(tiny_curriculum(), store, embedder, include_seeds=False)
    lessons = dict(SAMPLE_LESSONS)
    title, body = lessons["m06"]
    lessons["m06"] = (title, body.replace("Route alerts", "Send alerts"))
    edited = ingest(tiny_curriculum(lessons), store, embedder, include_seeds=False)
    assert (edited.updated, edited.added, edited.deleted, edited.embedded) == (1, 0, 0, 1)
    del lessons["m03"]
    removed = ingest(tiny_curriculum(lessons), store, embedder, include_seeds=False)
    assert removed.deleted == 2 and removed.embedded == 0
    assert all(c.module != "m03" for c in store.all_chunks())


def test_extra_folders_and_progress(store: ChromaStore, tmp_path: Path) -> None:
    extra = tmp_path / "faq"
    extra.mkdir()
    (extra / "faq.md").write_text("# FAQ\n## Office hours\nThursdays at 5pm.\n", encoding="utf-8")
    (extra / "ignored.bin").write_bytes(b"\x00")
    calls: list[tuple[int, int]] = []
    report = ingest(
        tiny_curriculum(),
        store,
        HashingEmbedder(),
        [extra],
        lambda done, total: calls.append((done, total)),
        include_seeds=False,
    )
    sources = {c.source for c in store.all_chunks()}
    assert "extra/faq/faq.md" in sources
    assert calls[-1] == (report.embedded, report.embedded)


def test_ingest_documents_counts_sum_up(store: ChromaStore) -> None:
    docs = [Document("a.md", "A", BODY), Document("b.md", "B", BODY)]
    report = ingest_documents(docs, store, HashingEmbedder())
    assert report.added + report.updated + report.unchanged == store.count() == 6
