"""Optional LLM phrasing of answers, grounded in retrieved passages, with extractive fallback."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from knowledge import texts
from knowledge.answer import Answer, Citation, nearest_modules
from knowledge.answerer import TOP_PASSAGES, ExtractiveAnswerer
from knowledge.retrieval import Passage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 30.0
_TAG = re.compile(r"</?\s*(passages?|question)[^>]*>", re.IGNORECASE)
_JSON = re.compile(r"\{.*\}", re.DOTALL)


def _data(text: str) -> str:
    """Neutralise anything in data that could close or open our delimiters."""
    return _TAG.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), text)


def build_messages(question: str, passages: Sequence[Passage]) -> list[tuple[str, str]]:
    """The grounded prompt: fixed rules as system message; passages and question as DATA."""
    blocks = [
        f'<passage id="{p.id}" source="{p.chunk.ref}">\n{_data(p.chunk.search_text)}\n</passage>'
        for p in passages
    ]
    data = "\n".join(blocks)
    user = f"<passages>\n{data}\n</passages>\n<question>\n{_data(question)}\n</question>"
    return [("system", texts.LLM_SYSTEM_PROMPT), ("human", user)]


def parse_reply(content: str, retrieved: Sequence[str]) -> tuple[str, list[str]] | None:
    """(answer, used ids that were really retrieved), or None when the reply is unusable."""
    match = _JSON.search(content)
    if not match:
        return None
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError:
        return None
    answer, used = data.get("answer"), data.get("used")
    if not isinstance(answer, str) or not answer.strip() or not isinstance(used, list):
        return None
    valid = [i for i in dict.fromkeys(str(u) for u in used) if i in retrieved]
    return (answer.strip(), valid) if valid else None


class LLMAnswerer:
    """Phrases answers with a chat model; declines and falls back like the extractive one."""

    def __init__(
        self,
        extractive: ExtractiveAnswerer,
        llm: str | BaseChatModel,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self._extractive = extractive
        self._spec = llm
        self._model: BaseChatModel | None = None
        self._timeout = timeout

    @property
    def model(self) -> BaseChatModel:
        """The chat model, built on first use from `provider:model`."""
        if self._model is None:
            if isinstance(self._spec, str):
                from langchain.chat_models import init_chat_model

                self._model = init_chat_model(self._spec)
            else:
                self._model = self._spec
        return self._model

    def _call(self, question: str, passages: Sequence[Passage]) -> str:
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(self.model.invoke, build_messages(question, passages))
            try:
                reply = future.result(timeout=self._timeout)
            except FutureTimeout:
                raise TimeoutError(f"LLM did not answer within {self._timeout}s") from None
        content = reply.content
        return content if isinstance(content, str) else json.dumps(content)

    def answer(
        self, question: str, history: Sequence[str] = (), module: str | None = None
    ) -> Answer:
        """An LLM-phrased grounded answer; the extractive answer on any failure."""
        query, retrieval, declined = self._extractive.retrieve(question, history, module)
        if declined:
            return declined
        passages = retrieval.passages[:TOP_PASSAGES]
        try:
            parsed = parse_reply(self._call(query.text, passages), [p.id for p in passages])
        except Exception:  # any provider error means: answer without the LLM
            log.warning("LLM answer failed; using the extractive answer", exc_info=True)
            parsed = None
        if parsed is None:
            return self._extractive.compose(query, retrieval)
        text, used = parsed
        by_id = {p.id: p for p in passages}
        cited = [by_id[i] for i in used]
        return Answer(
            text=text,
            citations=tuple(dict.fromkeys(Citation.of(p.chunk) for p in cited)),
            declined=False,
            nearest_modules=nearest_modules(cited + list(passages)),
            passage_ids=tuple(p.id for p in passages),
        )
