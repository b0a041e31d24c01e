"""Multi-workspace install: OAuth settings over SQLAlchemy stores in the tutor's own database."""

from __future__ import annotations

import asyncio
import logging
from logging import Logger
from typing import Any

from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from bot.adapters.slack.settings import SlackSettings

log = logging.getLogger(__name__)
STATE_SECONDS = 600
# Keep in step with oauth_config.scopes.bot in manifest.yaml (a test checks it).
SCOPES = (
    "app_mentions:read",
    "channels:history",
    "chat:write",
    "chat:write.public",
    "commands",
    "files:write",
    "groups:history",
    "im:history",
    "im:read",
    "im:write",
    "reactions:read",
    "users:read",
)


class ThreadedInstallationStore(AsyncInstallationStore):
    """The synchronous SQLAlchemy installation store, run in worker threads for asyncio."""

    def __init__(self, engine: Engine, client_id: str) -> None:
        self.sync = SQLAlchemyInstallationStore(client_id=client_id, engine=engine, logger=log)

    @property
    def logger(self) -> Logger:
        return log

    def create_tables(self) -> None:
        """Create the slack_installations and slack_bots tables when missing."""
        self.sync.metadata.create_all(self.sync.engine)

    async def async_save(self, installation: Installation) -> None:
        await asyncio.to_thread(self.sync.save, installation)

    async def async_save_bot(self, bot: Bot) -> None:
        await asyncio.to_thread(self.sync.save_bot, bot)

    async def async_find_bot(self, **kwargs: Any) -> Bot | None:
        return await asyncio.to_thread(lambda: self.sync.find_bot(**kwargs))

    async def async_find_installation(self, **kwargs: Any) -> Installation | None:
        return await asyncio.to_thread(lambda: self.sync.find_installation(**kwargs))

    async def async_delete_bot(self, **kwargs: Any) -> None:
        await asyncio.to_thread(lambda: self.sync.delete_bot(**kwargs))

    async def async_delete_installation(self, **kwargs: Any) -> None:
        await asyncio.to_thread(lambda: self.sync.delete_installation(**kwargs))


class ThreadedStateStore(AsyncOAuthStateStore):
    """The synchronous SQLAlchemy OAuth state store, run in worker threads."""

    def __init__(self, engine: Engine) -> None:
        self.sync = SQLAlchemyOAuthStateStore(
            expiration_seconds=STATE_SECONDS, engine=engine, logger=log
        )

    @property
    def logger(self) -> Logger:
        return log

    def create_tables(self) -> None:
        """Create the slack_oauth_states table when missing."""
        self.sync.metadata.create_all(self.sync.engine)

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        return await asyncio.to_thread(self.sync.issue)

    async def async_consume(self, state: str) -> bool:
        return await asyncio.to_thread(self.sync.consume, state)


def oauth_settings(engine: Engine, cfg: SlackSettings) -> AsyncOAuthSettings:
    """Install pages (/slack/install, /slack/oauth_redirect) with stores in our database."""
    assert cfg.client_id and cfg.client_secret, "oauth_settings needs SLACK_CLIENT_ID/SECRET"
    installations = ThreadedInstallationStore(engine, cfg.client_id)
    states = ThreadedStateStore(engine)
    installations.create_tables()
    states.create_tables()
    return AsyncOAuthSettings(
        client_id=cfg.client_id,
        client_secret=cfg.client_secret.get_secret_value(),
        scopes=list(SCOPES),
        installation_store=installations,
        installation_store_bot_only=True,
        state_store=states,
    )
