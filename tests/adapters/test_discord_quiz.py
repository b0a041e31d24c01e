"""/quiz on real discord.py objects: a thread, persistent buttons, one answer per question,
the score, restarts, and no leftovers (views, empty threads, stuck "thinking…")."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest

from tests.adapters.discord_world import World
from tests.adapters.fake_discord import (
    BOT_ID,
    CommandRefused,
    Course,
    DiscordHarness,
    all_text,
    buttons,
)


def live_question(h: DiscordHarness, thread: int) -> dict[str, Any]:
    """The newest message in the thread with buttons still enabled."""
    asked = [m for m in h.seen(thread) if buttons(m) and not buttons(m)[0].get("disabled")]
    assert asked, h.texts(thread)
    return asked[-1]


async def start(h: DiscordHarness, c: Course, target: str = "m01") -> int:
    it = await h.slash(c.ada, c.general, "quiz", target=target)
    assert not it.thinking and "started a quiz" in all_text(it)
    return int(h.thread_of(c.general)["id"])


def test_quiz_in_a_text_channel_runs_to_its_score_in_a_thread(tmp_path: Path) -> None:
    """Issue 13, item 1: the thread is opened from the original response (which knows its
    server), not from a guild-less follow-up."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            thread = await start(h, c)
            info = c.world.channels[thread]
            assert info["owner_id"] == str(BOT_ID) and info["parent_id"] == str(c.general)
            assert info["name"].startswith("Quiz · Ada · m01")
            for n in range(1, 6):
                question = live_question(h, thread)
                assert f"Question {n}/5" in question["content"]
                ids = [b["custom_id"] for b in buttons(question)]
                assert all(i.startswith("tutor:quiz.answer:") and len(i) <= 100 for i in ids)
                await h.press(c.ada, int(question["id"]), ids[0])
                assert all(b["disabled"] for b in buttons(c.world.messages[int(question["id"])]))
            assert "/5 (" in h.texts(thread) and "Best score on m01" in h.texts(thread)
            assert c.world.refusals == []

    asyncio.run(scenario())


def test_answered_questions_leave_nothing_in_the_view_store(tmp_path: Path) -> None:
    """Item 6: the disabled view that replaces an answered question is stopped, not stored."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            thread = await start(h, c)
            for _ in range(3):
                question = live_question(h, thread)
                await h.press(c.ada, int(question["id"]), buttons(question)[1]["custom_id"])
            store = h.state._view_store
            assert store._views == {} and store._synced_message_views == {}
            assert store.persistent_views == []

    asyncio.run(scenario())


def test_someone_elses_press_is_turned_away_privately_and_buttons_stay_live(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            thread = await start(h, c)
            question = live_question(h, thread)
            it = await h.press(c.bo, int(question["id"]), buttons(question)[0]["custom_id"])
            assert "not part of a quiz of yours" in all_text(it)
            assert h.private(it) and not any(b.get("disabled") for b in buttons(question))

    asyncio.run(scenario())


def test_a_double_click_counts_once(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            thread = await start(h, c)
            question = live_question(h, thread)
            stale = dict(question)  # both clicks left the browser before the first edit
            first = buttons(question)[0]["custom_id"]
            await h.press(c.ada, int(question["id"]), first)
            again = await h.press(c.ada, int(question["id"]), first, seen=stale)
            assert "already answered" in all_text(again) and h.private(again)
            assert h.texts(thread).count("Question 2/5") == 1

    asyncio.run(scenario())


def test_buttons_pressed_after_a_restart_continue_the_quiz(tmp_path: Path) -> None:
    world = World()
    c = Course(world)

    async def before() -> int:
        async with DiscordHarness(tmp_path, world=world) as h:
            thread = await start(h, c)
            h.client.services.close()
            return thread

    thread = asyncio.run(before())

    async def after() -> None:
        async with DiscordHarness(tmp_path, world=world) as h:  # a new process, same database
            question = live_question(h, thread)
            await h.press(c.ada, int(question["id"]), buttons(question)[1]["custom_id"])
            assert "Question 2/5" in h.texts(thread)
            assert all(b["disabled"] for b in buttons(world.messages[int(question["id"])]))

    asyncio.run(after())


def test_a_mistyped_target_opens_no_thread(tmp_path: Path) -> None:
    """Item 7: `/quiz m99` answers in place; no empty public thread is left behind."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "quiz", target="m99")
            assert c.world.threads_of(c.general) == [] and not it.thinking
            assert "m99" in all_text(it)

    asyncio.run(scenario())


def test_an_overlong_target_is_refused_by_discord_and_clipped_when_echoed(
    tmp_path: Path,
) -> None:
    """Item 7: the option has a max_length (Discord's client refuses longer input), and what
    is echoed in the starter and the thread name is clipped."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            with pytest.raises(CommandRefused):
                await h.slash(c.ada, c.general, "quiz", target="level " + "x" * 2100)
            it = await h.slash(c.ada, c.general, "quiz", target="level beginner " + "y" * 80)
            assert not it.thinking and c.world.refusals == []
            it = await h.slash(c.bo, c.general, "quiz", target="review")
            assert not it.thinking

    asyncio.run(scenario())


def test_without_thread_rights_the_quiz_runs_in_the_channel(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        c.bot_perms(c.guild).create_public_threads = False
        c.guild.roles[c.guild.id].create_public_threads = False  # nor from @everyone
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "quiz", target="m01")
            assert c.world.threads_of(c.general) == []
            assert "Question 1/5" in all_text(it) and c.world.refusals == []

    asyncio.run(scenario())


def test_quiz_in_news_channels_threads_and_dms(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.ada, c.news, "quiz", target="m02")
            assert len(c.world.threads_of(c.news)) == 1
            post = c.forum_post()
            it = await h.slash(c.bo, post, "quiz", target="m01")  # a forum post is a thread
            assert "Question 1/5" in all_text(it) and c.world.threads_of(post) == []
            dm = await _dm(h, c.ada)
            it = await h.slash(c.ada, dm, "quiz", target="m03")
            assert "Question 1/" in all_text(it) and c.world.refusals == []

    asyncio.run(scenario())


async def _dm(h: DiscordHarness, user: int) -> int:
    channel = await h.client.http.start_private_message(user)
    return int(channel["id"])


def test_quiz_failures_are_logged_and_told(tmp_path: Path, caplog: Any) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            thread = await start(h, c)
            question = live_question(h, thread)

            async def broken(*_: Any) -> Any:
                raise RuntimeError("database unreachable")

            h.client.core = broken  # type: ignore[method-assign]
            it = await h.press(c.ada, int(question["id"]), buttons(question)[0]["custom_id"])
            assert "did not work" in all_text(it) and h.private(it)

    with caplog.at_level(logging.ERROR):
        asyncio.run(scenario())
    assert "database unreachable" in caplog.text
