"""On Discord too, a typed number answers the most recent question shown in its thread (the
rule lives in the core; tests/adapters/test_slack_typed_choice.py has the Slack side)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlmodel import select

from storage.tables import AnswerFeedback, QuizAnswer
from tests.adapters.fake_discord import BOT_ID, Course, DiscordHarness, all_text, buttons


def test_a_number_after_an_answer_in_a_quiz_thread_rates_the_answer(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            started = await h.slash(c.ada, c.general, "quiz", target="m01")
            assert "started a quiz" in all_text(started)
            thread = int(h.thread_of(c.general)["id"])
            await h.say(c.ada, thread, f"<@{BOT_ID}> /ask what is data drift?")
            answer = h.seen(thread)[-1]
            assert [b["label"] for b in buttons(answer)] == ["👍 Helpful", "👎 Not helpful"]
            await h.say(c.ada, thread, "2")
            with h.client.services.db.session() as db:
                assert [f.helpful for f in db.exec(select(AnswerFeedback))] == [False]
                assert list(db.exec(select(QuizAnswer))) == []
            await h.say(c.ada, thread, "1")  # the 👍/👎 are answered: this one is the quiz's
            with h.client.services.db.session() as db:
                assert len(list(db.exec(select(QuizAnswer)))) == 1
            assert "Question 2/5" in h.texts(thread)
            assert c.world.refusals == []

    asyncio.run(scenario())
