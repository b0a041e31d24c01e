"""The Slack app end to end: signed HTTP requests through Bolt, Web API calls to a local fake."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path
from typing import Any

import pytest

from bot.core.router import Router
from tests.adapters.slack_fake_api import BOT_USER, settle
from tests.adapters.slack_scenario import SlackScenario, all_text, buttons, signed_headers

QUESTION = "How does DVC version a dataset that is too big for Git?"


def mention(text: str, ts: str = "2000.000100", **extra: Any) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": "UADA",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": "C1",
        "event_ts": ts,
        **extra,
    }


def channel_message(text: str, ts: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "channel",
        "user": "UADA",
        "text": text,
        "ts": ts,
        "channel": "C1",
        "event_ts": ts,
        **extra,
    }


def test_a_mention_is_answered_in_its_thread_with_citations(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert await s.event(mention(QUESTION)) == 200
            await settle()
            [answer] = s.posted()
            assert answer["thread_ts"] == "2000.000100" and answer["channel"] == "C1"
            contexts = [b for b in answer["blocks"] if b["type"] == "context"]
            assert contexts and "📖" in contexts[0]["elements"][0]["text"]
            assert [b["text"]["text"] for b in buttons(answer)] == ["👍 Helpful", "👎 Not helpful"]
            assert all(b["action_id"].startswith("tutor.answer.feedback.") for b in buttons(answer))

    asyncio.run(scenario())


def test_a_follow_up_mention_in_the_thread_keeps_its_context(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.event(mention("What is data drift?"))
            await settle()  # a learner follows up after reading the answer
            await s.event(mention("and why?", ts="2000.000200", thread_ts="2000.000100"))
            await settle()
            assert [p["thread_ts"] for p in s.posted()] == ["2000.000100", "2000.000100"]
            assert s.services is not None
            learner = s.services.learners.find("slack", "T1", "UADA")
            assert learner is not None and learner.id is not None
            history = s.services.questions.conversation(learner.id, "slack:T1:C1:2000.000100")
            assert history[0] == "What is data drift?"
            assert history[1] == "What is data drift? and why?"

    asyncio.run(scenario())


def test_the_same_mention_delivered_several_times_gets_one_answer(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            event = mention(QUESTION)
            await s.event(event, event_id="EvSame")
            await s.event(event, event_id="EvSame", retry=1)
            # Slack also delivers the mention as a plain channel message.
            await s.event(channel_message(event["text"], event["ts"]), event_id="EvOther")
            await settle()
            await s.event(event, event_id="EvSame", retry=2)
            await settle()
            assert len(s.posted()) == 1

    asyncio.run(scenario())


def test_a_direct_message_is_a_question_and_retries_are_dropped(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            dm = {**channel_message(QUESTION, "3000.1"), "channel": "D1", "channel_type": "im"}
            await s.event(dm, event_id="EvDm")
            await s.event(dm, event_id="EvDm", retry=1)
            await settle()
            [answer] = s.posted()
            assert answer["channel"] == "D1" and answer["thread_ts"] == "3000.1"

    asyncio.run(scenario())


def test_bots_and_plain_channel_chatter_are_never_answered(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.event({**mention(QUESTION), "bot_id": "BOTHER"})
            await s.event(channel_message("What is MLflow?", "4000.1"))
            await s.event(channel_message("a reply", "4000.2", thread_ts="4000.1"))
            await settle()
            assert s.posted() == []

    asyncio.run(scenario())


def test_a_bad_or_stale_signature_gets_401(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            body = json.dumps({"type": "event_callback", "event": mention(QUESTION)})
            forged = signed_headers(body, secret="not-the-secret")
            assert (await s.post(body, "application/json", forged))[0] == 401
            stale = signed_headers(body, when=1_600_000_000)
            assert (await s.post(body, "application/json", stale))[0] == 401
            await settle()
            assert s.posted() == []

    asyncio.run(scenario())


def test_learner_text_can_never_ping_or_forge_links(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.command("/ask", "what is <!channel> drift <https://evil.example|docs>?")
            await s.event(mention("<!here> is <@UEVE> right about drift?"))
            await settle()
            starter = s.posted()[0]["text"]
            assert "&lt;!channel&gt;" in starter and "&lt;https://evil.example|docs&gt;" in starter
            sent = all_text(s.fake)
            for forged in ("<!channel>", "<!here>", "<@UEVE>", "<https://evil"):
                assert forged not in sent

    asyncio.run(scenario())


def test_a_rate_limited_web_api_call_is_retried(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            s.fake.rate_limited["chat.postMessage"] = 1
            await s.event(mention(QUESTION))
            await settle()
            methods = [c.method for c in s.fake.calls if c.method.startswith("chat.post")]
            assert methods == ["chat.postMessage:429", "chat.postMessage"]
            assert len(s.posted()) == 1

    asyncio.run(scenario())


def test_commands_are_acked_before_the_work_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real = Router.handle

    def gated(self: Router, incoming: Any) -> Any:
        assert gate.wait(10)
        return real(self, incoming)

    monkeypatch.setattr(Router, "handle", gated)

    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert await s.command("/progress") == 200
            assert s.fake.of("respond") == []
            gate.set()
            await settle()
            assert s.fake.of("respond")[0]["response_type"] == "ephemeral"

    asyncio.run(scenario())
