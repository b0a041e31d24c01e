"""A local fake of the Slack Web API (and response_url endpoints) that records every call.

Serves on 127.0.0.1 with an OS-chosen port inside the test's own event loop. Point an
`AsyncWebClient(base_url=fake.base_url)` at it and assert on `fake.calls`.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from aiohttp import web

BOT_USER = "UBOT"
TEAM = "T1"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    result: dict[str, Any] | None = None


class FakeSlackApi:
    """Plays auth.test, chat.*, users.info, conversations.open, files upload v2, response_url."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.people: dict[str, dict[str, Any]] = {}
        self.rate_limited: Counter[str] = Counter()
        self.errors: dict[str, str] = {}
        self._ts = 1000
        self._runner: web.AppRunner | None = None
        self.root = ""

    @property
    def base_url(self) -> str:
        return f"{self.root}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.root}/respond/{name}"

    async def start(self) -> FakeSlackApi:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_post("/upload/{file}", self._upload)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.root = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def of(self, method: str) -> list[dict[str, Any]]:
        """The arguments of every recorded call of one method, in order."""
        return [c.args for c in self.calls if c.method == method]

    async def _args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            args.update(await request.json())
        elif request.can_read_body:
            args.update(dict(await request.post()))
        for key in ("blocks", "files"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if self.rate_limited[method] > 0:
            self.rate_limited[method] -= 1
            self.calls.append(Call(f"{method}:429", {}))
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "0"}
            )
        args = await self._args(request)
        args["_auth"] = request.headers.get("Authorization", "")
        if method in self.errors:
            self.calls.append(Call(method, args))
            return web.json_response({"ok": False, "error": self.errors[method]})
        result = self._result(method, args)
        self.calls.append(Call(method, args, result))
        return web.json_response({"ok": True, **result})

    def _result(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"user_id": BOT_USER, "bot_id": "BBOT", "team_id": TEAM, "user": "tutor"}
        if method in ("chat.postMessage", "chat.update"):
            self._ts += 1
            ts = args.get("ts") or f"{self._ts}.000100"
            return {"channel": args.get("channel"), "ts": ts}
        if method == "chat.postEphemeral":
            return {"message_ts": "1.0"}
        if method == "users.info":
            user = str(args.get("user"))
            return {"user": {"id": user, "name": user.lower(), **self.people.get(user, {})}}
        if method == "conversations.open":
            return {"channel": {"id": "D" + str(args.get("users", "X"))[1:]}}
        if method == "files.getUploadURLExternal":
            return {"upload_url": f"{self.root}/upload/F1", "file_id": "F1"}
        if method == "files.completeUploadExternal":
            return {"files": [{"id": f["id"], "title": f.get("title")} for f in args["files"]]}
        return {}

    async def _respond(self, request: web.Request) -> web.Response:
        self.calls.append(Call("respond", await request.json()))
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        data = await request.read()
        self.calls.append(Call("upload", {"file": request.match_info["file"], "size": len(data)}))
        return web.Response(text=f"OK - {len(data)}")


async def settle(timeout: float = 20.0) -> None:
    """Wait until every listener Bolt started after its ack has finished."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        pending = [
            t
            for t in asyncio.all_tasks()
            if "run_ack_function_asynchronously" in getattr(t.get_coro(), "__qualname__", "")
        ]
        if not pending:
            return
        await asyncio.wait(pending, timeout=max(0.0, deadline - loop.time()))
    raise TimeoutError("Bolt listeners still running")
