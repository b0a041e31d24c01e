"""SlackBroadcaster: scheduled jobs post through it (per-workspace tokens in OAuth mode)."""

from __future__ import annotations

import dataclasses

from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.inbound import PLATFORM
from bot.adapters.slack.post import Where, deliver
from bot.core.broadcast import DeliveryError, Destination
from bot.core.command_names import NEUTRAL, CommandNaming
from bot.core.reply import Reply


class SlackBroadcaster:
    """The Broadcaster port for Slack: one channel, thread or DM post per call."""

    platform = PLATFORM

    def __init__(
        self,
        client: AsyncWebClient,
        installation_store: AsyncInstallationStore | None = None,
        *,
        naming: CommandNaming = NEUTRAL,
    ) -> None:
        self.client = client
        self.installation_store = installation_store
        self.naming = naming

    async def post(self, destination: Destination, reply: Reply) -> str:
        """Deliver one reply; return the ts of its first message, or raise DeliveryError."""
        try:
            client = await self._client_for(destination.workspace)
            channel = destination.channel
            if destination.user:
                opened = await client.conversations_open(users=destination.user)
                channel = str(opened["channel"]["id"])
            public = dataclasses.replace(reply.named(self.naming), ephemeral=False)
            posted = await deliver(client, [public], Where(channel, "", destination.thread))
        except SlackApiError as exc:
            raise DeliveryError(f"slack: {exc.response.get('error', 'error')}") from None
        if not posted:
            raise DeliveryError("slack: the reply had nothing to post")
        return posted[0]

    async def _client_for(self, team: str) -> AsyncWebClient:
        if self.installation_store is None:
            return self.client
        bot = await self.installation_store.async_find_bot(enterprise_id=None, team_id=team)
        if bot is None:
            raise DeliveryError(f"slack: the app is not installed in workspace {team}")
        return AsyncWebClient(
            token=bot.bot_token,
            base_url=self.client.base_url,
            retry_handlers=self.client.retry_handlers,
        )
