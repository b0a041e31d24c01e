"""Provider failures in a few words: for one log line and for `config check`."""

from __future__ import annotations

from dataclasses import dataclass


class MalformedReply(Exception):
    """The model answered, but not with the JSON object the prompt asks for."""


class Busy(Exception):
    """Every slot of the concurrency limit is taken; this question is answered without the model."""


class DeadlineExceeded(TimeoutError):
    """The reply did not finish within the per-call timeout."""


@dataclass(frozen=True)
class Failure:
    """What went wrong: a short outcome label (a metrics label) and a human reason."""

    outcome: str
    reason: str
    status: int | None = None


def _status(exc: BaseException) -> int | None:
    for owner in (exc, getattr(exc, "response", None)):
        code = getattr(owner, "status_code", None)
        if isinstance(code, int):
            return code
    return None


def classify(exc: BaseException) -> Failure:
    """A provider exception as an outcome (`rate_limited`, `server_error`, `timeout` ...)."""
    if isinstance(exc, MalformedReply):
        return Failure("malformed", str(exc) or "reply was not the JSON asked for")
    if isinstance(exc, Busy):
        return Failure("busy", "concurrency limit reached")
    status = _status(exc)
    if status == 429:
        return Failure("rate_limited", "HTTP 429 rate limited", status)
    if status is not None and status >= 500:
        return Failure("server_error", f"HTTP {status} server error", status)
    if status is not None:
        return Failure("client_error", f"HTTP {status}", status)
    names = {cls.__name__.lower() for cls in type(exc).__mro__}
    if isinstance(exc, TimeoutError) or any("timeout" in name for name in names):
        return Failure("timeout", "timed out")
    if isinstance(exc, ConnectionError) or any("connect" in name for name in names):
        return Failure("unreachable", "cannot connect")
    if isinstance(exc, ValueError | KeyError | TypeError) or any(
        "decode" in name or "json" in name for name in names
    ):
        return Failure("malformed", f"unreadable response ({type(exc).__name__})")
    return Failure("error", type(exc).__name__)
