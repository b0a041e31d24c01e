"""APScheduler wiring and the daily review reminders."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from bot.core.broadcast import Destination
from bot.core.reply import Reply
from bot.testing import FakeChat
from scheduler.reminders import send_review_reminders
from scheduler.runtime import announce_badges, build_scheduler
from tests.unit.test_quiz_transcripts import play

CREATE = "/cohort create roadmap-12w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"


class Inbox:
    platform = "fake"

    def __init__(self) -> None:
        self.sent: list[tuple[Destination, str]] = []

    async def post(self, destination: Destination, reply: Reply) -> str:
        self.sent.append((destination, reply.plain))
        return str(len(self.sent))


def test_jobs_are_rebuilt_from_the_cohort_table_with_fixed_ids_and_local_times(
    chat: FakeChat,
) -> None:
    chat.send_admin("coach", CREATE)
    scheduler = build_scheduler(chat.services, {"fake": Inbox()})
    assert {job.id for job in scheduler.get_jobs()} == {
        "cohort-1",
        "sweep",
        "review-reminders",
        "badge-reconcile",
    }
    trigger = scheduler.get_job("cohort-1").trigger
    assert isinstance(trigger, CronTrigger) and str(trigger.timezone) == "Europe/Berlin"
    first = trigger.get_next_fire_time(None, datetime(2026, 11, 25, tzinfo=UTC))
    assert first is not None
    assert first.astimezone(ZoneInfo("Europe/Berlin")).strftime("%a %H:%M") == "Mon 09:00"
    again = build_scheduler(chat.services, {"fake": Inbox()})  # a restart: same ids, no dupes
    assert len(again.get_jobs()) == 4


def test_review_reminders_go_once_a_day_to_learners_who_opted_in(chat: FakeChat) -> None:
    play(chat, "bo", "m01", right=False)
    learner = chat.services.learners.find("fake", "w1", "bo")
    assert learner is not None
    with chat.services.db.session() as s:
        learner.review_reminders = True
        learner.timezone = "Europe/Berlin"
        s.add(learner)
    inbox = Inbox()
    chat.clock.set_time(datetime(2026, 1, 7, 8, 10, tzinfo=UTC))  # 09:10 in Berlin, cards due
    assert asyncio.run(send_review_reminders(chat.services, {"fake": inbox})) == 1
    assert asyncio.run(send_review_reminders(chat.services, {"fake": inbox})) == 0
    chat.clock.advance(hours=1)  # 10:10 local: not the reminder hour
    assert asyncio.run(send_review_reminders(chat.services, {"fake": inbox})) == 0
    chat.clock.set_time(datetime(2026, 1, 8, 8, 20, tzinfo=UTC))  # next day, 09:20 local
    assert asyncio.run(send_review_reminders(chat.services, {"fake": inbox})) == 1
    assert inbox.sent[0][0].user == "bo" and "review card" in inbox.sent[0][1]
    assert len(inbox.sent) == 2  # two days, two reminders, never more


def test_badge_announcements_reach_opted_in_cohort_channels_once(chat: FakeChat) -> None:
    chat.send_admin("coach", CREATE)
    chat.send_admin("coach", "/cohort announce on")
    chat.send("ada", "/cohort join")
    play(chat, "ada", "m01", right=True)
    earned = chat.send("ada", "/project submit m01 https://github.com/ada/mlops-env")
    assert "New badge" in earned
    inbox = Inbox()
    assert asyncio.run(announce_badges(chat.services, {"fake": inbox})) >= 1
    assert asyncio.run(announce_badges(chat.services, {"fake": inbox})) == 0
    assert all(dest.channel == "general" for dest, _ in inbox.sent)
    assert any("First Steps" in text for _, text in inbox.sent)
