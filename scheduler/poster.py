"""WeeklyPostJob: post each cohort's due weeks exactly once, honouring pause, skip and lateness."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot import metrics
from bot.core.broadcast import Broadcaster, DeliveryError, Destination
from bot.core.reply import Reply
from scheduler import texts
from scheduler.calendar import Schedule, parse_time
from scheduler.posts import weekly_post
from storage.repositories.claims import ClaimRepository
from storage.repositories.cohort_stats import CohortStatsRepository
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort, PostClaim

if TYPE_CHECKING:
    from bot.bootstrap import Services

log = logging.getLogger(__name__)
ON_TIME = timedelta(hours=1)
"""A slot processed within this long after its time is on time; later follows the late policy."""
LOOKBACK = timedelta(days=1)
"""Slots this long before the cohort was created still count (a cohort made at 09:30 Monday)."""
BACKOFF = (timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=6))


@dataclass(frozen=True)
class PostOutcome:
    cohort_id: int
    week: int
    status: str  # posted | skipped | failed
    fire_time: datetime
    at: datetime
    note: str = ""


def schedule_of(cohort: Cohort, weeks: int) -> Schedule:
    at = parse_time(cohort.post_time)
    assert at is not None
    return Schedule(cohort.start_date, cohort.post_day, at, cohort.timezone, weeks)


class WeeklyPostJob:
    """Runs on every scheduler tick (and at start): safe to run anywhere, any number of times."""

    def __init__(
        self, services: Services, broadcasters: Mapping[str, Broadcaster], worker: str
    ) -> None:
        self.services = services
        self.broadcasters = broadcasters
        self.worker = worker
        self.cohorts = CohortRepository(services.db)
        self.claims = ClaimRepository(services.db)
        self.stats = CohortStatsRepository(services.db)

    async def tick(self) -> list[PostOutcome]:
        """Catch every cohort up to now, then report sends that never confirmed."""
        outcomes: list[PostOutcome] = []
        for cohort in self.cohorts.all():
            if cohort.platform in self.broadcasters:
                outcomes += await self.catch_up(cohort)
        await self._report_stuck()
        return outcomes

    async def catch_up(self, cohort: Cohort) -> list[PostOutcome]:
        track = self.services.curriculum.tracks.get(cohort.track_id)
        if track is None:
            return []
        now = self.services.clock.now()
        created = (
            cohort.created_at
            if cohort.created_at.tzinfo
            else cohort.created_at.replace(tzinfo=now.tzinfo)
        )
        due = schedule_of(cohort, len(track.weeks)).due(now, since=created - LOOKBACK)
        outcomes = []
        for week, fire_time in due:
            outcome = await self._week(cohort, week, fire_time, now)
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes

    async def _week(
        self, cohort: Cohort, week: int, fire_time: datetime, now: datetime
    ) -> PostOutcome | None:
        assert cohort.id is not None
        existing = self.claims.get(cohort.id, week)
        if existing is not None and existing.status in ("posted", "skipped", "posting"):
            return None
        late = now - fire_time > ON_TIME
        reason = self._skip_reason(cohort, week, late, existing)
        if reason:
            if self.claims.claim(cohort.id, week, fire_time, self.worker, now, "skipped", reason):
                metrics.post_outcome("skipped")
                return PostOutcome(cohort.id, week, "skipped", fire_time, now, reason)
            return None
        claim = self.claims.claim(cohort.id, week, fire_time, self.worker, now)
        if claim is None:
            return None
        return await self._send(cohort, claim, late)

    @staticmethod
    def _skip_reason(cohort: Cohort, week: int, late: bool, existing: PostClaim | None) -> str:
        if existing is not None:
            return ""  # a failed or abandoned post of ours: retry it, whatever the policy
        if week in cohort.skipped_weeks:
            return "skipped by an admin"
        if cohort.paused:
            return "cohort paused"
        if late and cohort.late_policy == "skip":
            return "missed while offline (late policy: skip)"
        return ""

    async def _send(self, cohort: Cohort, claim: PostClaim, late: bool) -> PostOutcome:
        assert claim.id is not None and cohort.id is not None
        fire_time = (
            claim.fire_time
            if claim.fire_time.tzinfo
            else claim.fire_time.replace(tzinfo=self.services.clock.now().tzinfo)
        )
        reply = weekly_post(
            self.services.curriculum, self.stats, cohort, claim.week, fire_time, late=late
        )
        destination = Destination(cohort.platform, cohort.workspace, cohort.channel_id)
        if claim.attempts > 1:
            metrics.DELIVERY_RETRIES.inc()
        self.claims.set_state(claim.id, "posting", claimed_at=self.services.clock.now())
        try:
            message_id = await self.broadcasters[cohort.platform].post(destination, reply)
        except DeliveryError as exc:
            return await self._failed(cohort, claim, str(exc))
        except Exception as exc:  # a broadcaster bug must not leave the post "posting"
            log.exception("cohort %s week %s: the broadcaster raised", cohort.id, claim.week)
            return await self._failed(cohort, claim, f"{type(exc).__name__}: {exc}")
        now = self.services.clock.now()
        self.claims.set_state(claim.id, "posted", message_id=message_id, error=None)
        metrics.post_outcome("posted")
        return PostOutcome(cohort.id, claim.week, "posted", fire_time, now, "late" if late else "")

    async def _failed(self, cohort: Cohort, claim: PostClaim, reason: str) -> PostOutcome:
        assert claim.id is not None and cohort.id is not None
        now = self.services.clock.now()
        retry = now + BACKOFF[min(claim.attempts, len(BACKOFF)) - 1]
        self.claims.set_state(claim.id, "failed", error=reason[:1000], retry_at=retry)
        metrics.post_outcome("failed")
        log.warning("cohort %s week %s not posted: %s", cohort.id, claim.week, reason)
        await self._tell_admin(
            cohort,
            Reply.text(
                texts.FAILED_ADMIN.format(
                    week=claim.week,
                    channel=cohort.channel_id,
                    reason=reason,
                    retry=retry.strftime("%H:%M UTC"),
                )
            ),
        )
        return PostOutcome(cohort.id, claim.week, "failed", claim.fire_time, now, reason)

    async def _report_stuck(self) -> None:
        for claim in self.claims.stuck(self.services.clock.now()):
            cohort = self.cohorts.get(claim.cohort_id)
            if cohort is None or claim.id is None:
                continue
            when = claim.claimed_at.strftime("%Y-%m-%d %H:%M UTC")
            self.claims.set_state(claim.id, "stuck", error="send never confirmed")
            await self._tell_admin(
                cohort,
                Reply.text(
                    texts.STUCK_ADMIN.format(week=claim.week, channel=cohort.channel_id, when=when)
                ),
            )

    async def _tell_admin(self, cohort: Cohort, reply: Reply) -> None:
        admin = self.services.learners.get(cohort.created_by) if cohort.created_by else None
        broadcaster = self.broadcasters.get(cohort.platform)
        if admin is None or broadcaster is None:
            return
        try:
            await broadcaster.post(
                Destination(cohort.platform, cohort.workspace, user=admin.user_id), reply
            )
        except DeliveryError as exc:
            log.warning("could not tell the admin of cohort %s: %s", cohort.id, exc)
