"""Heading-aware chunking of Markdown documents into stable, hashed chunks."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from curriculum.catalog.answers import SKIPPED_SECTIONS
from curriculum.catalog.lessons import parse_sections
from knowledge.sentences import FENCE_LINE

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 120
HEADING_SEPARATOR = " › "


@dataclass(frozen=True)
class Document:
    """One Markdown document to ingest (a lesson, a rendered catalog page, a seed, a file)."""

    source: str
    title: str
    text: str
    module: str | None = None


@dataclass(frozen=True)
class Chunk:
    """A retrievable piece of one document section, with a stable id and a content hash."""

    id: str
    text: str
    source: str
    module: str | None
    heading_path: tuple[str, ...]
    anchor: str
    title: str
    content_hash: str

    @property
    def heading(self) -> str:
        """The heading path as one line, e.g. `Model Monitoring › Set up drift detection`."""
        return HEADING_SEPARATOR.join(self.heading_path) or self.title

    @property
    def section_title(self) -> str:
        """The innermost heading of the chunk."""
        return self.heading_path[-1] if self.heading_path else self.title

    @property
    def ref(self) -> str:
        """Where the chunk comes from, as `source#anchor`."""
        return f"{self.source}#{self.anchor}"

    @property
    def search_text(self) -> str:
        """What gets embedded and keyword-indexed: heading path, then the text."""
        return f"{self.heading}\n{self.text}"


LESSON_SOURCE = "lessons/"


def from_lesson(source: str) -> bool:
    """Whether a document or chunk source is a lesson (not a catalog page, seed or extra)."""
    return source.startswith(LESSON_SOURCE)


def chunk_id(source: str, anchor: str, occurrence: int, index: int) -> str:
    """A stable id from where a chunk lives, independent of its wording."""
    key = f"{source}#{anchor}/{occurrence}/{index}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def content_hash(text: str, module: str | None, heading_path: tuple[str, ...], title: str) -> str:
    """A hash of everything stored with a chunk: a change means re-embedding."""
    payload = json.dumps([text, module, list(heading_path), title], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def _splitter() -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        chunk_size=CHUNK_SIZE,
        chunk_overlap=CHUNK_OVERLAP,
        separators=["\n\n", "\n- ", "\n", ". ", " ", ""],
        keep_separator="end",
    )


def _fenced(text: str, pieces: list[str]) -> list[str]:
    """The pieces, each with its code fences closed: a piece cut inside a code block gets the
    opening or closing fence it lost, so its code is never read as prose (nor shown as such)."""
    fenced, cursor = [], 0
    for piece in pieces:
        start = text.find(piece, cursor)
        if start < 0:
            start = cursor
        cursor = start + 1
        body = piece.strip()
        if len(FENCE_LINE.findall(text, 0, start)) % 2:
            body = f"```\n{body}"
        if len(FENCE_LINE.findall(body)) % 2:
            body = f"{body}\n```"
        fenced.append(body)
    return fenced


def chunk_document(doc: Document) -> list[Chunk]:
    """Split a document into sections by heading, then sections into ~1000-character chunks.

    A lesson's *Check yourself* section is left out: its questions, with no answers, match
    learners' questions closely and answer none of them (`/lesson` still shows it).
    """
    splitter = _splitter()
    seen: Counter[str] = Counter()
    chunks: list[Chunk] = []
    for section in parse_sections(doc.text):
        anchor = str(section["anchor"])
        if from_lesson(doc.source) and anchor in SKIPPED_SECTIONS:
            continue
        occurrence = seen[anchor]
        seen[anchor] += 1
        text = str(section["text"]).strip()
        if not text:
            continue
        path = tuple(str(p) for p in section["path"])  # type: ignore[attr-defined]
        for index, piece in enumerate(_fenced(text, splitter.split_text(text))):
            chunks.append(
                Chunk(
                    id=chunk_id(doc.source, anchor, occurrence, index),
                    text=piece,
                    source=doc.source,
                    module=doc.module,
                    heading_path=path,
                    anchor=anchor,
                    title=doc.title,
                    content_hash=content_hash(piece, doc.module, path, doc.title),
                )
            )
    return chunks


def chunk_documents(docs: Iterable[Document]) -> list[Chunk]:
    """Chunk every document; raise ValueError if two chunks would share an id."""
    chunks = [c for doc in docs for c in chunk_document(doc)]
    counts = Counter(c.id for c in chunks)
    duplicates = sorted({c.ref for c in chunks if counts[c.id] > 1})
    if duplicates:
        raise ValueError(f"duplicate chunk ids for: {', '.join(duplicates)}")
    return chunks
