"""Drive the real Bolt app over real HTTP: signed requests in, recorded Web API calls out."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from aiohttp.test_utils import TestClient, TestServer
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.app import build_app
from bot.adapters.slack.edge import http_app
from bot.adapters.slack.settings import SlackSettings
from bot.bootstrap import Services
from bot.testing import make_services
from knowledge.llm.providers import LLMConfig
from tests.adapters.slack_fake_api import BOT_USER, TEAM, FakeSlackApi, settle

SECRET = "test-signing-secret"


def signed_headers(
    body: str | bytes, secret: str = SECRET, when: int | None = None
) -> dict[str, str]:
    """Slack's request signature over the body, with the current timestamp by default."""
    ts = str(int(time.time()) if when is None else when)
    raw = body.encode() if isinstance(body, str) else body
    digest = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + raw, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + digest.hexdigest()}


class SlackScenario:
    """A fake Slack, the real app in HTTP mode, and helpers that read like Slack traffic."""

    def __init__(self, tmp_path: Path, llm: LLMConfig | None = None, **settings: Any) -> None:
        self.tmp_path = tmp_path
        self.llm = llm
        self.cfg = SlackSettings(_env_file=None, **settings)  # type: ignore[call-arg]
        self.fake = FakeSlackApi()
        self.services: Services | None = None
        self.app: AsyncApp | None = None
        self.http: TestClient[Any, Any] | None = None
        self._events = 0

    async def __aenter__(self) -> SlackScenario:
        await self.fake.start()
        self.services = make_services(self.tmp_path, llm=self.llm)
        client = AsyncWebClient(token="xoxb-test", base_url=self.fake.base_url)
        self.app = build_app(
            self.services, client=client, signing_secret=SECRET, slack_settings=self.cfg
        )
        self.http = TestClient(TestServer(http_app(self.app, SECRET)))
        await self.http.start_server()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await settle()
        assert self.http is not None and self.services is not None
        await self.http.close()
        await self.fake.stop()
        self.services.close()

    async def post(
        self, body: str | bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        """POST a raw body to /slack/events, signed unless `headers` are given."""
        assert self.http is not None
        sent = {"Content-Type": content_type, **(headers or signed_headers(body))}
        raw = body.encode() if isinstance(body, str) else body
        resp = await self.http.post("/slack/events", data=raw, headers=sent)
        return resp.status, await resp.text()

    async def command(
        self, name: str, text: str = "", user: str = "UADA", channel: str = "C1"
    ) -> int:
        """A slash command, as Slack sends it; returns the HTTP status of the ack."""
        form = {
            "command": name,
            "text": text,
            "team_id": TEAM,
            "channel_id": channel,
            "channel_name": "cohort",
            "user_id": user,
            "user_name": user.lower(),
            "response_url": self.fake.response_url(),
            "trigger_id": "tr1",
        }
        status, _ = await self.post(urlencode(form), "application/x-www-form-urlencoded")
        return status

    async def event(
        self, event: dict[str, Any], event_id: str | None = None, retry: int | None = None
    ) -> int:
        """An Events API callback (optionally marked as Slack's n-th retry)."""
        self._events += 1
        body = json.dumps(
            {
                "type": "event_callback",
                "team_id": TEAM,
                "api_app_id": "A1",
                "event_id": event_id or f"Ev{self._events}",
                "event_time": int(time.time()),
                "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
                "event": event,
            }
        )
        headers = signed_headers(body)
        if retry is not None:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        status, _ = await self.post(body, "application/json", headers)
        return status

    async def press(self, user: str, message: dict[str, Any], button: dict[str, Any]) -> int:
        """A click on one button of a posted message (block_actions)."""
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM},
            "user": {"id": user, "team_id": TEAM},
            "channel": {"id": message["channel"]},
            "container": {"type": "message", "message_ts": message["ts"]},
            "message": {k: v for k, v in message.items() if k != "channel"},
            "response_url": self.fake.response_url("press"),
            "actions": [{**button, "block_id": "b1", "action_ts": "1"}],
        }
        body = urlencode({"payload": json.dumps(payload)})
        status, _ = await self.post(body, "application/x-www-form-urlencoded")
        return status

    def posted(self) -> list[dict[str, Any]]:
        """Every chat.postMessage, with the ts the fake API gave it."""
        return [
            {**c.args, "ts": (c.result or {}).get("ts")}
            for c in self.fake.calls
            if c.method == "chat.postMessage"
        ]


def all_text(fake: FakeSlackApi) -> str:
    """Every argument of every recorded call, as one JSON string (for escaping checks)."""
    return json.dumps([c.args for c in fake.calls], ensure_ascii=False)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The buttons of a posted message, in order."""
    return [el for b in message.get("blocks", []) if b["type"] == "actions" for el in b["elements"]]
