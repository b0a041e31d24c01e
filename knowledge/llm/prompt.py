"""The grounded prompt (passages, earlier turns and the question as data) and its reply.

A follow-up carries the learner's earlier turns of the conversation, questions and the answers
given, bounded by `MAX_TURNS` and by characters (each question, each answer and all of them
together), so a long thread never crowds out the passages.

The model is asked for one JSON object, `{"answer": ..., "used": [passage ids]}`. While it
streams, `PartialAnswer` decodes the `answer` string as far as it has arrived, so chat
adapters can show it growing; the finished reply is checked by `parse_reply`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from knowledge import texts
from knowledge.conversation import Turn
from knowledge.retrieval import Passage

MAX_TURNS = 4
"""Earlier turns of the learner's conversation sent with a follow-up (the latest ones)."""
MAX_QUESTION_CHARS = 500
"""Each earlier question is cut to this length."""
MAX_ANSWER_CHARS = 1000
"""Each earlier answer is cut to this length."""
MAX_HISTORY_CHARS = 3000
"""All earlier turns together; the oldest are left out until they fit."""
_TAG = re.compile(
    r"</?\s*(passages?|question|earlier_turns|turn|asked|answered)[^>]*>", re.IGNORECASE
)
_JSON = re.compile(r"\{.*\}", re.DOTALL)
_ANSWER_START = re.compile(r'"answer"\s*:\s*"')


def _data(text: str) -> str:
    """Neutralise anything in data that could close or open our delimiters."""
    return _TAG.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), text)


def bounded(turns: Sequence[Turn]) -> list[Turn]:
    """The turns a prompt carries: the last `MAX_TURNS`, each question and answer cut to its
    limit, then the oldest left out until all fit in `MAX_HISTORY_CHARS`."""
    kept = [
        Turn(t.question.strip()[:MAX_QUESTION_CHARS], t.answer.strip()[:MAX_ANSWER_CHARS])
        for t in turns[-MAX_TURNS:]
        if t.question.strip()
    ]
    while sum(len(t.question) + len(t.answer) for t in kept) > MAX_HISTORY_CHARS:
        kept.pop(0)
    return kept


def build_messages(
    question: str, passages: Sequence[Passage], turns: Sequence[Turn] = ()
) -> list[tuple[str, str]]:
    """The grounded prompt: fixed rules as system message; everything else as DATA.

    Args:
        question: The learner's message.
        passages: The retrieved passages, each with its id.
        turns: This learner's earlier turns in this conversation, oldest first (bounded by
            `bounded`). Never another learner's: the caller reads them per learner.
    """
    blocks = [
        f'<passage id="{p.id}" source="{p.chunk.ref}">\n{_data(p.chunk.search_text)}\n</passage>'
        for p in passages
    ]
    user = f"<passages>\n{chr(10).join(blocks)}\n</passages>\n"
    earlier = [_turn(t) for t in bounded(turns)]
    if earlier:
        user += f"<earlier_turns>\n{chr(10).join(earlier)}\n</earlier_turns>\n"
    user += f"<question>\n{_data(question)}\n</question>"
    return [("system", texts.LLM_SYSTEM_PROMPT), ("human", user)]


def _turn(turn: Turn) -> str:
    answered = f"\n<answered>{_data(turn.answer)}</answered>" if turn.answer else ""
    return f"<turn>\n<asked>{_data(turn.question)}</asked>{answered}\n</turn>"


def parse_json(content: str) -> dict[str, object] | None:
    """The JSON object in a reply (models sometimes wrap it in prose or a code fence)."""
    match = _JSON.search(content)
    if not match:
        return None
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def parse_reply(content: str, retrieved: Sequence[str]) -> tuple[str, list[str]] | None:
    """(answer, used ids that were really retrieved), or None when the reply is unusable."""
    data = parse_json(content)
    if data is None:
        return None
    answer, used = data.get("answer"), data.get("used")
    if not isinstance(answer, str) or not answer.strip() or not isinstance(used, list):
        return None
    valid = [i for i in dict.fromkeys(str(u) for u in used) if i in retrieved]
    return (answer.strip(), valid) if valid else None


class PartialAnswer:
    """Decodes the `answer` field of a JSON reply while it is still streaming."""

    def __init__(self) -> None:
        self.raw = ""

    def feed(self, chunk: str) -> str:
        """Add a chunk of the reply; returns the answer text decoded so far ("" before it)."""
        self.raw += chunk
        start = _ANSWER_START.search(self.raw)
        if start is None:
            return ""
        body = self.raw[start.end() :]
        end = _closing_quote(body)
        body = body if end is None else body[:end]
        for cut in range(min(len(body), 6) + 1):  # drop an escape cut off mid-way
            try:
                return str(json.loads(f'"{body[: len(body) - cut]}"'))
            except json.JSONDecodeError:
                continue
        return ""


def _closing_quote(body: str) -> int | None:
    escaped = False
    for index, char in enumerate(body):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            return index
    return None
