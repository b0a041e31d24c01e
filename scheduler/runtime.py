"""APScheduler wiring: one AsyncIOScheduler, jobs rebuilt from the cohort table at start.

Job functions are module-level (APScheduler's rule) and find the running services through
`_RUNTIME`. Exactly-once does not rest on APScheduler: every post is claimed in the database.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.broadcast import Broadcaster, DeliveryError
from bot.core.progress.announcements import mark_announced, pending_announcements
from bot.core.progress.awards import reconcile
from scheduler.poster import WeeklyPostJob
from scheduler.reminders import send_review_reminders
from storage.repositories.cohorts import CohortRepository

if TYPE_CHECKING:
    from bot.bootstrap import Services

log = logging.getLogger(__name__)
SWEEP_MINUTES = 5


@dataclass
class _Runtime:
    services: Services
    broadcasters: Mapping[str, Broadcaster]
    poster: WeeklyPostJob
    scheduler: AsyncIOScheduler


_RUNTIME: dict[str, _Runtime] = {}


async def weekly_tick() -> None:
    """Post every due week (cohort slots, catch-up, retries) and refresh the cohort jobs."""
    runtime = _RUNTIME["main"]
    for outcome in await runtime.poster.tick():
        log.info(
            "cohort %s week %s: %s %s",
            outcome.cohort_id,
            outcome.week,
            outcome.status,
            outcome.note,
        )
    await announce_badges(runtime.services, runtime.broadcasters)
    sync_cohort_jobs(runtime.scheduler, runtime.services)


async def announce_badges(services: Services, broadcasters: Mapping[str, Broadcaster]) -> int:
    """Post fresh badge grants in opted-in cohort channels, at most once each."""
    sent = 0
    for destination, reply in pending_announcements(services):
        broadcaster = broadcasters.get(destination.platform)
        if broadcaster is None or not mark_announced(services, destination, reply):
            continue  # marked first: an announcement is never posted twice
        try:
            await broadcaster.post(destination, reply)
            sent += 1
        except DeliveryError as exc:
            log.warning("badge announcement to %s failed: %s", destination.channel, exc)
    return sent


async def daily_reconcile() -> None:
    """Grant any badge the event log supports but no event handler granted (idempotent)."""
    runtime = _RUNTIME["main"]
    report = await asyncio.to_thread(reconcile, runtime.services)
    log.info("badge reconcile: %s", report)


async def hourly_reminders() -> None:
    runtime = _RUNTIME["main"]
    await send_review_reminders(runtime.services, runtime.broadcasters)


def sync_cohort_jobs(scheduler: AsyncIOScheduler, services: Services) -> list[str]:
    """One cron job per cohort at its local posting time; fixed ids, replaced on change."""
    ids = []
    for cohort in CohortRepository(services.db).all():
        hour, minute = (int(p) for p in cohort.post_time.split(":"))
        job_id = f"cohort-{cohort.id}"
        scheduler.add_job(
            weekly_tick,
            CronTrigger(
                day_of_week=cohort.post_day, hour=hour, minute=minute, timezone=cohort.timezone
            ),
            id=job_id,
            replace_existing=True,
            misfire_grace_time=3600,
            coalesce=True,
        )
        ids.append(job_id)
    return ids


def build_scheduler(
    services: Services, broadcasters: Mapping[str, Broadcaster]
) -> AsyncIOScheduler:
    """The scheduler with every job; call `.start()` inside a running event loop."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    worker = f"{socket.gethostname()}:{id(scheduler)}"
    _RUNTIME["main"] = _Runtime(
        services, broadcasters, WeeklyPostJob(services, broadcasters, worker), scheduler
    )
    sync_cohort_jobs(scheduler, services)
    scheduler.add_job(
        weekly_tick,
        IntervalTrigger(minutes=SWEEP_MINUTES),
        id="sweep",
        replace_existing=True,
        coalesce=True,
    )
    scheduler.add_job(
        hourly_reminders,
        CronTrigger(minute=5, timezone=UTC),
        id="review-reminders",
        replace_existing=True,
        coalesce=True,
    )
    scheduler.add_job(
        daily_reconcile,
        CronTrigger(hour=3, minute=30, timezone=UTC),
        id="badge-reconcile",
        replace_existing=True,
        coalesce=True,
    )
    return scheduler


async def start(services: Services, broadcasters: Mapping[str, Broadcaster]) -> AsyncIOScheduler:
    """Start the scheduler and catch up at once (missed weeks follow each cohort's policy)."""
    scheduler = build_scheduler(services, broadcasters)
    scheduler.start()
    await weekly_tick()
    return scheduler
