"""`/progress` for a learner with a mixed history, the PNG card, and peers' public summaries."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PIL import Image as PILImage

from bot.adapters.console.render import render
from bot.core.progress.stats import study_streak
from bot.core.reply import Image, ProgressBar
from bot.testing import FakeChat
from tests.unit.test_badges_transcripts import complete, play_with_misses
from tests.unit.test_quiz_transcripts import play


def mixed_history(chat: FakeChat) -> None:
    complete(chat, "ada", "m01")  # complete: quiz + project
    chat.clock.advance(days=1)
    play(chat, "ada", "m02", right=True)  # quiz passed, no project yet
    play(chat, "ada", "m03", right=False)  # failed: review cards and weak topics
    play_with_misses(chat, "ada", "m04", misses=3)
    chat.send("ada", "/project submit m04 https://github.com/ada/m04 early draft")
    chat.clock.advance(days=1)


def test_progress_shows_every_section_in_the_console(chat: FakeChat) -> None:
    mixed_history(chat)
    replies = chat.send("ada", "/progress")
    shown = "\n".join(render(r) for r in replies.items)
    for expected in (
        "Progress for Ada",
        "Level: Beginner · next module: m02 ML Pipeline Basics (quiz passed; /project submit",
        "Beginner modules completed       [#####---------------] 1/4",
        "Expert modules completed",
        "Best quiz scores",
        "m01 MLOps Fundamentals: 100% (1 attempt)",
        "m03 Version Control for ML: 0% (1 attempt)",
        "Projects",
        "m04 submitted 2026-01-06: https://github.com/ada/m04",
        "Badges earned",
        "🎯 First Steps — 2026-01-05",
        "Next badges",
        "Knowledge Seeker 1/5 modules",
        "Review cards due: ",
        "Study streak: 2 days (days with a quiz answer, UTC time)",
        "Weakest topics (right answers, at least 3 answers each)",
        "[image progress-ada.png: Progress card for Ada, ",
    ):
        assert expected in shown, expected
    assert "Review cards due: 0" not in shown
    assert "0/" in shown.split("Weakest topics")[1]


def test_the_progress_card_is_a_non_blank_png(chat: FakeChat) -> None:
    mixed_history(chat)
    reply = chat.send("ada", "/progress").items[0]
    bars = [p for p in reply.parts if isinstance(p, ProgressBar)]
    assert [b.total for b in bars] == [4, 6, 8, 6]
    card = next(p for p in reply.parts if isinstance(p, Image))
    assert card.data.startswith(b"\x89PNG")
    with PILImage.open(io.BytesIO(card.data)) as img:
        assert img.size == (800, 420)
        colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 10


def test_an_empty_history_says_how_to_start(chat: FakeChat) -> None:
    replies = chat.send("newcomer", "/progress")
    assert "Progress for Newcomer" in replies
    assert "You have not taken a quiz yet" in replies
    assert "Badges earned:* none yet" in replies


def test_a_peer_summary_unless_they_opted_out(chat: FakeChat) -> None:
    complete(chat, "ada", "m01")
    peer = chat.send("bo", "/progress @Ada")
    assert "*Ada* — public progress" in peer and "1/24 modules complete" in peer
    assert "First Steps" in peer and "100%" not in peer
    assert "public progress" in chat.send("bo", "/progress <@ada>")
    assert "Peers cannot see" in chat.send("ada", "/privacy public off")
    assert "Ada keeps their progress private." in chat.send("bo", "/progress @ada")
    assert "I don't know anyone called" in chat.send("bo", "/progress @nobody")
    assert "Progress for Ada" in chat.send("ada", "/progress @ada")


def test_the_streak_counts_days_in_the_learners_time_zone() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    answers = [
        datetime(2026, 1, 4, 14, 0, tzinfo=UTC),  # Jan 4, 23:00 in Tokyo
        datetime(2026, 1, 4, 16, 0, tzinfo=UTC),  # Jan 5, 01:00 in Tokyo
        datetime(2026, 1, 6, 1, 0, tzinfo=UTC),
    ]
    assert study_streak(answers, tokyo, date(2026, 1, 6)) == 3
    assert study_streak(answers, UTC, date(2026, 1, 6)) == 1
    assert study_streak(answers, tokyo, date(2026, 1, 7)) == 3
    assert study_streak(answers, tokyo, date(2026, 1, 8)) == 0


def test_progress_uses_the_learners_own_time_zone(chat: FakeChat) -> None:
    assert "Europe/Paris" in chat.send("ada", "/privacy tz Europe/Paris")
    play(chat, "ada", "m01", right=True)
    assert "Europe/Paris time" in chat.send("ada", "/progress")
