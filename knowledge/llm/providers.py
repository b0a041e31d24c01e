"""Which chat-model providers the tutor supports, how to build them, and how to check them.

`TUTOR_LLM=provider:model` names one of the providers below; each needs its langchain
package (installed by the extra of the same name), may need a credential, and can be pointed
at a compatible server with `TUTOR_LLM_BASE_URL`.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from knowledge.llm import texts

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

DEFAULT_TIMEOUT = 30.0
DEFAULT_CONCURRENCY = 4
MAX_TOKENS = 600
"""Longest reply asked for: a chat answer is 2-5 short sentences plus its JSON."""


@dataclass(frozen=True)
class Provider:
    """A supported provider: its langchain package and class, extra and credential."""

    name: str
    module: str
    class_name: str
    extra: str
    credential: str | None
    base_url_env: str
    default_url: str

    @property
    def package(self) -> str:
        """The pip name of the langchain package (e.g. `langchain-openai`)."""
        return self.module.replace("_", "-")


PROVIDERS = {
    p.name: p
    for p in (
        Provider(
            "openai",
            "langchain_openai",
            "ChatOpenAI",
            "openai",
            "OPENAI_API_KEY",
            "OPENAI_BASE_URL",
            "https://api.openai.com/v1",
        ),
        Provider(
            "ollama",
            "langchain_ollama",
            "ChatOllama",
            "ollama",
            None,
            "OLLAMA_HOST",
            "http://localhost:11434",
        ),
        Provider(
            "anthropic",
            "langchain_anthropic",
            "ChatAnthropic",
            "anthropic",
            "ANTHROPIC_API_KEY",
            "ANTHROPIC_BASE_URL",
            "https://api.anthropic.com",
        ),
    )
}


@dataclass(frozen=True)
class LLMConfig:
    """How to reach the answer model: `provider:model`, an optional base URL and limits."""

    spec: str
    base_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    concurrency: int = DEFAULT_CONCURRENCY

    @property
    def provider_name(self) -> str:
        """E.g. `ollama` for `ollama:llama3.1`."""
        return self.spec.partition(":")[0].strip().lower()

    @property
    def model_name(self) -> str:
        """E.g. `llama3.1` for `ollama:llama3.1`."""
        return self.spec.partition(":")[2].strip()

    @property
    def provider(self) -> Provider | None:
        """The supported provider named by the spec, if any."""
        return PROVIDERS.get(self.provider_name)


def setup_problems(config: LLMConfig) -> list[str]:
    """What stops the provider from working, one line each naming the setting and the fix.

    Checks the spec, the provider package and the credential; it never calls the model.
    """
    provider = config.provider
    if provider is None:
        names = ", ".join(PROVIDERS)
        return [texts.UNKNOWN_PROVIDER.format(provider=config.provider_name, names=names)]
    problems = []
    if not config.model_name:
        problems.append(texts.NO_MODEL.format(provider=provider.name))
    if importlib.util.find_spec(provider.module) is None:
        problems.append(texts.NOT_INSTALLED.format(package=provider.package, extra=provider.extra))
    if provider.credential and not os.environ.get(provider.credential):
        any_key = provider.name == "openai" and config.base_url
        problems.append(
            texts.NO_CREDENTIAL.format(
                credential=provider.credential,
                provider=provider.name,
                hint=texts.ANY_KEY_HINT if any_key else "",
            )
        )
    return problems


def server_url(config: LLMConfig) -> str:
    """Where the model is reached: TUTOR_LLM_BASE_URL, else the client's own variable."""
    provider = config.provider
    if provider is None:
        return config.base_url or texts.DEFAULT_WHERE
    return config.base_url or os.environ.get(provider.base_url_env) or provider.default_url


def build_model(config: LLMConfig) -> BaseChatModel:
    """The provider's own langchain chat model, with our timeout and no client retries.

    Retries are off: a rate-limited or failing provider means an extractive answer now,
    not a learner waiting through back-off.
    """
    provider = config.provider
    if provider is None:
        raise ValueError(setup_problems(config)[0])
    cls: Any = getattr(importlib.import_module(provider.module), provider.class_name)
    kwargs: dict[str, Any] = {"model": config.model_name}
    if provider.name == "openai":
        kwargs |= {
            "timeout": config.timeout,
            "max_retries": 0,
            "stream_usage": True,
            "max_completion_tokens": MAX_TOKENS,
        }
    elif provider.name == "anthropic":
        kwargs |= {
            "default_request_timeout": config.timeout,
            "max_retries": 0,
            "max_tokens": MAX_TOKENS,
        }
    else:
        kwargs |= {
            "client_kwargs": {"timeout": config.timeout},
            "num_predict": MAX_TOKENS,
            "format": "json",
        }
    if config.base_url:
        kwargs["base_url"] = config.base_url
    model: BaseChatModel = cls(**kwargs)
    return model
