"""`mlops-tutor run` with platforms, and `mlops-tutor scheduler`: one asyncio process."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from bot.bootstrap import Services
from bot.core.broadcast import Broadcaster

log = logging.getLogger(__name__)
STARTUP_GRACE = 10.0
"""Seconds the adapters get to connect before the scheduler's first catch-up."""


def adapter_tasks(
    services: Services,
    broadcasters: dict[str, Broadcaster],
    *,
    slack_http_port: int | None,
    slack: bool,
) -> list[Coroutine[Any, Any, None]]:
    """The coroutines of every adapter whose credentials are configured."""
    tasks: list[Coroutine[Any, Any, None]] = []
    if slack:
        from bot.adapters.slack.runner import run_slack

        tasks.append(run_slack(services, http_port=slack_http_port, broadcasters=broadcasters))
    if services.settings.discord_token:
        from bot.adapters.discord.runner import run_discord

        tasks.append(run_discord(services, broadcasters=broadcasters))
    return tasks


async def _scheduler_when_ready(services: Services, broadcasters: dict[str, Broadcaster]) -> None:
    from scheduler import runtime

    await asyncio.sleep(STARTUP_GRACE)
    scheduler = await runtime.start(services, broadcasters)
    try:
        await asyncio.Event().wait()
    finally:
        scheduler.shutdown(wait=False)


async def serve(
    services: Services,
    *,
    slack_http_port: int | None,
    slack: bool,
    with_scheduler: bool,
    dashboard_port: int | None = None,
) -> None:
    """Run the adapters (the dashboard, the scheduler) until one of them stops or fails."""
    broadcasters: dict[str, Broadcaster] = {}
    tasks = adapter_tasks(services, broadcasters, slack_http_port=slack_http_port, slack=slack)
    if dashboard_port is not None:
        from bot.adapters.web.server import serve_dashboard

        host = services.settings.dashboard_host
        tasks.append(serve_dashboard(services, host, dashboard_port))
    if with_scheduler:
        tasks.append(_scheduler_when_ready(services, broadcasters))
    await asyncio.gather(*tasks)


async def scheduler_only(services: Services, *, slack: bool) -> None:
    """The single scheduling process beside bot replicas: posts, listens to nothing."""
    from scheduler import runtime

    broadcasters = await posting_broadcasters(services, slack=slack)
    scheduler = await runtime.start(services, broadcasters)
    try:
        await asyncio.Event().wait()
    finally:
        scheduler.shutdown(wait=False)


async def posting_broadcasters(services: Services, *, slack: bool) -> dict[str, Broadcaster]:
    """Broadcasters that only post: Slack's Web API client, Discord's REST client."""
    found: dict[str, Broadcaster] = {}
    if slack:
        found["slack"] = _slack_poster(services)
    token = services.settings.discord_token
    if token:
        import discord

        from bot.adapters.discord.broadcaster import DiscordBroadcaster

        client = discord.Client(intents=discord.Intents.none())
        await client.login(token.get_secret_value())  # REST only: no gateway connection
        found["discord"] = DiscordBroadcaster(client)
    return found


def _slack_poster(services: Services) -> Broadcaster:
    from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.adapters.slack.broadcast import SlackBroadcaster
    from bot.adapters.slack.oauth import oauth_settings
    from bot.adapters.slack.settings import load_slack_settings

    cfg = load_slack_settings()
    token = services.settings.slack_bot_token
    client = AsyncWebClient(
        token=None if cfg.oauth or token is None else token.get_secret_value(),
        base_url=cfg.api_url,
    )
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=3))
    store = oauth_settings(services.db.engine, cfg).installation_store if cfg.oauth else None
    return SlackBroadcaster(client, store, naming=cfg.naming)
