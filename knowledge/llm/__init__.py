"""Optional LLM phrasing of answers, grounded in retrieved passages, with extractive fallback.

Modules: `providers` (which providers, how to build and check them), `prompt` (the grounded
prompt and its reply), `answerer` (the answerer), `stream` (how adapters watch an answer
grow), `metrics` (Prometheus metrics), `errors` (provider failures in a few words), `check`
(the start-up and `config check` validation).
"""

from knowledge.conversation import Turn
from knowledge.llm.answerer import LLMAnswerer
from knowledge.llm.prompt import build_messages, parse_reply
from knowledge.llm.providers import LLMConfig

__all__ = ["LLMAnswerer", "LLMConfig", "Turn", "build_messages", "parse_reply"]
