"""`/lesson`: the course readable in chat, citations that open it, prerequisites mentioned."""

from __future__ import annotations

from bot.core.lesson.pages import PAGE_CHARS
from bot.testing import FakeChat
from tests.unit.test_quiz_transcripts import play

DISCORD_MESSAGE = 2000


def test_lesson_outline_then_a_section_paged_with_next_and_previous(chat: FakeChat) -> None:
    outline = chat.send("ada", "/lesson m01")
    assert "*MLOps Fundamentals* (`m01`)" in outline
    assert "`/lesson m01 key-terms`" in outline
    first = chat.press("ada", "📖 Start reading", outline)
    assert "section 1/" in first and "Previous" not in [o.label for o in first.buttons().options]
    second = chat.press("ada", "Next ▶", first)
    assert "› *Key terms* · section 2/" in second
    assert "*MLOps*: practices, roles and tools" in second and "**" not in second.text
    back = chat.press("ada", "◀ Previous", second)
    assert back.text == first.text


def test_every_page_fits_the_platform_limits(chat: FakeChat) -> None:
    replies = chat.send("ada", "/lesson m01 1")
    pages = 0
    while True:
        pages += 1
        assert len(replies.text) <= DISCORD_MESSAGE
        labels = [o.label for o in replies.buttons().options]
        if "Next ▶" not in labels:
            break
        replies = chat.press("ada", "Next ▶", replies)
    assert pages > 5 and PAGE_CHARS < DISCORD_MESSAGE


def test_a_section_by_anchor_number_and_a_wrong_one(chat: FakeChat) -> None:
    assert "› *Key terms*" in chat.send("ada", "/lesson m01 key-terms")
    assert "› *Key terms*" in chat.send("ada", "/lesson 1 2")
    wrong = chat.send("ada", "/lesson m01 99")
    assert "has no section *99*" in wrong and "/lesson m01 key-terms" in wrong
    assert "I don't know a lesson called *m99*" in chat.send("ada", "/lesson m99")
    assert "`/lesson m03`" in chat.send("ada", "/lesson")


def test_a_failed_quiz_points_at_the_lesson_and_citations_open_their_section(
    chat: FakeChat,
) -> None:
    replies = play(chat, "ada", "m01", right=False)
    assert "`/lesson m01`" in replies
    cited = replies.citations()
    assert cited and cited[0].command is not None
    assert cited[0].command.startswith("/lesson m01 ")
    opened = chat.send("ada", cited[0].command)
    assert f"*{cited[0].title.split(' › ')[-1]}*" in opened


def test_skipping_ahead_mentions_the_prerequisites(chat: FakeChat) -> None:
    started = chat.send("ada", "/quiz m12")
    assert "Heads-up: *m12* builds on" in started and "*Question 1/" in started
    chat.send("ada", "/quiz stop")
    assert "Heads-up" not in chat.send("ada", "/quiz m01")
