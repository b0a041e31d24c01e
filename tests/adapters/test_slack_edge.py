"""Slack's HTTP edge through the real Bolt request path: refusals, acks, limits, replies.

Every scenario sends real signed (or deliberately broken) HTTP requests to the app built by
`build_app` behind `http_app`, with the Web API played by the local fake.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.adapters.slack.app import build_app
from bot.adapters.slack.tutor import SlackTutor
from bot.core.reply import Image, Reply
from bot.testing import make_services
from tests.adapters.slack_fake_api import BOT_USER, TEAM, settle
from tests.adapters.slack_scenario import SlackScenario, buttons, signed_headers

SECRET_WORDS = "my-private-learner-text"
FORM = "application/x-www-form-urlencoded"


def run(coro: Any) -> None:
    asyncio.run(coro)


def thread_message(text: str, thread_ts: str, ts: str, user: str = "UADA") -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "channel",
        "user": user,
        "text": text,
        "ts": ts,
        "thread_ts": thread_ts,
        "channel": "C1",
        "event_ts": ts,
    }


def command_form(s: SlackScenario, **fields: str) -> str:
    form = {
        "command": "/progress",
        "text": "",
        "team_id": TEAM,
        "channel_id": "C1",
        "user_id": "UADA",
        "response_url": s.fake.response_url(),
        "trigger_id": "tr1",
        **fields,
    }
    return urlencode({k: v for k, v in form.items() if v is not None})


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"type": "event_callback", "eve', "application/json"),
        ('[{"type": "event_callback"}]', "application/json"),
        (b"\xff\xfe{not utf-8}", "application/json"),
        (b"payload=%7Bnot-json&x=\xff", FORM),
        ("payload=%7Bnot-json", FORM),
        ("payload=%5B1%2C2%5D", FORM),
    ],
)
def test_malformed_bodies_get_400_without_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, body: str | bytes, content_type: str
) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            status, _ = await s.post(body, content_type)
            assert status == 400
            await settle()
            assert s.posted() == []

    with caplog.at_level(logging.DEBUG):
        run(scenario())
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    refused = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refused) == 1


def test_unsigned_requests_get_401_and_no_body_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            body = json.dumps({"type": "event_callback", "event": {"text": SECRET_WORDS}})
            for headers in (
                {},
                signed_headers(body, secret="wrong"),
                {"X-Slack-Request-Timestamp": "፩", "X-Slack-Signature": "v0=é"},
                signed_headers(body, when=1_600_000_000),
            ):
                status, _ = await s.post(body, "application/json", headers or {"X": "1"})
                assert status == 401
            status, _ = await s.post(b"\xff" + SECRET_WORDS.encode(), FORM, {"X": "1"})
            assert status == 401

    with caplog.at_level(logging.DEBUG):
        run(scenario())
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET_WORDS not in logged
    assert not [r for r in caplog.records if r.exc_info]


def test_a_slash_command_without_channel_or_response_url_gets_400_at_once(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            for missing in ("channel_id", "response_url", "user_id"):
                started = asyncio.get_running_loop().time()
                status, text = await s.post(command_form(s, **{missing: ""}), FORM)
                assert status == 400 and missing in text
                assert asyncio.get_running_loop().time() - started < 2
            assert await s.command("/progress") == 200  # a whole one still works

    run(scenario())


def test_an_exception_after_the_ack_keeps_the_ack_and_tells_the_learner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*_: Any) -> Any:
        raise RuntimeError("users.info exploded")

    monkeypatch.setattr(SlackTutor, "person", broken)

    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert await s.command("/progress") == 200
            await settle()
            [said] = s.fake.of("respond")
            assert said["response_type"] == "ephemeral" and "went wrong" in said["text"]
            message = {"channel": "C1", "ts": "5.1", "text": "q", "blocks": []}
            button = {"action_id": "tutor.quiz.answer.0", "value": "1:m01-q01:0", "type": "button"}
            assert await s.press("UADA", message, button) == 200
            await settle()
            [note] = s.fake.of("chat.postEphemeral")
            assert note["user"] == "UADA" and "went wrong" in note["text"]

    with caplog.at_level(logging.ERROR):
        run(scenario())
    assert [r for r in caplog.records if "after its ack" in r.getMessage()]


def test_a_too_long_ask_is_refused_before_anything_is_posted(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert await s.command("/ask", "why " * 10_000) == 200
            await settle()
            assert s.posted() == []
            [said] = s.fake.of("respond")
            assert said["response_type"] == "ephemeral" and "too long" in said["text"]
            assert "/invite" not in said["text"]

    run(scenario())


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("msg_too_long", "too long"),
        ("is_archived", "archived"),
        ("not_in_channel", "/invite"),
        ("restricted_action", "doesn't let me post"),
        ("something_new", "something_new"),
    ],
)
def test_slack_error_codes_get_their_own_message(tmp_path: Path, code: str, expected: str) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            s.fake.errors["chat.postMessage"] = code
            await s.command("/ask", "what is data drift?")
            await settle()
            [said] = s.fake.of("respond")
            assert said["response_type"] == "ephemeral" and expected in said["text"]
            if code != "not_in_channel":
                assert "/invite" not in said["text"]

    run(scenario())


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/ask", ""),
        ("/cohort", "status"),
        ("/cohort", ""),
        ("/project", ""),
        ("/project", "submit m99 https://ex.org/p"),
        ("/roadmap", "99"),
        ("/roadmap", "፩"),
        ("/quiz", "no-such-module"),
    ],
)
def test_usage_and_error_replies_are_ephemeral(tmp_path: Path, command: str, text: str) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert await s.command(command, text) == 200
            await settle()
            said = s.fake.of("respond")
            assert said and all(r["response_type"] == "ephemeral" for r in said), said
            assert s.posted() == []

    run(scenario())


def _quiz_message(s: SlackScenario) -> dict[str, Any]:
    return next(m for m in s.posted() if buttons(m))


def test_a_button_of_a_stopped_quiz_says_so_and_a_late_typed_answer_is_heard(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.command("/quiz", "m01")
            await settle()
            question = _quiz_message(s)
            thread = question["thread_ts"]
            stop = {
                **thread_message(f"<@{BOT_USER}> /quiz stop", thread, "3000.1"),
                "type": "app_mention",
            }
            await s.event(stop)
            await settle()
            assert any("stopped" in json.dumps(m) for m in s.posted())
            await s.press("UADA", question, buttons(question)[0])
            await settle()
            [note] = s.fake.of("chat.postEphemeral")
            assert "was stopped" in note["text"] and "already answered" not in note["text"]
            before = len(s.posted())
            await s.event(thread_message("2", thread, "3000.2"))
            await settle()
            late = s.posted()[before:]
            assert late and "No quiz is running here" in json.dumps(late)

    run(scenario())


def test_mass_mentions_are_inert_in_every_block_and_file_titles_are_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = Image("progress.png", b"\x89PNG fake", alt="<!channel> @here Eve's progress")

    def fake_handle(_self: Any, _incoming: Any) -> list[Reply]:
        return [Reply.text("Hi @channel and @everyone, see #general"), Reply((card,))]

    monkeypatch.setattr("bot.core.router.Router.handle", fake_handle)

    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.event(
                thread_message(f"<@{BOT_USER}> hi", "7.1", "7.1") | {"type": "app_mention"}
            )
            await settle()
            texts = [
                obj
                for m in s.posted()
                for b in m["blocks"]
                for obj in ([b["text"]] if "text" in b else b.get("elements", []))
                if isinstance(obj, dict) and obj.get("type") == "mrkdwn"
            ]
            assert texts and all(t.get("verbatim") is True for t in texts), texts
            [done] = s.fake.of("files.completeUploadExternal")
            title = done["files"][0]["title"]
            assert "<!channel>" not in title and "&lt;!channel&gt;" in title

    run(scenario())


def test_the_app_starts_without_the_token_will_be_unused_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    services = make_services(tmp_path)

    async def scenario() -> None:
        app = build_app(services, token="xoxb-test", signing_secret="s")  # as `run` builds it
        assert app.client.token == "xoxb-test"

    with caplog.at_level(logging.DEBUG):
        run(scenario())
    services.close()
    assert not [r for r in caplog.records if "unused" in r.getMessage()]


def test_a_typed_answer_sent_before_a_press_counted_is_not_graded_against_the_next_question(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert s.services is not None
            await s.command("/quiz", "m01")
            await settle()
            question = _quiz_message(s)
            thread = question["thread_ts"]
            await s.press("UADA", question, buttons(question)[0])
            await settle()
            pressed_at = s.services.clock.now().timestamp()
            typed_before = f"{int(pressed_at) - 1}.000100"  # Slack's ts: sent 1 s before
            await s.event(thread_message("2", thread, typed_before))
            await settle()
            notes = [n["text"] for n in s.fake.of("chat.postEphemeral")]
            assert any("arrived after the question it was meant for" in n for n in notes), notes

    run(scenario())
