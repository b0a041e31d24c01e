"""The runner: HTTP mode serves signed requests on a port; bad settings name themselves."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from pathlib import Path

import aiohttp
import pytest
from pydantic import SecretStr

from bot.adapters.slack.runner import run_slack, slack_app
from bot.adapters.slack.settings import SlackConfigError, SlackSettings
from bot.bootstrap import Services
from bot.testing import make_services
from tests.adapters.slack_scenario import SECRET, signed_headers


def services_with(tmp_path: Path, **secrets: str) -> Services:
    services = make_services(tmp_path)
    update = {name: SecretStr(value) for name, value in secrets.items()}
    services.settings = services.settings.model_copy(update=update)
    return services


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_http_mode_serves_slack_on_the_port_until_cancelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "TUTOR_SLACK_COMMAND_PREFIX"):
        monkeypatch.delenv(name, raising=False)
    services = services_with(tmp_path, slack_bot_token="xoxb-x", slack_signing_secret=SECRET)
    port = free_port()

    async def scenario() -> None:
        task = asyncio.create_task(run_slack(services, http_port=port, host="127.0.0.1"))
        body = json.dumps({"type": "url_verification", "challenge": "c-123", "token": "t"})
        headers = {"Content-Type": "application/json", **signed_headers(body)}
        url = f"http://127.0.0.1:{port}/slack/events"
        async with aiohttp.ClientSession() as http:
            for _ in range(50):
                with contextlib.suppress(aiohttp.ClientConnectionError):
                    async with http.post(url, data=body, headers=headers) as resp:
                        assert resp.status == 200 and "c-123" in await resp.text()
                        break
                await asyncio.sleep(0.1)
            else:
                raise AssertionError("the HTTP server never came up")
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(scenario())
    services.close()


def test_settings_that_cannot_work_fail_with_the_settings_name(tmp_path: Path) -> None:
    cfg = SlackSettings(_env_file=None)  # type: ignore[call-arg]
    services = services_with(tmp_path, slack_bot_token="xoxb-x")
    with pytest.raises(SlackConfigError, match=r"^SLACK_SIGNING_SECRET"):
        slack_app(services, cfg, http=True)
    oauth = SlackSettings(_env_file=None, client_id="1.2", client_secret="s")  # type: ignore[call-arg]
    with pytest.raises(SlackConfigError, match=r"^SLACK_CLIENT_ID"):
        slack_app(services, oauth, http=False)
    services.settings = services.settings.model_copy(update={"slack_bot_token": None})
    with pytest.raises(SlackConfigError, match=r"^SLACK_BOT_TOKEN"):
        slack_app(services, cfg, http=False)
    services.close()


def test_the_manifest_command_prints_an_adapted_manifest() -> None:
    from typer.testing import CliRunner

    from bot.cli.slack import slack_app

    runner = CliRunner()
    result = runner.invoke(slack_app, ["manifest", "--prefix", "tutor-", "--url", "https://t.io"])
    assert result.exit_code == 0, result.output
    assert "command: /tutor-quiz" in result.output and "https://t.io/slack/events" in result.output
    bad = runner.invoke(slack_app, ["manifest", "--prefix", "Bad/"])
    assert bad.exit_code == 2
