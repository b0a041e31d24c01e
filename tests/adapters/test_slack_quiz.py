"""A whole quiz on Slack: /quiz opens a thread, buttons answer, pressed questions lose buttons."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from tests.adapters.slack_fake_api import settle
from tests.adapters.slack_scenario import SlackScenario, buttons

SCORE = re.compile(r"\d+/\d+ \(\d+%\)")


def last_question(s: SlackScenario) -> dict[str, Any] | None:
    asked = [p for p in s.posted() if "Question " in p["text"]]
    return asked[-1] if asked else None


async def answer_every_question(s: SlackScenario, starter: dict[str, Any]) -> int:
    """Press the first button (or type `x` for short answers) until the score is posted."""
    pressed = 0
    for _ in range(20):
        if any(SCORE.search(p["text"]) for p in s.posted()[-2:]):
            return pressed
        question = last_question(s)
        assert question is not None, [p["text"] for p in s.posted()]
        found = buttons(question)
        if found:
            await s.press("UADA", question, found[0])
            pressed += 1
        else:
            typed = {
                "type": "message",
                "channel_type": "channel",
                "channel": "C1",
                "user": "UADA",
                "text": "x",
                "ts": f"9{pressed}{len(s.posted())}.1",
                "thread_ts": starter["ts"],
            }
            await s.event(typed)
        await settle()
    raise AssertionError("the quiz never finished")


def test_a_quiz_runs_in_the_thread_of_its_starter_message(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert await s.command("/quiz", "m01") == 200
            await settle()
            starter, intro, first = s.posted()[:3]
            assert "<@UADA> started a quiz (m01)" in starter["text"]
            assert "thread_ts" not in starter or starter["thread_ts"] is None
            assert intro["thread_ts"] == starter["ts"] == first["thread_ts"]
            pressed = await answer_every_question(s, starter)
            assert all(p["thread_ts"] == starter["ts"] for p in s.posted()[1:])
            updates = s.fake.of("chat.update")
            assert len(updates) == pressed > 0
            for update in updates:
                assert not [b for b in update["blocks"] if b["type"] == "actions"]
                assert "<@UADA> answered:" in update["blocks"][-1]["elements"][0]["text"]
            assert SCORE.search(s.posted()[-1]["text"])

    asyncio.run(scenario())


def test_a_second_press_on_an_answered_question_changes_nothing(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.command("/quiz", "m01")
            await settle()
            question = last_question(s)
            assert question is not None and buttons(question)
            await s.press("UADA", question, buttons(question)[0])
            await settle()
            posted = len(s.posted())
            await s.press("UADA", question, buttons(question)[1])
            await s.press("UBO", question, buttons(question)[0])
            await settle()
            assert len(s.posted()) == posted
            assert len(s.fake.of("chat.update")) == 1
            assert len(s.fake.of("chat.postEphemeral")) == 2

    asyncio.run(scenario())


def test_a_quiz_that_cannot_start_leaves_no_thread_behind(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.command("/quiz", "no-such-module")
            await s.command("/quiz", "section ፩")
            await settle()
            assert s.posted() == [] and s.fake.of("chat.delete") == []  # validated first
            said = s.fake.of("respond")
            assert [r["response_type"] for r in said] == ["ephemeral", "ephemeral"]
            assert "no-such-module" in said[0]["text"] and "sections 1 to 15" in said[1]["text"]

    asyncio.run(scenario())


def test_a_quiz_where_the_bot_cannot_post_says_how_to_fix_it(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            s.fake.errors["chat.postMessage"] = "not_in_channel"
            await s.command("/quiz", "m01", channel="CPRIVATE")
            await settle()
            [said] = s.fake.of("respond")
            assert "/invite" in said["text"] and said["response_type"] == "ephemeral"

    asyncio.run(scenario())


def test_a_typed_answer_in_the_quiz_thread_counts(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.command("/quiz", "m01")
            await settle()
            starter = s.posted()[0]
            before = len(s.posted())
            typed = {
                "type": "message",
                "channel_type": "channel",
                "channel": "C1",
                "user": "UADA",
                "text": "1",
                "ts": "7000.1",
                "thread_ts": starter["ts"],
            }
            await s.event(typed)
            await s.event({**typed, "user": "UBO", "ts": "7000.2"})  # not Bo's quiz: ignored
            await settle()
            new = s.posted()[before:]
            assert len(new) == 2 and all(p["thread_ts"] == starter["ts"] for p in new)
            assert "Question 2/5" in new[1]["text"]

    asyncio.run(scenario())


def test_mentioning_the_bot_with_quiz_stop_in_the_thread_ends_that_quiz(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.command("/quiz", "m01")
            await settle()
            starter = s.posted()[0]
            stop = {
                "type": "app_mention",
                "channel": "C1",
                "user": "UADA",
                "text": "<@UBOT> /quiz stop",
                "ts": "8000.1",
                "thread_ts": starter["ts"],
            }
            await s.event(stop)
            await settle()
            assert s.posted()[-1]["thread_ts"] == starter["ts"]
            assert s.services is not None
            assert not quiz_running(s, starter["ts"])

    asyncio.run(scenario())


def quiz_running(s: SlackScenario, thread: str) -> bool:
    assert s.services is not None
    learner = s.services.learners.find("slack", "T1", "UADA")
    assert learner is not None and learner.id is not None
    return s.services.quizzes.active(learner.id, f"slack:T1:C1:{thread}") is not None
