"""A mock interview on Slack and Discord, through the adapters' real request paths."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.bootstrap import Services
from curriculum.catalog.interview import InterviewQuestion
from tests.adapters.fake_discord import Course, DiscordHarness
from tests.adapters.fake_discord import all_text as all_discord_text
from tests.adapters.fake_discord import buttons as discord_buttons
from tests.adapters.slack_fake_api import TEAM, settle
from tests.adapters.slack_scenario import SlackScenario, all_text, buttons


def waiting_on(services: Services, platform: str, workspace: str, user: str) -> InterviewQuestion:
    """The question the learner's only running interview waits on."""
    learner = services.learners.find(platform, workspace, user)
    assert learner is not None and learner.id is not None
    session = next(
        s
        for s in (services.interviews.get(i) for i in range(1, 50))
        if s is not None and s.learner_id == learner.id and s.status == "active"
    )
    question = services.curriculum.interview.get(session.question_ids[session.position])
    assert question is not None
    return question


def strong(question: InterviewQuestion) -> str:
    return " ".join(k.statement for k in question.key_points)


def test_slack_interview_runs_in_its_thread_typed_answers_and_done_button(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert s.services is not None
            assert await s.command("/interview", "one") == 200
            await settle()
            starter, intro, first = s.posted()[:3]
            assert "<@UADA> started a mock interview (one)" in starter["text"]
            assert intro["thread_ts"] == starter["ts"] == first["thread_ts"]
            labels = [b["text"]["text"] for b in buttons(first)]
            assert labels == ["Done", "Hint", "Skip", "Stop"]
            question = waiting_on(s.services, "slack", TEAM, "UADA")
            typed: dict[str, Any] = {
                "type": "message",
                "channel_type": "channel",
                "channel": "C1",
                "user": "UADA",
                "text": strong(question),
                "ts": "5001.1",
                "thread_ts": starter["ts"],
            }
            await s.event(typed)
            await settle()
            assert "Noted" in s.posted()[-1]["text"]
            await s.press("UADA", first, buttons(first)[0])
            await settle()
            text = all_text(s.fake)
            assert "Score: 5.0/5" in text or "Score: 3.8/5" in text
            assert "Interview finished" in text
            assert all(p["thread_ts"] == starter["ts"] for p in s.posted()[1:])
            await s.press("UADA", first, buttons(first)[0])  # a double click
            await settle()
            assert sum("Interview finished" in p["text"] for p in s.posted()) == 1
            assert "already counted" in all_text(s.fake)

    asyncio.run(scenario())


def test_discord_interview_in_a_thread_with_hint_and_done_buttons(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "interview", focus="one")
            assert not it.thinking and "started a mock interview" in all_discord_text(it)
            thread = int(h.thread_of(c.general)["id"])
            first = next(m for m in reversed(h.seen(thread)) if discord_buttons(m))
            assert "Question 1/1" in first["content"]
            ids = [b["custom_id"] for b in discord_buttons(first)]
            assert all(i.startswith("tutor:interview.act:") and len(i) <= 100 for i in ids)
            question = waiting_on(h.client.services, "discord", "discord", str(c.ada))
            hint = await h.press(c.ada, int(first["id"]), ids[1])  # only Ada sees the hint
            assert question.key_points[0].statement in "\n".join(
                m["content"] for m in h.private(hint)
            )
            await h.say(c.ada, thread, strong(question))
            assert "Noted" in h.texts(thread)
            await h.say(c.ada, thread, "done")
            finished = h.texts(thread)
            assert "for 1 hint" in finished and "Interview finished" in finished
            assert c.world.refusals == []

    asyncio.run(scenario())
