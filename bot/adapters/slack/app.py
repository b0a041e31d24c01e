"""Build the slack-bolt AsyncApp: commands, events and buttons wired to the neutral core."""

from __future__ import annotations

import logging
import re

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.commands import CommandListener
from bot.adapters.slack.listeners import EventListeners
from bot.adapters.slack.people import PeopleDirectory
from bot.adapters.slack.settings import COMMANDS, SlackSettings
from bot.adapters.slack.tutor import SlackTutor
from bot.bootstrap import Services

log = logging.getLogger(__name__)
RATE_LIMIT_RETRIES = 3


def with_rate_limit_retry(client: AsyncWebClient) -> AsyncWebClient:
    """Make the client wait and retry on HTTP 429 (slack-sdk does not by default)."""
    if not any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)
        )
    return client


def build_app(
    services: Services,
    *,
    client: AsyncWebClient | None = None,
    signing_secret: str = "",
    token: str | None = None,
    installation_store: AsyncInstallationStore | None = None,
    oauth_settings: AsyncOAuthSettings | None = None,
    slack_settings: SlackSettings | None = None,
) -> AsyncApp:
    """The tutor as a Bolt app.

    Args:
        services: The composition root's services.
        client: A Web API client (tests point one at a fake API); default: Slack's.
        signing_secret: Verifies HTTP requests (unused in Socket Mode).
        token: The bot token of a single-workspace install.
        installation_store: Per-workspace tokens, for multi-workspace mode without install pages.
        oauth_settings: Install pages and stores, for multi-workspace (OAuth) mode.
        slack_settings: Adapter settings; default: read from the environment.

    Returns:
        The AsyncApp, listeners registered; `process_before_response` is off (ack, then work).
    """
    cfg = slack_settings or SlackSettings()
    web = with_rate_limit_retry(client or AsyncWebClient(token=token, base_url=cfg.api_url))
    app = AsyncApp(
        client=web,
        token=None,  # the client carries the token (giving both makes Bolt warn at start)
        signing_secret=signing_secret,
        installation_store=None if oauth_settings else installation_store,
        oauth_settings=oauth_settings,
        process_before_response=False,
    )
    register(app, SlackTutor(services, PeopleDirectory(cfg.admins), cfg.naming), cfg)
    return app


def register(app: AsyncApp, tutor: SlackTutor, cfg: SlackSettings) -> None:
    """Attach every listener: slash commands, mentions, messages, reactions, buttons."""
    commands = CommandListener(tutor, cfg)
    for name in COMMANDS:
        app.command(cfg.command(name))(commands.on_command)
    events = EventListeners(tutor)
    app.event("app_mention")(events.on_mention)
    app.event("message")(events.on_message)
    app.event("reaction_added")(events.on_reaction)
    app.action(re.compile(r"^tutor\."))(events.on_action)
