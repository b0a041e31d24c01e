"""`/cohort` as admins and learners use it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from bot.testing import FakeChat
from storage.tables import AskedQuestion
from tests.unit.test_quiz_transcripts import play

CREATE = "/cohort create roadmap-12w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"


def test_create_status_preview_and_membership(chat: FakeChat) -> None:
    created = chat.send_admin("coach", CREATE)
    assert "Week 1 posts Mon 30 Nov 2026 09:00 CET" in created
    assert "already a cohort channel" in chat.send_admin("coach", CREATE)
    assert "Welcome to the cohort" in chat.send("ada", "/cohort join")
    assert "already in this cohort" in chat.send("ada", "/cohort join")
    status = chat.send("ada", "/cohort status")
    assert "Members: 2" in status and "Next: week 1" in status
    assert "Week 3 —" in chat.send("ada", "/cohort preview 3")
    assert "weeks 1 to 12" in chat.send("ada", "/cohort preview 13")
    assert "You left the cohort" in chat.send("ada", "/cohort leave")


def test_bad_create_arguments_say_what_is_expected(chat: FakeChat) -> None:
    assert "I don't know the track" in chat.send_admin(
        "coach", "/cohort create nope start:2026-01-01"
    )
    assert "start:YYYY-MM-DD" in chat.send_admin("coach", "/cohort create roadmap-12w start:soon")
    assert "tz:Europe/Berlin" in chat.send_admin(
        "coach", "/cohort create roadmap-12w start:2026-11-30 tz:Mars/Olympus"
    )
    assert "day:mon..sun" in chat.send_admin(
        "coach", "/cohort create roadmap-12w start:2026-11-30 day:someday"
    )
    assert "not a cohort channel" in chat.send("ada", "/cohort status")


def test_post_now_posts_the_next_week_once_and_is_rate_limited(chat: FakeChat) -> None:
    chat.send_admin("coach", CREATE)
    chat.clock.set_time(datetime(2026, 11, 20, 12, tzinfo=UTC))
    first = chat.send_admin("coach", "/cohort post-now")
    assert "Week 1 —" in first and not first.items[0].in_thread
    assert "works again in" in chat.send_admin("coach", "/cohort post-now")
    chat.clock.advance(minutes=11)
    assert "Week 2 —" in chat.send_admin("coach", "/cohort post-now")
    status = chat.send("coach", "/cohort status")
    assert "• Week 1 · Mon 30 Nov 09:00 · posted ✅" in status
    assert "• Week 2 · Mon 07 Dec 09:00 · posted ✅" in status


def test_report_shows_statistics_missed_questions_gaps_and_active_learners(chat: FakeChat) -> None:
    chat.send_admin("coach", CREATE)
    chat.send("ada", "/cohort join")
    chat.send("bo", "/cohort join")
    play(chat, "ada", "m01", right=True)
    play(chat, "bo", "m01", right=False)
    chat.send("bo", "What's a good lasagna recipe?")
    with chat.services.db.session() as s:  # the fake embedder cannot judge relevance: seed a gap
        row = s.exec(select(AskedQuestion)).one()
        row.declined = True
        s.add(row)
    report = chat.send_admin("coach", "/cohort report")
    assert "`m01`: 2 attempts, 1 passed (50%)" in report
    assert "Most-missed questions" in report and "1/2 wrong" in report
    assert "lasagna" in report
    assert "Active learners (7 days): 2" in report


def test_every_admin_who_acted_is_listed_as_one_and_not_counted_as_a_learner(
    chat: FakeChat,
) -> None:
    chat.send_admin("coach", CREATE)
    for name in ("ada", "dana", "bo"):
        chat.send(name, "/cohort join")
    assert "Week 3 will not be posted" in chat.send_admin("dana", "/cohort skip 3")
    assert "Only cohort admins" in chat.send("bo", "/cohort pause")  # refused: still a learner
    chat.send_admin("eve", "/cohort status")  # admin rights, but no admin action: not recorded
    for name in ("ada", "dana", "bo"):
        play(chat, name, "m01", right=True)
    report = chat.send_admin("coach", "/cohort report").text
    assert "*Active learners (7 days): 2 of 2*\n• Ada, Bo\n" in report
    assert "Admins (not counted as learners): Coach, Dana" in report
    table = report.split("```")[1]
    assert "Ada" in table and "Bo" in table and "Dana" not in table and "Coach" not in table


def test_status_shows_every_week_and_next_skips_what_post_now_sent(chat: FakeChat) -> None:
    chat.send_admin("coach", CREATE)
    chat.clock.set_time(datetime(2026, 11, 20, 12, tzinfo=UTC))
    chat.send_admin("coach", "/cohort post-now")
    chat.send_admin("coach", "/cohort skip 3")
    status = chat.send("ada", "/cohort status").text
    assert "Next: week 2, Mon 07 Dec 2026 09:00 CET" in status
    assert "• Week 1 · Mon 30 Nov 09:00 · posted ✅" in status
    assert "• Week 2 · Mon 07 Dec 09:00 · next ▶" in status
    assert "• Week 3 · Mon 14 Dec 09:00 · will be skipped — `/cohort unskip 3`" in status
    assert "• Week 4 · Mon 21 Dec 09:00 · upcoming" in status
    assert "Next: week 1" not in status


def test_unskip_takes_a_skip_back_even_after_its_slot_passed(chat: FakeChat) -> None:
    chat.send_admin("coach", CREATE)
    assert "is not skipped" in chat.send_admin("coach", "/cohort unskip 2")
    chat.send_admin("coach", "/cohort skip 2")
    assert "Week 2 will be posted again." in chat.send_admin("coach", "/cohort unskip 2")
    assert "• Week 2 · Mon 07 Dec 09:00 · upcoming" in chat.send("ada", "/cohort status")
    chat.send_admin("coach", "/cohort skip 2")
    chat.clock.set_time(datetime(2026, 12, 8, 12, tzinfo=UTC))
    late = chat.send_admin("coach", "/cohort unskip 2")
    assert "its slot has passed" in late and "/cohort post-now" in late
    assert "Usage: `/cohort unskip <week>`" in chat.send_admin("coach", "/cohort unskip")
    assert "Only cohort admins" in chat.send("ada", "/cohort unskip 2")


def test_report_has_a_row_per_learner_without_the_admin_and_whole_words(
    chat: FakeChat,
) -> None:
    chat.send_admin("coach", CREATE)
    chat.send("ada", "/cohort join")
    chat.send("bo", "/cohort join")
    play(chat, "ada", "m01", right=True)
    chat.send_admin("coach", "/quiz m01")
    report = chat.send_admin("coach", "/cohort report").text
    assert "*Active learners (7 days): 1 of 2*\n• Ada\n" in report
    table = report.split("```")[1]
    assert "Ada" in table and "Bo" in table and "learner" in table and "pending" in table
    assert "Coach" not in table
    for line in report.splitlines():
        if line.startswith("• `") and " wrong: " in line and line.endswith("…"):
            assert line[-2] != " "
