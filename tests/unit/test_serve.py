"""`mlops-tutor run` composes one asyncio process from the configured adapters."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr

from bot.cli.serve import adapter_tasks
from bot.core.broadcast import Broadcaster
from bot.testing import make_services


def test_each_configured_platform_gets_a_task_and_none_without_credentials(
    tmp_path: Path,
) -> None:
    services = make_services(tmp_path)
    broadcasters: dict[str, Broadcaster] = {}
    assert adapter_tasks(services, broadcasters, slack_http_port=None, slack=False) == []
    services.settings = services.settings.model_copy(update={"discord_token": SecretStr("x.y.z")})
    tasks = adapter_tasks(services, broadcasters, slack_http_port=8080, slack=True)
    names = sorted(task.cr_code.co_name for task in tasks)  # type: ignore[attr-defined]
    for task in tasks:
        task.close()
    assert names == ["run_discord", "run_slack"]
    services.close()
