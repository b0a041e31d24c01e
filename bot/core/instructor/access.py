"""One-time sign-in links to the dashboard, scoped to the cohorts of the admin who asked."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.core.clock import as_utc
from storage.repositories.cohorts import CohortRepository
from storage.repositories.dashboard import DashboardTokenRepository
from storage.tables import Cohort

if TYPE_CHECKING:
    from bot.bootstrap import Services

LINK_LIFETIME = timedelta(minutes=15)
SIGN_IN_PATH = "/signin"


class Refusal(StrEnum):
    """Why a sign-in link was refused."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


@dataclass(frozen=True)
class Scope:
    """What a signed-in session may see: these cohorts, acting as this learner (None: operator)."""

    token_id: int
    actor_id: int | None
    cohort_ids: frozenset[int]


def administered(services: Services, admin_id: int, here: Cohort | None) -> list[int]:
    """The cohorts an admin's link covers: this channel's cohort and those they created."""
    found = {c.id for c in CohortRepository(services.db).all() if c.created_by == admin_id}
    if here is not None:
        found.add(here.id)
    return sorted(i for i in found if i is not None)


def issue_link(services: Services, created_by: int | None, cohort_ids: list[int]) -> str:
    """A sign-in URL valid once, for LINK_LIFETIME, showing only `cohort_ids`."""
    token = secrets.token_urlsafe(32)
    now = services.clock.now()
    DashboardTokenRepository(services.db).add(
        token, created_by, cohort_ids, now, now + LINK_LIFETIME
    )
    return f"{services.settings.dashboard_base}{SIGN_IN_PATH}?t={token}"


def redeem(services: Services, token: str) -> Scope | Refusal:
    """Use a link's token once: its scope, or why it is refused (nothing changes then)."""
    repo = DashboardTokenRepository(services.db)
    row = repo.find(token) if 10 <= len(token) <= 100 else None
    if row is None or row.id is None:
        return Refusal.UNKNOWN
    now = services.clock.now()
    if row.used_at is not None:
        return Refusal.USED
    if as_utc(row.expires_at) <= now:
        return Refusal.EXPIRED
    if not repo.use(row.id, now):
        return Refusal.USED
    return Scope(row.id, row.created_by, frozenset(row.cohort_ids))


def scope_of(services: Services, token_id: int) -> Scope | None:
    """The scope of a session signed in with token `token_id` (None: the token is gone)."""
    row = DashboardTokenRepository(services.db).get(token_id)
    if row is None or row.id is None or row.used_at is None:
        return None
    return Scope(row.id, row.created_by, frozenset(row.cohort_ids))
