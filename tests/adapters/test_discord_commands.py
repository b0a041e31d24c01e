"""Slash commands dispatched by the real CommandTree: options, autocomplete, errors, privacy."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from tests.adapters.discord_world import EPHEMERAL
from tests.adapters.fake_discord import BOT_ID, Course, DiscordHarness, all_text, buttons

MASKED_LINK = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\(")


def test_every_command_is_synced_with_descriptions_and_limits(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            synced = c.world.commands
            wanted = {"ask", "quiz", "interview", "progress", "roadmap", "badges", "project"}
            wanted |= {"cohort"}
            assert wanted | {"privacy", "help"} <= set(synced)
            assert all(0 < len(cmd["description"]) <= 100 for cmd in synced.values())
            options = [o for cmd in synced.values() for o in cmd.get("options", [])]
            assert all(0 < len(o["description"]) <= 100 for o in options)
            assert h.client.user is not None and h.client.user.id == BOT_ID

    asyncio.run(scenario())


def test_every_text_option_has_a_max_length(tmp_path: Path) -> None:
    """Item 7: Discord's client then refuses over-long input before it reaches the bot."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world):
            options = [o for cmd in c.world.commands.values() for o in cmd.get("options", [])]
            texts = [o for o in options if o["type"] == 3 and not o.get("choices")]
            assert texts and all(0 < o.get("max_length", 0) <= 1000 for o in texts), texts

    asyncio.run(scenario())


def test_ask_defers_then_answers_with_sources_and_feedback_buttons(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "ask", question="How does DVC version data?")
            assert it.callback == 5 and not it.thinking
            embeds = [e for m in it.followups for e in m["embeds"]]
            assert any(e.get("title") == "Sources" for e in embeds)
            ids = [b["custom_id"] for m in it.followups for b in buttons(m)]
            assert any(i.startswith("tutor:answer.feedback:") for i in ids)

    asyncio.run(scenario())


def test_progress_and_privacy_are_ephemeral_with_their_files(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "progress")
            assert it.ephemeral and it.followups
            assert all(m["flags"] & EPHEMERAL for m in it.followups)
            assert "Ada" in all_text(it) and "did not work" not in all_text(it)
            [card] = [a["filename"] for a in it.followups[0]["attachments"]]
            assert card.startswith("progress") and card.endswith(".png")
            it = await h.slash(c.ada, c.general, "privacy", args="export")
            assert it.ephemeral and all(m["flags"] & EPHEMERAL for m in it.followups)
            assert "did not work" not in all_text(it)
            files = [a["filename"] for m in it.followups for a in m["attachments"]]
            assert len(files) == 1 and files[0].endswith(".json")
            assert h.seen(c.general) == []

    asyncio.run(scenario())


def test_roadmap_badges_and_project(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            assert "Week 1" in all_text(await h.slash(c.ada, c.general, "roadmap", week=1))
            assert all_text(await h.slash(c.ada, c.general, "badges"))
            it = await h.slash(
                c.ada, c.general, "project", action="submit", module="m03",
                link="https://example.org/x",
            )  # fmt: skip
            assert "m03" in all_text(it) and c.world.refusals == []

    asyncio.run(scenario())


def test_autocomplete_offers_modules_extras_and_weeks(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            quiz = await h.autocomplete(c.ada, c.general, "quiz", "target", "")
            assert len(quiz) <= 25 and quiz[0]["value"] == "review"
            found = await h.autocomplete(c.ada, c.general, "quiz", "target", "version")
            assert [x["value"] for x in found] == ["m03"]
            weeks = await h.autocomplete(c.ada, c.general, "roadmap", "week", "")
            assert weeks[0]["value"] == 1 and weeks[0]["name"].startswith("Week 1:")

    asyncio.run(scenario())


def test_echoed_everyone_never_pings(tmp_path: Path) -> None:
    """The fake refuses any post whose allowed_mentions could ping."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "quiz", target="@everyone and @here")
            assert "@everyone" in all_text(it) and c.world.refusals == []

    asyncio.run(scenario())


def test_learner_text_never_becomes_a_masked_link(tmp_path: Path) -> None:
    """Item 10: links, notes, targets and display names are shown, never linked."""

    async def scenario() -> None:
        c = Course()
        c.world.users[c.ada]["global_name"] = "[Your grade](https://evil.example/login)"
        async with DiscordHarness(tmp_path, world=c.world) as h:
            sent = [
                await h.slash(
                    c.ada, c.general, "project", action="submit", module="m03",
                    link="<https://evil.example/login|Your grade>",
                    note="[Your grade](https://evil.example/login)",
                ),
                await h.slash(c.ada, c.general, "quiz", target="[Your grade](https://evil.example)"),
                await h.slash(c.ada, c.general, "progress"),
                await h.slash(c.ada, c.general, "project", action="list"),
            ]  # fmt: skip
            shown = "\n".join(all_text(it) for it in sent) + h.texts(c.general)
            assert "evil.example" in shown
            assert not MASKED_LINK.search(shown), shown
            assert "](https://evil" not in shown.replace("\\]", "")

    asyncio.run(scenario())


def test_a_failing_command_tells_the_user(tmp_path: Path) -> None:
    """Item 4: the tree's on_error answers; nothing stays "thinking…"."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:

            async def broken(*_: Any) -> Any:
                raise RuntimeError("index missing")

            h.client.core = broken  # type: ignore[method-assign]
            it = await h.slash(c.ada, c.general, "roadmap", week=2)
            assert not it.thinking and "did not work" in all_text(it)

    asyncio.run(scenario())


def test_a_refused_follow_up_is_reported_to_the_user(tmp_path: Path) -> None:
    """Item 4: when Discord refuses the answer (here: more than 2,000 characters slipped
    through), the user still gets a message instead of "thinking…"."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            from bot.adapters.discord import deliver

            real = deliver.message_kwargs

            def too_long(out: Any) -> dict[str, Any]:
                return {**real(out), "content": "x" * 2001}

            deliver.message_kwargs = too_long  # type: ignore[assignment]
            try:
                it = await h.slash(c.ada, c.general, "badges")
            finally:
                deliver.message_kwargs = real  # type: ignore[assignment]
            assert c.world.refusals and not it.thinking
            assert "did not work" in all_text(it)

    asyncio.run(scenario())


def test_sync_is_never_done_at_start(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            syncs = [r for r in c.world.requests if r[0] == "PUT"]
            assert len(syncs) == 1  # the harness's own, as `mlops-tutor discord sync`
            await h.client.setup_hook()
            await h.client.on_ready()
            assert len([r for r in c.world.requests if r[0] == "PUT"]) == 1

    asyncio.run(scenario())


def test_the_capstone_a_peers_progress_and_a_fresh_conversation_are_reachable(
    tmp_path: Path,
) -> None:
    """Commands of the chat tables that had no Discord form: `/project capstone`,
    `/progress @someone` and `/new`."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            assert "Milestones" in all_text(
                await h.slash(c.ada, c.general, "project", action="capstone")
            )
            await h.slash(c.bo, c.general, "badges")  # Bo has used the tutor
            peer = await h.slash(c.ada, c.general, "progress", learner=c.bo)
            assert "**Bo** — public progress" in all_text(peer) and peer.ephemeral
            fresh = await h.slash(c.ada, c.general, "new")
            assert "Fresh start" in all_text(fresh) and fresh.ephemeral

    asyncio.run(scenario())


def test_a_private_answer_to_a_public_command_stays_private(tmp_path: Path) -> None:
    """The first follow-up of a public "thinking…" would be public whatever it asks: a private
    first answer (here a week the track lacks) removes "thinking…" and comes privately."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            it = await h.slash(c.ada, c.general, "roadmap", week=40)
            assert "has weeks 1 to 12" in all_text(it) and h.private(it) == it.followups
            assert h.seen(c.general) == [] and not it.thinking and c.world.refusals == []

    asyncio.run(scenario())
