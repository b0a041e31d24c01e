"""Local model servers on 127.0.0.1 that speak each provider's wire protocol, with scripted replies.

- OpenAI chat completions: `POST /v1/chat/completions`, JSON or SSE (`data: {...}` chunks,
  a usage chunk when `stream_options.include_usage`, then `data: [DONE]`).
- Ollama: `POST /api/chat`, JSON or NDJSON (one object per line, the last with `done: true`).
- Anthropic messages: `POST /v1/messages`, JSON or SSE (`message_start`, content block events,
  `message_delta` with usage, `message_stop`).

Each request takes the next `Scripted` reply: the model's text, or an HTTP error, or a body
that is not JSON, or a reply held until the test releases it (a provider that hangs). A
streamed reply can come slowly (`delay` between events) or break off after some chunks with
the error event each provider sends mid-stream (`fail_after`).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Protocol = Literal["openai", "ollama", "anthropic"]
PROTOCOLS: tuple[Protocol, ...] = ("openai", "ollama", "anthropic")
PATHS: dict[Protocol, str] = {
    "openai": "/v1/chat/completions",
    "ollama": "/api/chat",
    "anthropic": "/v1/messages",
}
"""Where each provider's chat endpoint lives; anything else is a 404, as on the real server."""


@dataclass
class Scripted:
    """One scripted reply."""

    content: str = ""
    status: int = 200
    raw: str | None = None
    hold: bool = False
    hold_after_first_chunk: bool = False
    chunks: int = 5
    delay: float = 0.0
    """Seconds between streamed events (a model writing at its own pace)."""
    fail_after: int | None = None
    """Streamed text chunks sent before the provider's mid-stream error event."""
    input_tokens: int = 321
    output_tokens: int = 45


@dataclass
class Seen:
    """A request the server received."""

    path: str
    body: dict[str, Any]
    headers: dict[str, str]


def _pieces(text: str, count: int) -> list[str]:
    size = max(1, -(-len(text) // max(1, count)))
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


class ProviderServer:
    """A threaded HTTP server playing one provider; `replies` is the script, `seen` the log."""

    def __init__(self, protocol: Protocol) -> None:
        self.protocol = protocol
        self.replies: deque[Scripted] = deque()
        self.seen: list[Seen] = []
        self.release = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    @property
    def root(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        """What TUTOR_LLM_BASE_URL is set to for this provider."""
        return f"{self.root}/v1" if self.protocol == "openai" else self.root

    def script(self, *replies: Scripted) -> ProviderServer:
        self.replies.extend(replies)
        return self

    def answer(self, text: str, **kw: Any) -> ProviderServer:
        return self.script(Scripted(content=text, **kw))

    def start(self) -> ProviderServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                owner._handle(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- one request -------------------------------------------------------------------

    def _handle(self, http: BaseHTTPRequestHandler) -> None:
        length = int(http.headers.get("Content-Length") or 0)
        body = json.loads(http.rfile.read(length) or b"{}")
        self.seen.append(Seen(http.path, body, dict(http.headers.items())))
        if http.path != PATHS[self.protocol]:  # a base URL missing /v1, or one /v1 too many
            return self._send(http, 404, json.dumps(self._error(404)))
        reply = self.replies.popleft() if self.replies else Scripted(status=500)
        if reply.hold:
            self.release.wait(30)
        if reply.raw is not None:
            return self._send(http, 200, reply.raw, "application/json")
        if reply.status != 200:
            return self._send(http, reply.status, json.dumps(self._error(reply.status)))
        if not body.get("stream", self.protocol == "ollama"):
            return self._send(http, 200, json.dumps(self._whole(reply, body)))
        self._stream(http, reply, body)

    def _send(
        self, http: BaseHTTPRequestHandler, status: int, text: str, kind: str = "application/json"
    ) -> None:
        data = text.encode()
        http.send_response(status)
        http.send_header("Content-Type", kind)
        http.send_header("Content-Length", str(len(data)))
        if status == 429:
            http.send_header("Retry-After", "0")
        http.end_headers()
        http.wfile.write(data)

    def _stream(self, http: BaseHTTPRequestHandler, reply: Scripted, body: dict[str, Any]) -> None:
        kind = "application/x-ndjson" if self.protocol == "ollama" else "text/event-stream"
        http.send_response(200)
        http.send_header("Content-Type", kind)
        http.send_header("Connection", "close")
        http.end_headers()
        for index, event in enumerate(self._events(reply, body)):
            http.wfile.write(event.encode())
            http.wfile.flush()
            time.sleep(reply.delay)
            if index == 1 and reply.hold_after_first_chunk:
                self.release.wait(30)

    def _error(self, status: int) -> dict[str, Any]:
        kind = {429: "rate_limit_error", 404: "not_found_error"}.get(status, "api_error")
        message = {429: "Rate limit reached", 404: "Not found"}.get(
            status, "The server had an error"
        )
        if self.protocol == "ollama":
            return {"error": message}
        if self.protocol == "anthropic":
            return {"type": "error", "error": {"type": kind, "message": message}}
        return {"error": {"message": message, "type": kind, "param": None, "code": None}}

    # --- each protocol's bodies --------------------------------------------------------

    def _whole(self, r: Scripted, body: dict[str, Any]) -> dict[str, Any]:
        model = body.get("model", "m")
        if self.protocol == "openai":
            return {
                "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": r.content}}],
                "usage": {"prompt_tokens": r.input_tokens, "completion_tokens": r.output_tokens,
                          "total_tokens": r.input_tokens + r.output_tokens},
            }  # fmt: skip
        if self.protocol == "anthropic":
            return {
                "id": "msg_1", "type": "message", "role": "assistant", "model": model,
                "content": [{"type": "text", "text": r.content}],
                "stop_reason": "end_turn", "stop_sequence": None,
                "usage": {"input_tokens": r.input_tokens, "output_tokens": r.output_tokens},
            }  # fmt: skip
        return self._ollama(model, r.content, done=True, r=r)

    def _ollama(self, model: str, text: str, *, done: bool, r: Scripted) -> dict[str, Any]:
        event: dict[str, Any] = {
            "model": model, "created_at": "2026-01-01T00:00:00Z",
            "message": {"role": "assistant", "content": text}, "done": done,
        }  # fmt: skip
        if done:
            event |= {
                "done_reason": "stop", "total_duration": 1000, "load_duration": 10,
                "prompt_eval_count": r.input_tokens, "prompt_eval_duration": 100,
                "eval_count": r.output_tokens, "eval_duration": 500,
            }  # fmt: skip
        return event

    def _events(self, r: Scripted, body: dict[str, Any]) -> list[str]:
        model = body.get("model", "m")
        pieces = _pieces(r.content, r.chunks)
        if r.fail_after is not None:
            return self._broken_events(r, model, pieces[: r.fail_after], body)
        if self.protocol == "ollama":
            lines = [self._ollama(model, p, done=False, r=r) for p in pieces]
            lines.append(self._ollama(model, "", done=True, r=r))
            return [json.dumps(line) + "\n" for line in lines]
        if self.protocol == "anthropic":
            return self._anthropic_events(r, model, pieces)
        return self._openai_events(r, model, pieces, body)

    def _broken_events(
        self, r: Scripted, model: str, pieces: list[str], body: dict[str, Any]
    ) -> list[str]:
        """The first chunks, then the error event the provider sends when it fails mid-stream
        (the HTTP status is already 200)."""
        if self.protocol == "ollama":
            lines = [self._ollama(model, p, done=False, r=r) for p in pieces]
            lines.append({"error": "an error was encountered while running the model"})
            return [json.dumps(line) + "\n" for line in lines]
        if self.protocol == "anthropic":
            events = self._anthropic_events(r, model, pieces)[: 2 + len(pieces)]
            overloaded = {"type": "overloaded_error", "message": "Overloaded"}
            error = {"type": "error", "error": overloaded}
            return [*events, f"event: error\ndata: {json.dumps(error)}\n\n"]
        events = self._openai_events(r, model, pieces, body)[: 1 + len(pieces)]
        error = {"error": {"message": "The server had an error while processing your request.",
                           "type": "server_error", "param": None, "code": None}}  # fmt: skip
        return [*events, f"data: {json.dumps(error)}\n\n"]

    @staticmethod
    def _openai_events(
        r: Scripted, model: str, pieces: list[str], body: dict[str, Any]
    ) -> list[str]:
        def chunk(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
            return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1,
                    "model": model, "choices": [{"index": 0, "delta": delta,
                                                 "finish_reason": finish}]}  # fmt: skip

        events = [chunk({"role": "assistant", "content": ""}, None)]
        events += [chunk({"content": p}, None) for p in pieces]
        events.append(chunk({}, "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            events.append({
                "id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1,
                "model": model, "choices": [],
                "usage": {"prompt_tokens": r.input_tokens, "completion_tokens": r.output_tokens,
                          "total_tokens": r.input_tokens + r.output_tokens},
            })  # fmt: skip
        return [f"data: {json.dumps(e)}\n\n" for e in events] + ["data: [DONE]\n\n"]

    @staticmethod
    def _anthropic_events(r: Scripted, model: str, pieces: list[str]) -> list[str]:
        start = {"type": "message_start", "message": {
            "id": "msg_1", "type": "message", "role": "assistant", "model": model,
            "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": r.input_tokens, "output_tokens": 1}}}  # fmt: skip
        events: list[dict[str, Any]] = [
            start,
            {"type": "content_block_start", "index": 0,
             "content_block": {"type": "text", "text": ""}},
        ]  # fmt: skip
        events += [
            {"type": "content_block_delta", "index": 0,
             "delta": {"type": "text_delta", "text": p}}
            for p in pieces
        ]  # fmt: skip
        events += [
            {"type": "content_block_stop", "index": 0},
            {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
             "usage": {"output_tokens": r.output_tokens}},
            {"type": "message_stop"},
        ]  # fmt: skip
        return [f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events]
