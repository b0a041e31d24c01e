"""Is the configured model usable? Package, credential, and a tiny probe (unless offline).

Used by `mlops-tutor config check` and at every start. Each problem is one line that names
the setting and the fix; no traceback ever reaches the operator.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from knowledge.llm.errors import classify
from knowledge.llm.providers import LLMConfig, build_model, setup_problems

log = logging.getLogger(__name__)
PROBE = [("human", 'Reply with the JSON object {"ok": true} and nothing else.')]


def llm_problems(config: LLMConfig, *, offline: bool = False) -> list[str]:
    """Every problem with the model setup, one line each; empty when it works."""
    problems = setup_problems(config)
    if problems or offline:
        return problems
    problem = probe(config)
    return [problem] if problem else []


def probe(config: LLMConfig) -> str | None:
    """Ask the model for a tiny reply; a problem line when it does not give one."""
    try:
        model = build_model(config)
    except Exception as exc:  # the provider class refused the settings
        return f"TUTOR_LLM: {config.spec} cannot be built ({type(exc).__name__}: {_first(exc)})"
    pool = ThreadPoolExecutor(1, thread_name_prefix="llm-probe")
    try:
        reply = pool.submit(model.invoke, PROBE).result(timeout=config.timeout)
    except FutureTimeout:
        return _timeout(config)
    except Exception as exc:
        log.debug("LLM probe failed", exc_info=True)
        return _explain(config, exc)
    finally:
        pool.shutdown(wait=False)
    if not reply.content:
        return f"TUTOR_LLM: {config.spec} answered the probe with nothing; try another model"
    return None


def _first(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:160] if lines else ""


def _timeout(config: LLMConfig) -> str:
    return (
        f"TUTOR_LLM_TIMEOUT: {config.spec} did not answer a tiny probe within "
        f"{config.timeout:g} s; check the server is up and the model loaded, or raise it"
    )


def _explain(config: LLMConfig, exc: BaseException) -> str:
    failure = classify(exc)
    provider = config.provider
    where = config.base_url or "the provider's default URL"
    if failure.status in (401, 403) and provider and provider.credential:
        return f"{provider.credential}: rejected by {where} ({failure.reason}); check the key"
    if failure.status == 404:
        fix = (
            f"run `ollama pull {config.model_name}`"
            if config.provider_name == "ollama"
            else "check the model name and TUTOR_LLM_BASE_URL"
        )
        return f"TUTOR_LLM: model {config.model_name!r} not found at {where} (HTTP 404); {fix}"
    if failure.outcome == "timeout":
        return _timeout(config)
    if failure.outcome == "unreachable":
        return f"TUTOR_LLM_BASE_URL: cannot connect to {where}; start the server or fix the URL"
    return f"TUTOR_LLM: the probe to {config.spec} failed ({failure.reason}: {_first(exc)})"
