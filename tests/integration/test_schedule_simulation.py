"""A 12-week cohort simulated with an injected clock: DST, pause, skip, crash, downtime, two
schedulers. Exactly the expected posts, each once, at the right local time."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.broadcast import DeliveryError, Destination
from bot.core.clock import FakeClock
from bot.core.reply import Reply
from bot.testing import FakeChat, make_services
from scheduler.calendar import Schedule
from scheduler.poster import WeeklyPostJob
from storage.repositories.claims import ClaimRepository
from storage.repositories.cohorts import CohortRepository

BERLIN = ZoneInfo("Europe/Berlin")
CREATE = "/cohort create roadmap-12w start:2026-10-05 day:mon time:09:00 tz:Europe/Berlin"


class RecordingBroadcaster:
    """Our Broadcaster port, faked: records every post with the clock's time."""

    platform = "fake"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.posts: list[tuple[datetime, Destination, str]] = []
        self.failures = 0

    async def post(self, destination: Destination, reply: Reply) -> str:
        if self.failures and destination.user is None:
            self.failures -= 1
            raise DeliveryError("channel_not_found")
        self.posts.append((self.clock.now(), destination, reply.plain))
        return f"msg-{len(self.posts)}"

    def channel_posts(self) -> list[tuple[datetime, str]]:
        return [(at, text) for at, dest, text in self.posts if dest.user is None]


def week_of(text: str) -> int:
    return int(text.split("Week ", 1)[1].split(" ", 1)[0])


def fire(week: int) -> datetime:
    return Schedule(
        datetime(2026, 10, 5).date(), "mon", datetime(2026, 1, 1, 9).time(), "Europe/Berlin", 12
    ).fire_time(week)


@pytest.fixture
def world(tmp_path: Path) -> FakeChat:
    chat = FakeChat(make_services(tmp_path))
    chat.clock.set_time(datetime(2026, 10, 1, 12, 0, tzinfo=UTC))
    assert "now follows" in chat.send_admin("coach", CREATE)
    return chat


def test_twelve_weeks_each_post_once_at_nine_local(world: FakeChat, tmp_path: Path) -> None:
    clock = world.clock
    radio = RecordingBroadcaster(clock)
    second = make_services(tmp_path)  # another process on the same database
    second.clock = clock
    jobs = [
        WeeklyPostJob(world.services, {"fake": radio}, "sched-a"),
        WeeklyPostJob(second, {"fake": radio}, "sched-b"),
    ]

    def tick(at: datetime) -> None:
        clock.set_time(at)
        asyncio.run(_both(jobs))

    for week in range(1, 13):
        if week == 4:
            clock.set_time(fire(4) - timedelta(days=1))
            world.send_admin("coach", "/cohort pause")
        if week == 5:
            world.send_admin("coach", "/cohort resume")
        if week == 6:
            world.send_admin("coach", "/cohort skip 6")
        if week == 8:  # scheduler A claims week 8, then crashes before sending; A restarts
            ClaimRepository(world.services.db).claim(1, 8, fire(8), "sched-a", fire(8))
            world.services.close()
            world.services = make_services(tmp_path)
            world.services.clock = clock
            jobs[0] = WeeklyPostJob(world.services, {"fake": radio}, "sched-a2")
            tick(fire(8) + timedelta(minutes=5))  # lease not over: nobody resends yet
            tick(fire(8) + timedelta(minutes=15))  # lease over: retried, once
            continue
        if week in (10, 11):
            continue  # both schedulers are down for two weeks
        if week == 12:
            tick(fire(11) + timedelta(days=2))  # back up: weeks 10 and 11 posted late
        tick(fire(week) - timedelta(minutes=1))
        tick(fire(week))
        tick(fire(week) + timedelta(minutes=5))

    posts = radio.channel_posts()
    print("\ntimeline (Europe/Berlin):")
    for at, text in posts:
        late = " (late)" if "Posted late" in text else ""
        print(f"  {at.astimezone(BERLIN):%a %d %b %H:%M %Z}  week {week_of(text)}{late}")
    weeks = [week_of(text) for _, text in posts]
    assert weeks == [1, 2, 3, 5, 7, 8, 9, 10, 11, 12]
    on_time = [at for at, text in posts if week_of(text) not in (8, 10, 11)]
    assert all(at.astimezone(BERLIN).strftime("%H:%M") == "09:00" for at in on_time)
    assert {at.astimezone(BERLIN).strftime("%Z") for at in on_time} == {"CEST", "CET"}
    assert all("Posted late" in text for _, text in posts if week_of(text) in (10, 11))
    statuses = {c.week: c.status for c in ClaimRepository(world.services.db).of_cohort(1)}
    assert statuses == {w: ("skipped" if w in (4, 6) else "posted") for w in range(1, 13)}
    second.close()


async def _both(jobs: list[WeeklyPostJob]) -> None:
    await asyncio.gather(*(job.tick() for job in jobs))


def test_late_policy_skip_skips_missed_weeks_and_never_posts_them(world: FakeChat) -> None:
    radio = RecordingBroadcaster(world.clock)
    job = WeeklyPostJob(world.services, {"fake": radio}, "solo")
    world.send_admin("coach", "/cohort late-policy skip")
    world.clock.set_time(fire(3) + timedelta(hours=3))  # offline through weeks 1-3
    asyncio.run(job.tick())
    asyncio.run(job.tick())
    assert radio.channel_posts() == []
    claims = ClaimRepository(world.services.db).of_cohort(1)
    assert [(c.week, c.status) for c in claims] == [(1, "skipped"), (2, "skipped"), (3, "skipped")]


def test_a_failed_post_is_recorded_retried_with_back_off_and_the_admin_told(
    world: FakeChat,
) -> None:
    radio = RecordingBroadcaster(world.clock)
    radio.failures = 1
    job = WeeklyPostJob(world.services, {"fake": radio}, "solo")
    world.clock.set_time(fire(1))
    asyncio.run(job.tick())
    claim = ClaimRepository(world.services.db).get(1, 1)
    assert claim is not None and claim.status == "failed" and claim.error == "channel_not_found"
    admin_dms = [text for _, dest, text in radio.posts if dest.user == "coach"]
    assert len(admin_dms) == 1 and "could not post week 1" in admin_dms[0]
    world.clock.advance(minutes=1)
    asyncio.run(job.tick())
    assert radio.channel_posts() == []  # back-off not over
    world.clock.advance(minutes=5)
    asyncio.run(job.tick())
    assert [week_of(t) for _, t in radio.channel_posts()] == [1]


def test_non_admins_cannot_change_a_cohort(world: FakeChat) -> None:
    for command in (
        "/cohort pause",
        "/cohort skip 2",
        "/cohort post-now",
        "/cohort report",
        CREATE,
    ):
        assert "Only cohort admins" in world.send("learner", command)
    cohort = CohortRepository(world.services.db).get(1)
    assert cohort is not None and not cohort.paused and cohort.skipped_weeks == []


def test_a_send_that_never_confirmed_is_reported_not_resent(world: FakeChat) -> None:
    radio = RecordingBroadcaster(world.clock)
    claims = ClaimRepository(world.services.db)
    claim = claims.claim(1, 1, fire(1), "crashed", fire(1))
    assert claim is not None and claim.id is not None
    claims.set_state(claim.id, "posting", claimed_at=fire(1))  # crashed mid-send
    world.clock.set_time(fire(1) + timedelta(minutes=30))
    job = WeeklyPostJob(world.services, {"fake": radio}, "after-restart")
    asyncio.run(job.tick())
    asyncio.run(job.tick())
    assert radio.channel_posts() == []
    admin_dms = [text for _, dest, text in radio.posts if dest.user == "coach"]
    assert len(admin_dms) == 1 and "never confirmed" in admin_dms[0]
