"""Run the Slack adapter until cancelled: Socket Mode, or HTTP mode behind a load balancer."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from bot.adapters.slack.app import build_app
from bot.adapters.slack.broadcast import SlackBroadcaster
from bot.adapters.slack.edge import EVENTS_PATH, http_app
from bot.adapters.slack.inbound import PLATFORM
from bot.adapters.slack.oauth import oauth_settings
from bot.adapters.slack.settings import SlackConfigError, SlackSettings, load_slack_settings
from bot.bootstrap import Services
from bot.core.broadcast import Broadcaster

log = logging.getLogger(__name__)


def slack_app(services: Services, cfg: SlackSettings, *, http: bool) -> AsyncApp:
    """The app for the configured mode; raises SlackConfigError naming a missing setting."""
    s = services.settings
    secret = s.slack_signing_secret.get_secret_value() if s.slack_signing_secret else ""
    if http and not secret:
        raise SlackConfigError("SLACK_SIGNING_SECRET: required in HTTP mode")
    if cfg.oauth:
        if not http:
            raise SlackConfigError("SLACK_CLIENT_ID: OAuth install needs HTTP mode (--slack-http)")
        return build_app(
            services,
            signing_secret=secret,
            oauth_settings=oauth_settings(services.db.engine, cfg),
            slack_settings=cfg,
        )
    if s.slack_bot_token is None:
        raise SlackConfigError("SLACK_BOT_TOKEN: required (or SLACK_CLIENT_ID/SECRET for OAuth)")
    token = s.slack_bot_token.get_secret_value()
    return build_app(services, token=token, signing_secret=secret, slack_settings=cfg)


async def run_slack(
    services: Services,
    *,
    http_port: int | None = None,
    host: str = "0.0.0.0",  # noqa: S104
    broadcasters: dict[str, Broadcaster] | None = None,
) -> None:
    """Serve Slack until cancelled.

    Socket Mode when SLACK_APP_TOKEN is set and no `http_port` is given; otherwise HTTP mode
    on `http_port` (default 3000) at /slack/events (and /slack/install in OAuth mode).
    """
    cfg = load_slack_settings()
    app_token = services.settings.slack_app_token
    http = http_port is not None or app_token is None
    app = slack_app(services, cfg, http=http)
    if broadcasters is not None:  # the scheduler posts through this app's client
        broadcasters[PLATFORM] = SlackBroadcaster(
            app.client, app.installation_store, naming=cfg.naming
        )
    if not http and app_token is not None:
        await _socket_mode(app, app_token.get_secret_value())
    else:
        secret = services.settings.slack_signing_secret
        assert secret is not None  # slack_app() insists on it in HTTP mode
        await _http_mode(app, secret.get_secret_value(), host, http_port or 3000)


async def _socket_mode(app: AsyncApp, app_token: str) -> None:
    handler = AsyncSocketModeHandler(app, app_token)
    await handler.connect_async()  # type: ignore[no-untyped-call]
    log.warning("Slack: connected in Socket Mode")
    try:
        await asyncio.Event().wait()
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]


async def _http_mode(app: AsyncApp, secret: str, host: str, port: int) -> None:
    runner = web.AppRunner(http_app(app, secret, EVENTS_PATH, port))
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.warning("Slack: HTTP mode on %s:%d%s", host, port, EVENTS_PATH)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
