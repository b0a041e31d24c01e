"""The LLM answerer: the extractive answerer's search and declines, a model's phrasing.

1. Search and decline exactly as the extractive answerer does; a decline never reaches the model.
2. Compose the extractive answer (cheap). It is the fallback, and it goes to the model as the
   first passage (`course-answer`): our written answer is the best grounding there is.
3. Call the model within the concurrency limit and the per-call timeout, streaming into the
   adapter's sink when one is set. Any failure (rate limit, 5xx, timeout, malformed or
   ungrounded reply) means the extractive answer, one WARNING line without learner text.
4. Citations come only from the passages the model says it used that were really retrieved.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from knowledge.answer import Answer, Citation, nearest_modules
from knowledge.answerer import TOP_PASSAGES, ExtractiveAnswerer
from knowledge.chunking import Chunk
from knowledge.conversation import Turn
from knowledge.llm import metrics, texts
from knowledge.llm.errors import Busy, DeadlineExceeded, MalformedReply, classify
from knowledge.llm.prompt import PartialAnswer, build_messages, parse_json
from knowledge.llm.providers import LLMConfig, build_model
from knowledge.llm.stream import AnswerSink, current_sink
from knowledge.retrieval import Passage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)
COURSE_ANSWER_ID = "course-answer"


@dataclass(frozen=True)
class _Reply:
    content: str
    input_tokens: int | None
    output_tokens: int | None
    first_token_s: float | None


class LLMAnswerer:
    """Phrases answers with a chat model; declines and falls back like the extractive one."""

    def __init__(
        self,
        extractive: ExtractiveAnswerer,
        llm: str | LLMConfig | BaseChatModel,
        timeout: float | None = None,
        concurrency: int | None = None,
    ) -> None:
        self._extractive = extractive
        if isinstance(llm, str):
            llm = LLMConfig(llm)
        self.config = (
            llm if isinstance(llm, LLMConfig) else LLMConfig(f"custom:{type(llm).__name__}")
        )
        if timeout is not None or concurrency is not None:
            self.config = replace(
                self.config,
                timeout=timeout if timeout is not None else self.config.timeout,
                concurrency=concurrency if concurrency is not None else self.config.concurrency,
            )
        self._model: BaseChatModel | None = None if isinstance(llm, LLMConfig) else llm
        self._slots = threading.BoundedSemaphore(self.config.concurrency)
        self._pool = ThreadPoolExecutor(self.config.concurrency, thread_name_prefix="llm")
        self._lock = threading.Lock()

    @property
    def model(self) -> BaseChatModel:
        """The chat model, built on first use from the configuration."""
        with self._lock:
            if self._model is None:
                self._model = build_model(self.config)
            return self._model

    def answer(
        self,
        question: str,
        history: Sequence[str] = (),
        module: str | None = None,
        turns: Sequence[Turn] | None = None,
    ) -> Answer:
        """An LLM-phrased grounded answer; the extractive answer on any failure.

        Args:
            question: The learner's message.
            history: Their earlier questions in this conversation (what the search uses).
            module: The module the question is about, when known.
            turns: Their earlier questions with the answers given, for the model; without
                them the model gets the earlier questions alone. Sent only with a follow-up.
        """
        query, retrieval, declined = self._extractive.retrieve(question, history, module)
        if declined:
            return declined
        fallback = self._extractive.compose(query, retrieval)
        passages = [_course_answer(fallback), *retrieval.passages[:TOP_PASSAGES]]
        earlier = [Turn(q) for q in history] if turns is None else turns
        messages = build_messages(query.original, passages, earlier if query.follow_up else ())
        started = time.perf_counter()
        reply: _Reply | None = None
        try:
            reply = self._call(messages, current_sink())
            text, used = _grounded(reply.content, [p.id for p in passages])
        except Exception as exc:  # any provider failure: answer without the model
            return self._failed(exc, fallback, time.perf_counter() - started, reply)
        usage = self._usage("ok", time.perf_counter() - started, reply)
        metrics.record(usage, reply.first_token_s)
        return _answer(text, used, passages, fallback, usage)

    def _failed(
        self, exc: Exception, fallback: Answer, seconds: float, reply: _Reply | None
    ) -> Answer:
        failure = classify(exc)
        log.warning(texts.LOG_FALLBACK, self.config.spec, failure.reason)
        log.debug("LLM failure detail", exc_info=True)
        usage = self._usage(failure.outcome, seconds, reply)  # a malformed reply used tokens too
        metrics.record(usage)
        return replace(fallback, usage=usage)

    def _usage(self, outcome: str, seconds: float, reply: _Reply | None) -> metrics.Usage:
        return metrics.Usage(
            self.config.provider_name,
            self.config.model_name,
            outcome,
            seconds,
            reply.input_tokens if reply else None,
            reply.output_tokens if reply else None,
        )

    def _call(self, messages: list[tuple[str, str]], sink: AnswerSink | None) -> _Reply:
        """One model call in the pool, within the timeout; a slot is held until it ends."""
        model = self.model
        if not self._slots.acquire(blocking=False):
            raise Busy
        deadline = time.monotonic() + self.config.timeout
        try:
            future: Future[_Reply] = self._pool.submit(
                _stream if sink else _invoke, model, messages, sink, deadline
            )
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        if sink is not None:
            sink.started()
        try:
            return future.result(timeout=self.config.timeout)
        except FutureTimeout:
            raise DeadlineExceeded from None


def _invoke(
    model: BaseChatModel, messages: Any, sink: AnswerSink | None, deadline: float
) -> _Reply:
    reply = model.invoke(messages)
    return _Reply(_text(reply.content), *_tokens(reply), None)


def _stream(
    model: BaseChatModel, messages: Any, sink: AnswerSink | None, deadline: float
) -> _Reply:
    started = time.monotonic()
    first: float | None = None
    content, tokens_in, tokens_out = "", None, None
    partial = PartialAnswer()
    shown = ""
    for chunk in model.stream(messages):
        if first is None:
            first = time.monotonic() - started
        piece = _text(chunk.content)
        content += piece
        got_in, got_out = _tokens(chunk)
        tokens_in = got_in if got_in is not None else tokens_in
        tokens_out = got_out if got_out is not None else tokens_out
        text = partial.feed(piece)
        if sink is not None and text and text != shown:
            sink.partial(text)
            shown = text
        if time.monotonic() > deadline:
            raise DeadlineExceeded
    return _Reply(content, tokens_in, tokens_out, first)


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    parts = [c.get("text", "") if isinstance(c, dict) else str(c) for c in content or []]
    return "".join(str(p) for p in parts)


def _tokens(message: BaseMessage) -> tuple[int | None, int | None]:
    usage = getattr(message, "usage_metadata", None)
    if not usage:
        return None, None
    return usage.get("input_tokens") or None, usage.get("output_tokens") or None


def _grounded(content: str, retrieved: Sequence[str]) -> tuple[str, list[str]]:
    data = parse_json(content)
    if data is None:
        raise MalformedReply("reply was not the JSON asked for")
    answer, used = data.get("answer"), data.get("used")
    if not isinstance(answer, str) or not isinstance(used, list):
        raise MalformedReply("reply lacks answer or used")
    valid = [i for i in dict.fromkeys(str(u) for u in used) if i in retrieved]
    if not answer.strip() or not valid:
        raise MalformedReply("reply cites no retrieved passage")
    return answer.strip(), valid


def _course_answer(fallback: Answer) -> Passage:
    """The extractive answer as a passage the model can read and cite."""
    chunk = Chunk(
        id=COURSE_ANSWER_ID,
        text=fallback.text,
        source="course",
        module=None,
        heading_path=("Course answer",),
        anchor="answer",
        title="Course answer",
        content_hash="",
    )
    return Passage(chunk=chunk, score=1.0)


def _answer(
    text: str,
    used: list[str],
    passages: list[Passage],
    fallback: Answer,
    usage: metrics.Usage,
) -> Answer:
    by_id = {p.id: p for p in passages}
    citations: list[Citation] = []
    for pid in used:
        if pid == COURSE_ANSWER_ID:
            citations += fallback.citations
        else:
            citations.append(Citation.of(by_id[pid].chunk))
    cited = [by_id[i] for i in used if i != COURSE_ANSWER_ID]
    return Answer(
        text=text,
        citations=tuple(dict.fromkeys(citations)),
        declined=False,
        nearest_modules=nearest_modules(cited + passages[1:]),
        passage_ids=tuple(p.id for p in passages[1:]),
        kind="llm",
        follow_up=fallback.follow_up,
        key=fallback.key,
        search_text=fallback.search_text,
        usage=usage,
    )
