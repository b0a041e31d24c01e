"""Every slash command acks and answers; prefixes; admins; Socket Mode; broadcasts; OAuth."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from slack_bolt.adapter.socket_mode.async_internals import run_async_bolt_app
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.app import build_app
from bot.adapters.slack.broadcast import SlackBroadcaster
from bot.adapters.slack.oauth import ThreadedInstallationStore, oauth_settings
from bot.adapters.slack.post import Where, deliver
from bot.adapters.slack.settings import SlackSettings
from bot.core.broadcast import DeliveryError, Destination
from bot.core.incoming import Incoming
from bot.core.reply import Image, Reply, Text
from bot.core.router import Router
from bot.testing import make_services
from tests.adapters.slack_fake_api import FakeSlackApi, settle
from tests.adapters.slack_scenario import SlackScenario

COMMANDS = (
    "/ask",
    "/quiz",
    "/interview",
    "/lesson",
    "/progress",
    "/roadmap",
    "/track",
    "/badges",
    "/project",
    "/cohort",
    "/privacy",
    "/new",
    "/help",
)


def test_every_slash_command_acks_and_replies(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            for command in COMMANDS:
                before = len(s.fake.calls)
                text = "what is data drift?" if command == "/ask" else ""
                assert await s.command(command, text) == 200, command
                await settle()
                answered = [c.method for c in s.fake.calls[before:]]
                assert {"respond", "chat.postMessage"} & set(answered), command
            said = {r["text"]: r["response_type"] for r in s.fake.of("respond")}
            kinds = {k for t, k in said.items() if "Progress for" in t}
            assert kinds == {"ephemeral"}, said
            roadmaps = {k for t, k in said.items() if t.startswith("You follow")}
            assert roadmaps == {"in_channel"}, said
            starters = [p["text"] for p in s.posted() if not p.get("thread_ts")]
            assert any("asked: what is data drift?" in t for t in starters)
            assert any("started a quiz" in t for t in starters)

    asyncio.run(scenario())


def test_a_command_prefix_renames_every_command(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path, command_prefix="tutor-") as s:
            assert await s.command("/tutor-roadmap") == 200
            assert await s.command("/roadmap") == 404
            await settle()
            assert len(s.fake.of("respond")) == 1

    asyncio.run(scenario())


def test_admin_rights_come_from_settings_or_the_workspace_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Incoming] = []
    real = Router.handle
    monkeypatch.setattr(Router, "handle", lambda self, i: seen.append(i) or real(self, i))

    async def scenario() -> None:
        async with SlackScenario(tmp_path, admin_ids="UCONF") as s:
            s.fake.people["UOWNER"] = {"is_owner": True, "profile": {"display_name": "Olu"}}
            for user in ("UCONF", "UOWNER", "UADA", "UOWNER"):
                await s.command("/badges", user=user)
            await settle()
            # The work after each ack runs concurrently: compare per user, not in arrival order.
            verdicts = sorted((i.user, i.is_admin) for i in seen)
            assert verdicts == [
                ("UADA", False),
                ("UCONF", True),
                ("UOWNER", True),
                ("UOWNER", True),
            ]
            assert {i.display_name for i in seen if i.user == "UOWNER"} == {"Olu"}
            assert len(s.fake.of("users.info")) == 3  # cached per user

    asyncio.run(scenario())


def test_socket_mode_requests_take_the_same_path(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path) as s:
            assert s.app is not None
            payload = {
                "command": "/badges",
                "text": "",
                "team_id": "T1",
                "channel_id": "C1",
                "user_id": "UADA",
                "response_url": s.fake.response_url(),
            }
            request = SocketModeRequest(type="slash_commands", envelope_id="e1", payload=payload)
            response = await run_async_bolt_app(s.app, request)
            assert response.status == 200
            await settle()
            assert s.fake.of("respond")

    asyncio.run(scenario())


def test_an_ephemeral_reply_with_an_image_sends_the_card_to_the_learners_dm() -> None:
    async def scenario() -> None:
        fake = await FakeSlackApi().start()
        client = AsyncWebClient(token="xoxb-test", base_url=fake.base_url)
        card = Image("progress.png", b"\x89PNG fake", alt="Ada's progress")
        reply = Reply((Text("*Progress*"), card), ephemeral=True)
        await deliver(client, [reply], Where("C1", "UADA", "5.1"))
        await fake.stop()
        methods = [c.method for c in fake.calls]
        assert methods[0] == "chat.postEphemeral" and "conversations.open" in methods
        assert "upload" in methods
        [done] = fake.of("files.completeUploadExternal")
        assert done["channel_id"] == "DADA"

    asyncio.run(scenario())


def test_the_broadcaster_posts_and_reports_failures(tmp_path: Path) -> None:
    async def scenario() -> None:
        fake = await FakeSlackApi().start()
        client = AsyncWebClient(token="xoxb-test", base_url=fake.base_url)
        caster = SlackBroadcaster(client)
        ts = await caster.post(Destination("slack", "T1", "C9"), Reply.text("*Week 1*"))
        assert fake.of("chat.postMessage")[0]["channel"] == "C9" and ts
        await caster.post(Destination("slack", "T1", user="UADA"), Reply.text("psst"))
        assert fake.of("chat.postMessage")[1]["channel"] == "DADA"
        fake.errors["chat.postMessage"] = "channel_not_found"
        with pytest.raises(DeliveryError, match="channel_not_found"):
            await caster.post(Destination("slack", "T1", "CGONE"), Reply.text("x"))
        await fake.stop()

    asyncio.run(scenario())


def test_oauth_mode_stores_installs_in_our_database_and_posts_with_their_tokens(
    tmp_path: Path,
) -> None:
    services = make_services(tmp_path)
    cfg = SlackSettings(_env_file=None, client_id="111.222", client_secret="shh")  # type: ignore[call-arg]

    async def scenario() -> None:
        fake = await FakeSlackApi().start()
        settings = oauth_settings(services.db.engine, cfg)
        store = settings.installation_store
        assert isinstance(store, ThreadedInstallationStore)
        await store.async_save(
            Installation(app_id="A1", team_id="T2", user_id="U1", bot_token="xoxb-t2", bot_id="B2")
        )
        app = build_app(
            services,
            client=AsyncWebClient(base_url=fake.base_url),
            signing_secret="s",
            oauth_settings=settings,
            slack_settings=cfg,
        )
        assert app.oauth_flow is not None
        caster = SlackBroadcaster(AsyncWebClient(base_url=fake.base_url), store)
        await caster.post(Destination("slack", "T2", "C1"), Reply.text("Week 2"))
        assert fake.of("chat.postMessage")[0]["_auth"] == "Bearer xoxb-t2"
        with pytest.raises(DeliveryError, match="not installed"):
            await caster.post(Destination("slack", "T3", "C1"), Reply.text("Week 2"))
        await fake.stop()

    asyncio.run(scenario())
    services.close()
