"""Who is asking: display names and admin rights from users.info, cached per workspace user."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.inbound import Person

log = logging.getLogger(__name__)
CACHE_SECONDS = 3600.0
CACHE_SIZE = 5000


class PeopleDirectory:
    """Admin ids from settings, else workspace admins/owners per users.info (cached an hour)."""

    def __init__(
        self, admin_ids: frozenset[str], *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.admin_ids = admin_ids
        self._monotonic = monotonic
        self._cache: dict[tuple[str, str], tuple[float, Person]] = {}

    async def lookup(self, client: AsyncWebClient, team: str, user: str) -> Person:
        """The person behind a user id; on any API error, a nameless non-admin (or admin by id)."""
        key = (team, user)
        cached = self._cache.get(key)
        if cached is not None and cached[0] > self._monotonic():
            return cached[1]
        person = await self._fetch(client, user)
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = (self._monotonic() + CACHE_SECONDS, person)
        return person

    async def _fetch(self, client: AsyncWebClient, user: str) -> Person:
        by_id = user in self.admin_ids
        try:
            found = (await client.users_info(user=user)).get("user") or {}
        except SlackApiError as exc:
            log.warning("users.info failed for %s: %s", user, exc.response.get("error"))
            return Person(is_admin=by_id)
        profile = found.get("profile") or {}
        name = profile.get("display_name") or profile.get("real_name") or found.get("name") or ""
        admin = by_id or bool(found.get("is_admin") or found.get("is_owner"))
        return Person(name=str(name)[:128], is_admin=admin)
