"""The knowledge facade the bot uses: build cheaply, ingest when needed, ask questions."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from curriculum.catalog.models import Curriculum
from knowledge.answer import Answer, RelevancePolicy
from knowledge.answerer import ExtractiveAnswerer
from knowledge.embeddings import Embedder, MiniLMEmbedder
from knowledge.ingest import IngestReport, Progress, ingest
from knowledge.retrieval import HybridRetriever
from knowledge.store import ChromaStore
from knowledge.written import ProbeIndex, WrittenAnswers, sentence_probes

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from knowledge.conversation import Turn
    from knowledge.llm import LLMAnswerer
    from knowledge.llm.providers import LLMConfig

log = logging.getLogger(__name__)
WARM_UP_EXIT_WAIT = 120.0
"""Seconds closing waits for a background warm-up to finish."""


VECTOR_CACHE = 2048
"""Embedded cohort-FAQ questions kept in memory."""


class Answerer(Protocol):
    """Anything that answers a question in a thread (extractive or LLM)."""

    def answer(
        self, question: str, history: Sequence[str] = (), module: str | None = None
    ) -> Answer: ...


class Knowledge:
    """Grounded answers over the curriculum, stored in Chroma.

    Construction is cheap: the model loads on the first embedding and Chroma connects on
    first use.
    """

    def __init__(
        self,
        store: ChromaStore,
        embedder: Embedder,
        llm: str | LLMConfig | BaseChatModel | None = None,
        policy: RelevancePolicy | None = None,
        curriculum: Curriculum | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.retriever = HybridRetriever(store, embedder)
        self.written = (
            WrittenAnswers(curriculum, ProbeIndex(lambda: store.sibling("probes"), embedder))
            if curriculum is not None
            else None
        )
        self.sentences = ProbeIndex(lambda: store.sibling("sentences"), embedder)
        self.extractive = ExtractiveAnswerer(
            self.retriever, embedder, policy, self.written, sentences=self.sentences
        )
        self._llm = llm
        self._answerer: Answerer | None = None
        self._llm_answerer: LLMAnswerer | None = None
        self._lock = threading.Lock()
        self._vectors: dict[str, list[float]] = {}
        self._warming: threading.Thread | None = None

    @classmethod
    def build(
        cls,
        data_dir: Path,
        chroma_url: str | None = None,
        llm: str | LLMConfig | BaseChatModel | None = None,
        embedder: Embedder | None = None,
        curriculum: Curriculum | None = None,
        policy: RelevancePolicy | None = None,
    ) -> Knowledge:
        """The service for a data folder (local Chroma under it) or a Chroma server URL.

        Args:
            data_dir: Folder for the local Chroma database (`<data_dir>/chroma`).
            chroma_url: `http://host:port` of a Chroma server; overrides the local database.
            llm: Optional `provider:model` (or a chat model) to phrase answers; extractive if None.
            embedder: Defaults to the packaged MiniLM model.
            curriculum: Its written answers (section answers, FAQ, key terms) lead replies.
            policy: Relevance thresholds; the default is calibrated for the MiniLM model.
        """
        store = (
            ChromaStore(url=chroma_url)
            if chroma_url
            else ChromaStore(path=str(data_dir / "chroma"))
        )
        return cls(store, embedder or MiniLMEmbedder(), llm, policy, curriculum=curriculum)

    @property
    def answerer(self) -> Answerer:
        """The LLM answerer when configured (falls back to extractive), else the extractive one."""
        with self._lock:
            if self._answerer is None:
                if self._llm is None:
                    self._answerer = self.extractive
                else:
                    from knowledge.llm import LLMAnswerer

                    self._answerer = self._llm_answerer = LLMAnswerer(self.extractive, self._llm)
            return self._answerer

    def ingest(
        self,
        curriculum: Curriculum,
        extra_paths: Iterable[Path] = (),
        progress: Progress | None = None,
    ) -> IngestReport:
        """Bring the store up to date with the curriculum (incremental)."""
        report = ingest(curriculum, self.store, self.embedder, extra_paths, progress)
        written = self.written.answers if self.written is not None else None
        self.sentences.sync(sentence_probes(self.store.all_chunks(), written))
        if self.written is not None:
            report = report.with_probes(*self.written.sync())
        self.retriever.invalidate()
        return report

    def ensure_ingested(
        self, curriculum: Curriculum, progress: Progress | None = None
    ) -> IngestReport | None:
        """Ingest only when the index is empty or stale; returns the report if it ingested."""
        if self.store.count() > 0 and not self.probes_stale():
            return None
        return self.ingest(curriculum, progress=progress)

    def probes_stale(self) -> bool:
        """Whether the stored learner phrasings differ from the shipped written answers."""
        if self.written is None:
            return False
        return self.written.index.stale(self.written.probes)

    def warm_up_in_background(self) -> None:
        """Start `warm_up` in a thread; `close` waits for it (see there)."""
        if self._warming is None:
            self._warming = threading.Thread(target=self._warm_quietly, name="warm-up", daemon=True)
            self._warming.start()

    def _warm_quietly(self) -> None:
        try:
            self.warm_up()
        except Exception:  # the first question loads what failed here, and says why
            log.warning("warm-up failed; the first question will load the model", exc_info=True)

    def close(self, wait: float = WARM_UP_EXIT_WAIT) -> None:
        """Wait (at most `wait` seconds) for a background warm-up: a process must not end while
        the model loads in native code, nor tear down storage under it."""
        if self._warming is not None:
            self._warming.join(wait)

    def warm_up(self) -> None:
        """Load the model, keyword index, word list, phrasings and the course's vocabulary now
        (from a background thread at start)."""
        self.embedder.embed(["warm up"])
        if self.store.count() > 0:
            _ = self.retriever.keywords.speller.words  # the keyword index and the word list
            self.sentences.warm()
            if self.written is not None:
                self.written.index.warm()
            self.extractive.warm()

    def similarity(self, question: str, candidates: Sequence[str]) -> list[float]:
        """Cosine similarity of `question` to each candidate (candidates' vectors are cached)."""
        missing = [c for c in dict.fromkeys(candidates) if c not in self._vectors]
        vectors = self.embedder.embed([question, *missing])
        with self._lock:
            if len(self._vectors) > VECTOR_CACHE:
                self._vectors.clear()
            self._vectors.update(zip(missing, vectors[1:], strict=True))
            known = [self._vectors[c] for c in candidates]
        return [sum(a * b for a, b in zip(vectors[0], v, strict=True)) for v in known]

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        module: str | None = None,
        turns: Sequence[Turn] | None = None,
    ) -> Answer:
        """Answer a learner's question, using earlier turns of the thread for follow-ups.

        `history` (earlier questions) steers the search; `turns` (earlier questions with the
        answers given) go to the model, when one phrases answers, and otherwise keep a
        follow-up's answer from repeating what the thread was already told.
        """
        if self.answerer is not self.extractive and self._llm_answerer is not None:
            return self._llm_answerer.answer(question, history, module, turns)
        said = [turn.answer for turn in turns or ()]  # a follow-up does not repeat them
        return self.extractive.answer(question, history, module, said)
