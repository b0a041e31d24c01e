"""Cohort admin rights on Discord: Manage Server counts only in the cohort's own server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.adapters.fake_discord import CommandRefused, Course, DiscordHarness, all_text, buttons

CREATE = "create roadmap-12w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"


async def cohort_with_approval(h: DiscordHarness, c: Course) -> None:
    assert "now follows" in all_text(await h.slash(c.coach, c.general, "cohort", args=CREATE))
    await h.slash(c.coach, c.general, "cohort", args="approval on")
    await h.slash(c.ada, c.general, "cohort", args="join")
    it = await h.slash(
        c.ada, c.general, "project", action="submit", module="m03", link="https://x.org/ada"
    )
    assert "cohort admin approves" in all_text(it)


def test_manage_server_in_ones_own_server_is_no_admin_right_in_the_course(
    tmp_path: Path,
) -> None:
    """Item 2: Ada owns a server of her own; from there she cannot approve herself."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await cohort_with_approval(h, c)
            it = await h.slash(
                c.ada, c.own_channel, "project", action="approve", module="m03", learner=c.ada
            )
            assert "Only cohort admins" in all_text(it), all_text(it)
            it = await h.slash(
                c.coach, c.general, "project", action="approve", module="m03", learner=c.ada
            )
            assert "Approved" in all_text(it)

    asyncio.run(scenario())


def test_the_learner_is_one_identity_across_servers(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(
                c.ada, c.own_channel, "project", action="submit", module="m02",
                link="https://x.org/m02",
            )  # fmt: skip
            it = await h.slash(c.ada, c.general, "project", action="list")
            assert "m02" in all_text(it)

    asyncio.run(scenario())


def test_non_admins_cannot_create_or_change_a_cohort(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            assert "Only cohort admins" in all_text(
                await h.slash(c.ada, c.general, "cohort", args=CREATE)
            )
            assert "now follows" in all_text(
                await h.slash(c.coach, c.general, "cohort", args=CREATE)
            )
            assert "Only cohort admins" in all_text(
                await h.slash(c.bo, c.general, "cohort", args="pause")
            )

    asyncio.run(scenario())


def test_admin_rights_hold_when_the_guild_is_not_cached(tmp_path: Path) -> None:
    """Item 9: at start or during an outage the guild is not in cache; Discord still sends the
    member's permissions with the interaction, and those are what count."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            h.state._remove_guild(h.client.get_guild(c.guild.id))
            it = await h.slash(c.coach, c.general, "cohort", args=CREATE)
            assert "now follows" in all_text(it), all_text(it)

    asyncio.run(scenario())


def test_a_cohort_is_not_created_in_a_forum_post(tmp_path: Path) -> None:
    """Item 3: a forum takes no messages, so weekly posts could never arrive there."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            post = c.forum_post()
            await h.settle()
            it = await h.slash(c.coach, post, "cohort", args=CREATE)
            assert "text or announcement channel" in all_text(it) and it.ephemeral
            assert "now follows" not in all_text(it)

    asyncio.run(scenario())


def test_cohort_is_a_guild_only_command(tmp_path: Path) -> None:
    """Item 11: Discord does not offer `/cohort` in DMs."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            assert c.world.commands["cohort"]["contexts"] == [0]
            dm = int((await h.client.http.start_private_message(c.coach))["id"])
            with pytest.raises(CommandRefused):
                await h.slash(c.coach, dm, "cohort", args="status")

    asyncio.run(scenario())


def test_the_review_queue_is_private_its_buttons_work_and_leave_nothing_running(
    tmp_path: Path,
) -> None:
    """`/project pending` on Discord: each submission privately, with Approve / Request changes.
    discord.py gives a view on an ephemeral message a 15-minute timer; our buttons need no view
    object once sent, so none is left running (nor kept in the ViewStore)."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await cohort_with_approval(h, c)
            queue = await h.slash(c.coach, c.general, "project", action="pending")
            assert h.private(queue) == queue.followups and not queue.thinking
            assert "waiting for review" not in h.texts(c.general)
            [item] = [m for m in queue.followups if buttons(m)]
            assert "https://x.org/ada" in item["content"]
            assert [b["label"] for b in buttons(item)] == ["Approve", "Request changes"]
            store = h.state._view_store
            assert store._views == {} and store._synced_message_views == {}
            changes = next(b for b in buttons(item) if b["label"] == "Request changes")
            how = await h.press(c.coach, int(item["id"]), changes["custom_id"])
            number = item["content"].split("`#", 1)[1].split("`", 1)[0]
            assert f"/project changes #{number} <note>" in all_text(how)
            it = await h.slash(
                c.coach, c.general, "project", action="changes", module=f"#{number}",
                note="add a README",
            )  # fmt: skip
            assert "Asked Ada for changes on `m03`: add a README" in all_text(it)

    asyncio.run(scenario())
