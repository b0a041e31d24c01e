"""On Slack: `/cohort dashboard` answers only the admin; `/project pending` carries buttons."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from tests.adapters.slack_fake_api import settle
from tests.adapters.slack_scenario import SlackScenario


def test_the_dashboard_link_and_the_review_queue_on_slack(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path, admin_ids="UCONF") as s:
            await s.command("/cohort", "create roadmap-12w start:2026-01-05", user="UCONF")
            await s.command("/cohort", "approval on", user="UCONF")
            await s.command("/cohort", "join", user="UADA")
            await s.command("/project", "submit m01 https://github.com/ada/m01", user="UADA")
            await settle()
            before = len(s.fake.of("respond"))
            await s.command("/cohort", "dashboard", user="UADA")
            await s.command("/cohort", "dashboard", user="UCONF")
            await s.command("/project", "pending", user="UCONF")
            await settle()
            said = s.fake.of("respond")[before:]
            refused, link = said[0], said[1]
            assert "Only cohort admins" in refused["text"] and "signin" not in refused["text"]
            assert link["response_type"] == "ephemeral" and "/signin?t=" in link["text"]
            queue = [r for r in said[2:] if "github.com/ada/m01" in json.dumps(r)]
            assert queue and all(r["response_type"] == "ephemeral" for r in said[2:])
            blocks = json.dumps(queue[0].get("blocks", []))
            assert "project.review" in blocks and "Approve" in blocks
            assert "Request changes" in blocks

    asyncio.run(scenario())
