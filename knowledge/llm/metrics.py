"""Prometheus metrics of the answer model, in a registry of their own.

The instructor dashboard exposes `REGISTRY` (e.g. `prometheus_client.generate_latest(REGISTRY)`);
nothing here opens a port. Token counts are what the provider reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "tutor_llm_requests",
    "Answers for which the model was called (or skipped for being busy), by outcome.",
    ["provider", "model", "outcome"],
    registry=REGISTRY,
)
TOKENS = Counter(
    "tutor_llm_tokens",
    "Tokens the provider reported, by direction (input, output).",
    ["provider", "model", "direction"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "tutor_llm_latency_seconds",
    "Time from calling the model to its complete reply (or failure).",
    ["provider", "model"],
    buckets=(0.25, 0.5, 1, 2, 4, 8, 15, 30, 60),
    registry=REGISTRY,
)
FIRST_TOKEN = Histogram(
    "tutor_llm_first_token_seconds",
    "Time from calling the model to the first streamed chunk of its reply.",
    ["provider", "model"],
    buckets=(0.1, 0.25, 0.5, 1, 2, 4, 8, 15),
    registry=REGISTRY,
)


@dataclass(frozen=True)
class Usage:
    """One model call behind one answer: tokens, latency and how it ended."""

    provider: str
    model: str
    outcome: str
    latency_s: float
    input_tokens: int | None = None
    output_tokens: int | None = None


def record(usage: Usage, first_token_s: float | None = None) -> None:
    """Count one call in the registry."""
    labels = (usage.provider, usage.model)
    REQUESTS.labels(*labels, usage.outcome).inc()
    if usage.outcome == "busy":
        return
    LATENCY.labels(*labels).observe(usage.latency_s)
    if first_token_s is not None:
        FIRST_TOKEN.labels(*labels).observe(first_token_s)
    if usage.input_tokens:
        TOKENS.labels(*labels, "input").inc(usage.input_tokens)
    if usage.output_tokens:
        TOKENS.labels(*labels, "output").inc(usage.output_tokens)
