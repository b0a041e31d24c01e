"""`/lesson` and `/track` on Discord: synced with their options and autocomplete, lesson pages
that turn in place with their buttons, and `/roadmap` for any track."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from tests.adapters.fake_discord import Course, DiscordHarness, all_text, buttons

CREATE = "create course-5w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"


def labels(message: dict[str, Any]) -> list[str]:
    return [b["label"] for b in buttons(message)]


async def press(h: DiscordHarness, user: int, message: dict[str, Any], label: str) -> Any:
    button = next(b for b in buttons(message) if b["label"] == label)
    return await h.press(user, int(message["id"]), button["custom_id"])


def test_lesson_and_track_are_slash_commands_with_their_options(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world):
            lesson = {o["name"]: o for o in c.world.commands["lesson"]["options"]}
            assert lesson["module"]["required"] and lesson["module"]["autocomplete"]
            assert not lesson["section"].get("required") and lesson["section"]["autocomplete"]
            track = {o["name"]: o for o in c.world.commands["track"]["options"]}
            assert not track["name"].get("required") and track["name"]["autocomplete"]
            roadmap = {o["name"] for o in c.world.commands["roadmap"]["options"]}
            assert roadmap == {"week", "track"}

    asyncio.run(scenario())


def test_lesson_autocomplete_offers_lessons_then_the_sections_of_the_chosen_one(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            every = await h.autocomplete(c.ada, c.general, "lesson", "module", "")
            assert len(every) == 25 and every[0] == {
                "name": "m01 · MLOps Fundamentals",
                "value": "m01",
            }
            electives = await h.autocomplete(c.ada, c.general, "lesson", "module", "elective")
            assert electives and all(x["value"].startswith("e0") for x in electives)
            sections = await h.autocomplete(c.ada, c.general, "lesson", "section", "", module="m01")
            assert sections[1] == {"name": "2. Key terms", "value": "key-terms"}
            assert len(sections) == 9
            found = await h.autocomplete(c.ada, c.general, "lesson", "section", "pitf", module="1")
            assert [x["value"] for x in found] == ["pitfalls"]
            assert (
                await h.autocomplete(c.ada, c.general, "lesson", "section", "", module="m99") == []
            )

    asyncio.run(scenario())


def test_lesson_outline_then_pages_that_turn_in_place(tmp_path: Path) -> None:
    """Item 2 on Discord: Start reading, Next and Previous are buttons; the pressed message
    becomes the page, so the channel keeps one message however far Ada reads."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "lesson", module="m01")
            [outline] = h.seen(c.general)
            assert "**MLOps Fundamentals** (`m01`)" in outline["content"]
            assert "`/lesson m01 key-terms`" in outline["content"]
            assert labels(outline) == ["📖 Start reading"] and not it.thinking
            await press(h, c.ada, outline, "📖 Start reading")
            [first] = h.seen(c.general)
            assert "section 1/9" in first["content"] and labels(first) == ["Next ▶"]
            await press(h, c.ada, first, "Next ▶")
            [second] = h.seen(c.general)
            assert "› **Key terms** · section 2/9" in second["content"]
            assert labels(second) == ["◀ Previous", "Next ▶"]
            page_two = second["content"]
            await press(h, c.bo, second, "◀ Previous")  # anyone reading along may turn it
            [back] = h.seen(c.general)
            assert "section 1/9" in back["content"] and labels(back) == ["Next ▶"]
            await press(h, c.ada, back, "Next ▶")
            assert h.seen(c.general)[0]["content"] == page_two
            assert c.world.refusals == [] and h.state._view_store._views == {}

    asyncio.run(scenario())


def test_the_last_page_has_no_next_button(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.ada, c.general, "lesson", module="m01", section="check-yourself")
            [page] = h.seen(c.general)
            while "Next ▶" in labels(page):
                await press(h, c.ada, page, "Next ▶")
                [page] = h.seen(c.general)
            assert "section 9/9" in page["content"] and labels(page) == ["◀ Previous"]

    asyncio.run(scenario())


def test_a_section_by_name_or_number_and_a_wrong_one(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "lesson", module="m01", section="key-terms")
            assert "› **Key terms**" in all_text(it)
            it = await h.slash(c.ada, c.general, "lesson", module="e03", section="2")
            assert "section 2/" in all_text(it)
            it = await h.slash(c.ada, c.general, "lesson", module="m01", section="99")
            assert "has no section **99**" in all_text(it)

    asyncio.run(scenario())


def test_a_stale_page_button_says_so_privately_and_leaves_the_message(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.ada, c.general, "lesson", module="m01")
            [outline] = h.seen(c.general)
            stale = {**outline, "components": [{"type": 1, "components": [
                {**buttons(outline)[0], "custom_id": "tutor:lesson.page:m99:0:0"}
            ]}]}  # fmt: skip
            c.world.messages[int(outline["id"])] = stale
            it = await h.press(c.ada, int(outline["id"]), "tutor:lesson.page:m99:0:0")
            assert "no longer available" in all_text(it) and h.private(it)
            assert h.seen(c.general)[0]["content"] == outline["content"]

    asyncio.run(scenario())


def test_track_shows_the_choices_and_picks_one(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            shown = all_text(await h.slash(c.ada, c.general, "track"))
            assert "`course-5w`" in shown and "`roadmap-12w`" in shown
            offered = await h.autocomplete(c.ada, c.general, "track", "name", "")
            assert [x["value"] for x in offered] == [
                "course-5w", "curriculum-24", "roadmap-12w", "default"
            ]  # fmt: skip
            picked = all_text(await h.slash(c.ada, c.general, "track", name="course-5w"))
            assert "You now follow **End-to-End MLOps video course in 5 weeks**" in picked
            weeks = await h.autocomplete(c.ada, c.general, "roadmap", "week", "")
            assert len(weeks) == 5  # her own track's weeks now
            back = all_text(await h.slash(c.ada, c.general, "track", name="default"))
            assert "Back to the default track" in back

    asyncio.run(scenario())


def test_roadmap_shows_any_track_and_offers_its_weeks(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "roadmap", track="course-5w", week=2)
            assert "Week 2" in all_text(it) and "Project & Experimentation" in all_text(it)
            weeks = await h.autocomplete(
                c.ada, c.general, "roadmap", "week", "", track="curriculum-24"
            )
            assert len(weeks) == 25 and weeks[0]["value"] == 1
            own = await h.autocomplete(c.ada, c.general, "roadmap", "week", "")
            assert len(own) == 12  # the default track, roadmap-12w

    asyncio.run(scenario())


def test_a_cohort_learner_gets_her_cohorts_weeks(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.coach, c.general, "cohort", args=CREATE)
            await h.slash(c.ada, c.general, "cohort", args="join")
            weeks = await h.autocomplete(c.ada, c.general, "roadmap", "week", "")
            assert [w["value"] for w in weeks] == [1, 2, 3, 4, 5]

    asyncio.run(scenario())


def test_a_lesson_asked_for_in_a_dm_turns_its_pages_there(tmp_path: Path) -> None:
    """Typed commands reach `/lesson` too; its page buttons work on an ordinary message."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            dm = int((await h.client.http.start_private_message(c.ada))["id"])
            await h.say(c.ada, dm, "/lesson m01 key-terms")
            page = h.seen(dm)[-1]
            assert "› **Key terms**" in page["content"]
            await press(h, c.ada, page, "◀ Previous")
            assert "section 1/9" in h.world.messages[int(page["id"])]["content"]
            assert len(h.seen(dm)) == 2 and c.world.refusals == []

    asyncio.run(scenario())
