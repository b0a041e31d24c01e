"""Several replicas, one database: every Slack event is answered once, every weekly post sent once.

Two `mlops-tutor run --slack-http --no-scheduler` processes and one `mlops-tutor scheduler`
share one PostgreSQL database and one Chroma server. A fake Slack Web API (in this process)
records every call. Events, with Slack's retries, are spread across both replicas, some sent
to both at the same moment.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.adapters.slack_fake_api import BOT_USER, TEAM, FakeSlackApi
from tests.conftest import _postgres_url
from tests.integration.conftest import free_port

pytestmark = pytest.mark.postgres

TUTOR = shutil.which("mlops-tutor") or str(Path(sys.executable).parent / "mlops-tutor")
SECRET = "replica-signing-secret"
ADMIN = "UADMIN"
COHORT_CHANNEL = "CCOHORT"
EVENTS = 12
START_TIMEOUT = 90.0


class FakeSlackThread:
    """The fake Web API served from its own event loop in a thread (the bots are processes)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.api = FakeSlackApi()

    def __enter__(self) -> FakeSlackApi:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.api.start(), self.loop).result(10)
        return self.api

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.api.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def _sign(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + digest.hexdigest()}


def _post(port: int, body: bytes, content_type: str, retry: int | None = None) -> int:
    headers = {"Content-Type": content_type, **_sign(body)}
    if retry is not None:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _dm_event(n: int) -> tuple[bytes, str]:
    ts = f"{int(time.time())}.{n:06d}"
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": "D1",
        "user": f"U{n:04d}",
        "text": "/roadmap 1",
        "ts": ts,
        "event_ts": ts,
    }
    body = {
        "type": "event_callback",
        "team_id": TEAM,
        "api_app_id": "A1",
        "event_id": f"Ev{n:04d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        "event": event,
    }
    return json.dumps(body).encode(), ts


def _command(fake: FakeSlackApi, text: str) -> bytes:
    form = {
        "command": "/cohort",
        "text": text,
        "team_id": TEAM,
        "channel_id": COHORT_CHANNEL,
        "channel_name": "cohort",
        "user_id": ADMIN,
        "user_name": "admin",
        "response_url": fake.response_url("cohort"),
        "trigger_id": "tr1",
    }
    return urlencode(form).encode()


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"replica exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    pytest.fail(f"replica on {port} did not listen within {START_TIMEOUT}s")


def _wait_for(what: str, check: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


def test_two_replicas_and_one_scheduler_answer_each_event_and_post_each_week_once(
    tmp_path: Path, chroma_url: str
) -> None:
    url = _postgres_url()
    with FakeSlackThread() as fake:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TUTOR_", "SLACK_", "DISCORD_")) and k != "DATABASE_URL"
        } | {
            "DATABASE_URL": url,
            "SLACK_BOT_TOKEN": "xoxb-replica",
            "SLACK_SIGNING_SECRET": SECRET,
            "TUTOR_SLACK_API_URL": fake.base_url,
            "TUTOR_SLACK_ADMIN_IDS": ADMIN,
            "TUTOR_CHROMA_URL": chroma_url,
            "TUTOR_AUTO_INGEST": "false",
            "TUTOR_DATA_DIR": str(tmp_path),
        }
        upgrade = subprocess.run(
            [TUTOR, "db", "upgrade"], env=env, cwd=tmp_path, capture_output=True, timeout=300
        )
        assert upgrade.returncode == 0, upgrade.stderr.decode(errors="replace")
        processes: list[subprocess.Popen[bytes]] = []
        ports = [free_port(), free_port()]
        try:
            for n, port in enumerate(ports):
                log = tmp_path / f"replica{n}.log"
                processes.append(
                    subprocess.Popen(
                        [TUTOR, "run", "--slack-http", "--port", str(port), "--no-scheduler"],
                        env=env,
                        cwd=tmp_path,
                        stdout=log.open("wb"),
                        stderr=subprocess.STDOUT,
                    )
                )
            for n, port in enumerate(ports):
                _wait_for_port(port, processes[n], tmp_path / f"replica{n}.log")

            # A cohort whose first week fell due today at 00:00 UTC, while no scheduler ran;
            # late weeks are posted (with a note) rather than skipped.
            start = datetime.now(UTC).date()
            create = (
                f"create roadmap-12w start:{start.isoformat()} day:{start.strftime('%a').lower()}"
                " time:00:00 tz:UTC"
            )
            form = "application/x-www-form-urlencoded"
            assert _post(ports[0], _command(fake, create), form) == 200
            _wait_for("the cohort", lambda: len(fake.of("respond")) >= 1)
            assert _post(ports[1], _command(fake, "late-policy post"), form) == 200
            _wait_for("the late policy", lambda: len(fake.of("respond")) >= 2)
            said = json.dumps(fake.of("respond"))
            assert "now follows" in said and "posted late" in said, said

            # Each event goes to one replica, its retry to the other; every third to both at once.
            events = [_dm_event(n) for n in range(EVENTS)]
            with ThreadPoolExecutor(max_workers=8) as pool:
                sends = []
                for n, (body, _) in enumerate(events):
                    first, other = ports[n % 2], ports[(n + 1) % 2]
                    sends.append(pool.submit(_post, first, body, "application/json"))
                    sends.append(pool.submit(_post, other, body, "application/json", 1))
                    if n % 3 == 0:
                        sends.append(pool.submit(_post, other, body, "application/json", 2))
                statuses = [f.result() for f in sends]
            assert set(statuses) == {200}, statuses

            def answered() -> Counter[str]:
                return Counter(
                    str(c.get("thread_ts"))
                    for c in fake.of("chat.postMessage")
                    if c.get("channel") == "D1"
                )

            _wait_for("every answer", lambda: len(answered()) >= EVENTS)
            time.sleep(2)  # late duplicates, if any, would arrive now
            counts = answered()
            assert sorted(counts) == sorted(ts for _, ts in events)
            assert set(counts.values()) == {1}, counts

            log = tmp_path / "scheduler.log"
            processes.append(
                subprocess.Popen(
                    [TUTOR, "scheduler"],
                    env=env,
                    cwd=tmp_path,
                    stdout=log.open("wb"),
                    stderr=subprocess.STDOUT,
                )
            )

            def weekly() -> list[dict[str, Any]]:
                return [
                    c
                    for c in fake.of("chat.postMessage")
                    if c.get("channel") == COHORT_CHANNEL and not c.get("thread_ts")
                ]

            _wait_for("the weekly posts", lambda: len(weekly()) >= 1, timeout=90)
            time.sleep(5)  # a second copy of a week would be posted by now
            posts = weekly()
            weeks = [p for p in posts if "Week" in json.dumps(p)]
            assert weeks and len(weeks) == len(posts)
            headings = [json.dumps(p).split("Week", 1)[1][:4] for p in posts]
            assert len(set(headings)) == len(headings), headings
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
