"""On Slack a typed number answers the most recent question shown in its thread: the 👍/👎 of an
answer given inside a quiz thread, not the quiz; the quiz again once they are answered."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlmodel import select

from storage.tables import AnswerFeedback, QuizAnswer
from tests.adapters.slack_fake_api import BOT_USER, settle
from tests.adapters.slack_scenario import SlackScenario, buttons


def in_thread(text: str, ts: str, thread: str, *, mention: bool = False) -> dict[str, Any]:
    """A reply in a channel thread, as the Events API delivers it (a mention or a message)."""
    event = {"channel": "C1", "user": "UADA", "ts": ts, "thread_ts": thread}
    if mention:
        return event | {"type": "app_mention", "text": f"<@{BOT_USER}> {text}"}
    return event | {"type": "message", "channel_type": "channel", "text": text}


def recorded(s: SlackScenario) -> tuple[list[bool], int]:
    """The 👍/👎 votes given, and how many quiz answers were counted."""
    assert s.services is not None
    with s.services.db.session() as db:
        votes = [f.helpful for f in db.exec(select(AnswerFeedback))]
        answers = len(list(db.exec(select(QuizAnswer))))
    return votes, answers


def test_a_number_after_an_answer_in_a_quiz_thread_rates_the_answer(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            await s.command("/quiz", "m01")
            await settle()
            starter = s.posted()[0]
            await s.event(
                in_thread("/ask what is data drift?", "600.1", starter["ts"], mention=True)
            )
            await settle()
            answer = s.posted()[-1]
            assert [b["text"]["text"] for b in buttons(answer)] == ["👍 Helpful", "👎 Not helpful"]
            await s.event(in_thread("2", "600.2", starter["ts"]))
            await settle()
            thanks = s.fake.of("chat.postEphemeral")[-1]
            assert "feedback is noted" in thanks["text"] and thanks["thread_ts"] == starter["ts"]
            assert recorded(s) == ([False], 0)
            await s.event(in_thread("1", "600.3", starter["ts"]))  # now the quiz's question
            await settle()
            assert recorded(s) == ([False], 1)
            assert "Question 2/5" in s.posted()[-1]["text"]

    asyncio.run(scenario())


def test_a_number_in_an_answers_thread_rates_it_without_a_mention(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            question = {"type": "app_mention", "channel": "C1", "user": "UADA", "ts": "700.1"}
            await s.event(question | {"text": f"<@{BOT_USER}> what is data drift?"})
            await settle()
            assert buttons(s.posted()[-1])
            await s.event(in_thread("1", "700.2", "700.1"))
            await s.event(in_thread("2", "700.3", "700.1") | {"user": "UBO"})  # not Bo's buttons
            await settle()
            assert recorded(s) == ([True], 0)
            assert len(s.fake.of("chat.postEphemeral")) == 1

    asyncio.run(scenario())
