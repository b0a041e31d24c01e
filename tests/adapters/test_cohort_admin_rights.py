"""Only cohort admins change a cohort, on Slack and on Discord (the console: tests/unit)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from tests.adapters.fake_discord import Course, DiscordHarness, all_text
from tests.adapters.slack_fake_api import settle
from tests.adapters.slack_scenario import SlackScenario

CREATE = "create roadmap-12w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"


def _said(scenario: SlackScenario) -> str:
    texts = [r.get("text", "") for r in scenario.fake.of("respond")]
    texts += [p.get("text", "") for p in scenario.posted()]
    return json.dumps(texts)


def test_slack_refuses_cohort_changes_from_non_admins(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path, admin_ids="UCOACH") as s:
            await s.command("/cohort", CREATE, user="UADA")
            await settle()
            assert "Only cohort admins" in _said(s)
            await s.command("/cohort", CREATE, user="UCOACH")
            await settle()
            assert "now follows" in _said(s)
            await s.command("/cohort", "pause", user="UADA")
            await settle()
            assert _said(s).count("Only cohort admins") == 2

    asyncio.run(scenario())


def test_discord_refuses_cohort_changes_without_manage_server(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            refused = await h.slash(c.ada, c.general, "cohort", args=CREATE)
            assert "Only cohort admins" in all_text(refused)
            created = await h.slash(c.coach, c.general, "cohort", args=CREATE)
            assert "now follows" in all_text(created)

    asyncio.run(scenario())


def test_a_slack_workspace_admin_who_acts_is_reported_as_an_admin(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path, admin_ids="UCOACH") as s:
            s.fake.people["UDANA"] = {"is_admin": True, "profile": {"display_name": "Dana"}}
            s.fake.people["UADA"] = {"profile": {"display_name": "Ada"}}
            await s.command("/cohort", CREATE, user="UCOACH")
            for user in ("UADA", "UDANA"):
                await s.command("/cohort", "join", user=user)
            await s.command("/cohort", "pause", user="UDANA")  # a workspace admin acts
            await s.command("/cohort", "report", user="UCOACH")
            await settle()
            report = s.fake.of("respond")[-1]["text"]
            assert "Active learners (7 days): 0 of 1" in report
            assert "Admins (not counted as learners): ucoach, Dana" in report

    asyncio.run(scenario())


def test_discord_records_admins_only_where_the_cohort_lives(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.coach, c.general, "cohort", args=CREATE)
            for user in (c.ada, c.owner):
                await h.slash(user, c.general, "cohort", args="join")
            await h.slash(c.ada, c.general, "cohort", args="pause")  # Manage Server elsewhere
            await h.slash(c.owner, c.general, "cohort", args="pause")  # owns the course server
            report = all_text(await h.slash(c.coach, c.general, "cohort", args="report"))
            assert "Active learners (7 days): 0 of 1" in report
            assert "Admins (not counted as learners): Coach, Owner" in report

    asyncio.run(scenario())
