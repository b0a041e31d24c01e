"""Is the configured model usable? Package, credential, and a tiny probe (unless offline).

Used by `mlops-tutor config check` and at every start. Each problem is one line that names
the setting and the fix; no traceback ever reaches the operator.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from knowledge.llm import texts
from knowledge.llm.errors import classify
from knowledge.llm.providers import LLMConfig, build_model, server_url, setup_problems

log = logging.getLogger(__name__)
PROBE = [("human", texts.PROBE_PROMPT)]


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
        error = f"{type(exc).__name__}: {_first(exc)}"
        return texts.CANNOT_BUILD.format(spec=config.spec, error=error)
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
        return texts.EMPTY_PROBE.format(spec=config.spec)
    return None


def _first(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:160] if lines else ""


def _timeout(config: LLMConfig) -> str:
    return texts.PROBE_TIMEOUT.format(spec=config.spec, seconds=config.timeout)


def _explain(config: LLMConfig, exc: BaseException) -> str:
    failure = classify(exc)
    provider = config.provider
    where = server_url(config)
    if failure.status in (401, 403) and provider and provider.credential:
        return texts.KEY_REJECTED.format(
            credential=provider.credential, where=where, reason=failure.reason
        )
    if failure.status == 404:
        ollama = config.provider_name == "ollama"
        fix = texts.PULL_FIX.format(model=config.model_name) if ollama else texts.NAME_FIX
        return texts.MODEL_NOT_FOUND.format(model=config.model_name, where=where, fix=fix)
    if failure.outcome == "timeout":
        return _timeout(config)
    if failure.outcome == "unreachable":
        return texts.UNREACHABLE.format(where=where)
    return texts.PROBE_FAILED.format(spec=config.spec, reason=failure.reason, detail=_first(exc))
