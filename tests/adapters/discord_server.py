"""The fake Discord's HTTP side: discord.py's REST and webhook routes over the `World`, served
on 127.0.0.1 by aiohttp in a thread of its own. A refusal is Discord's status and JSON error."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Callable
from typing import Any

from aiohttp import web

from tests.adapters.discord_world import APP_ID, DM, THREADS, TOKEN, Refused, World, snowflake

Handler = Callable[[World, re.Match[str], dict[str, Any], int], Any]
ROUTES: list[tuple[str, re.Pattern[str], Handler]] = []


def route(method: str, pattern: str) -> Callable[[Handler], Handler]:
    def add(handler: Handler) -> Handler:
        ROUTES.append((method, re.compile(pattern), handler))
        return handler

    return add


@route("GET", r"/users/@me")
def _me(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.users[APP_ID]


@route("GET", r"/oauth2/applications/@me")
def _app(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return {
        "id": str(APP_ID), "name": "Tutor", "description": "", "icon": None,
        "bot_public": False, "bot_require_code_grant": False, "verify_key": "0" * 64,
        "owner": w.users[APP_ID], "flags": 0,
    }  # fmt: skip


@route("PUT", r"/applications/(\d+)/commands")
def _sync_global(w: World, m: re.Match[str], body: Any, files: int) -> Any:
    w.commands = {c["name"]: _command(c) for c in body}
    return list(w.commands.values())


@route("PUT", r"/applications/(\d+)/guilds/(\d+)/commands")
def _sync_guild(w: World, m: re.Match[str], body: Any, files: int) -> Any:
    synced = {c["name"]: {**_command(c), "guild_id": m[2]} for c in body}
    w.guild_commands[int(m[2])] = synced
    return list(synced.values())


def _command(body: dict[str, Any]) -> dict[str, Any]:
    return {**body, "id": str(snowflake()), "application_id": str(APP_ID), "version": "1"}


@route("POST", r"/interactions/(\d+)/([^/]+)/callback")
def _callback(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.respond(int(m[1]), m[2], body, files)


@route("POST", r"/webhooks/(\d+)/([^/]+)")
def _followup(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.followup(m[2], body, files)


@route("PATCH", r"/webhooks/(\d+)/([^/]+)/messages/@original")
def _edit_original(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.edit_original(m[2], body)


@route("DELETE", r"/webhooks/(\d+)/([^/]+)/messages/@original")
def _delete_original(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    w.delete_original(m[2])
    return None


@route("GET", r"/webhooks/(\d+)/([^/]+)/messages/@original")
def _original(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    it = w.interaction(m[2])
    if it.original is None:
        raise Refused(404, 10008, "Unknown Message")
    return it.original


@route("DELETE", r"/webhooks/(\d+)/([^/]+)/messages/@original")
def _delete_original(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    w.delete_original(m[2])


@route("PATCH", r"/webhooks/(\d+)/([^/]+)/messages/(\d+)")
def _edit_followup(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.edit_followup(m[2], m[3], body)


@route("POST", r"/channels/(\d+)/messages")
def _send(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.post(int(m[1]), body, files)


@route("PATCH", r"/channels/(\d+)/messages/(\d+)")
def _edit(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.edit(int(m[1]), int(m[2]), body)


@route("DELETE", r"/channels/(\d+)/messages/(\d+)")
def _delete(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    w.delete(int(m[1]), int(m[2]))


@route("POST", r"/channels/(\d+)/messages/(\d+)/threads")
def _thread(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.start_thread(int(m[1]), int(m[2]), body.get("name", ""))


@route("POST", r"/channels/(\d+)/typing")
def _typing(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    channel = w.channel(int(m[1]))
    w.bot_may(
        channel, "send_messages_in_threads" if channel["type"] in THREADS else "send_messages"
    )
    return None


@route("GET", r"/channels/(\d+)")
def _channel(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    return w.channel(int(m[1]))


@route("GET", r"/users/(\d+)")
def _user(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    if int(m[1]) not in w.users:
        raise Refused(404, 10013, "Unknown User")
    return w.users[int(m[1])]


@route("POST", r"/users/@me/channels")
def _dm(w: World, m: re.Match[str], body: dict[str, Any], files: int) -> Any:
    uid = int(body["recipient_id"])
    for channel in w.channels.values():
        if channel["type"] == DM and channel["recipients"][0]["id"] == str(uid):
            return channel
    cid = snowflake()
    w.channels[cid] = {
        "id": str(cid), "type": DM, "recipients": [w.users[uid]], "last_message_id": None
    }  # fmt: skip
    return w.channels[cid]


class FakeDiscordServer:
    """The World served over HTTP on 127.0.0.1, in a thread with its own event loop."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    def start(self) -> None:
        self.thread.start()
        self.port = asyncio.run_coroutine_threadsafe(self._serve(), self.loop).result()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()

    async def _serve(self) -> int:
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self._handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        sockets = site._server.sockets  # type: ignore[union-attr]
        return int(sockets[0].getsockname()[1])

    async def _handle(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body, files = await _body(request)
        if not (path.startswith(("/interactions/", "/webhooks/"))) and (
            request.headers.get("Authorization") != f"Bot {TOKEN}"
        ):
            return _json({"code": 0, "message": "401: Unauthorized"}, 401)
        with self.lock:
            self.world.requests.append((request.method, path, body))
            for method, pattern, handler in ROUTES:
                match = pattern.fullmatch(path)
                if method == request.method and match:
                    try:
                        result = handler(self.world, match, body, files)
                    except Refused as exc:
                        self.world.refusals.append(exc)
                        return _refusal(exc)
                    if result is None:
                        return web.Response(status=204)
                    return _json(result)
        refused = Refused(404, 0, f"404: Not Found ({request.method} {path})")
        self.world.refusals.append(refused)
        return _json({"code": 0, "message": refused.message}, 404)


def _refusal(exc: Refused) -> web.Response:
    """Discord's error body; a 429 says how long to wait, with the header discord.py needs to
    tell Discord's own limit from a Cloudflare ban (`Via`)."""
    if exc.retry_after is None:
        return _json({"code": exc.code, "message": exc.message}, exc.status)
    body = {"message": exc.message, "retry_after": exc.retry_after, "global": False}
    response = _json(body, exc.status)
    response.headers.update({"Via": "1.1 google", "X-RateLimit-Scope": "user"})
    return response


def _json(data: Any, status: int = 200) -> web.Response:
    """discord.py parses a body as JSON only when the content type is exactly this."""
    body = json.dumps(data).encode()
    return web.Response(body=body, status=status, headers={"Content-Type": "application/json"})


async def _body(request: web.Request) -> tuple[Any, int]:
    if request.content_type == "multipart/form-data":
        form = await request.post()
        files = sum(1 for key in form if key.startswith("files["))
        return json.loads(str(form.get("payload_json", "{}"))), files
    if request.can_read_body:
        return await request.json(), 0
    return {}, 0
