"""The router as a learner meets it."""

from __future__ import annotations

from bot.core.incoming import MAX_TEXT
from bot.testing import FakeChat


def test_help_lists_every_command(chat: FakeChat) -> None:
    replies = chat.send("ada", "/help")
    for command in (
        "/ask",
        "/quiz",
        "/progress",
        "/roadmap",
        "/badges",
        "/project",
        "/cohort",
        "/privacy",
    ):
        assert command in replies


def test_unknown_commands_and_huge_messages_get_a_next_step(chat: FakeChat) -> None:
    assert "Try `/help`" in chat.send("ada", "/dance")
    assert "too long" in chat.send("ada", "x" * (MAX_TEXT + 1))


def test_an_answer_with_no_quiz_running_says_how_to_start_one(chat: FakeChat) -> None:
    assert "No quiz is running here" in chat.send("ada", "2")


def test_roadmap_outline_and_a_week(chat: FakeChat) -> None:
    outline = chat.send("ada", "/roadmap")
    assert "1. " in outline and "/roadmap 3" in outline
    week = chat.send("ada", "/roadmap 3")
    assert "Week 3 —" in week and "Deliverable:" in week
    assert "there is no week" in chat.send("ada", "/roadmap 99")


def test_badges_lists_all_twelve_with_their_rules(chat: FakeChat) -> None:
    replies = chat.send("ada", "/badges")
    for name in ("Beginner Master", "Tool Master", "Fast Learner", "Innovator"):
        assert name in replies
    assert "How far along you are: `/progress`" in replies


def test_typos_of_commands_suggest_the_right_one(chat: FakeChat) -> None:
    assert "Did you mean `/quiz m01`?" in chat.send("ada", "/qiuz m01")
    assert "Did you mean `/progress`?" in chat.send("ada", "/progres")
    assert "Did you mean `/roadmap`?" in chat.send("ada", "/raodmap")
    unknown = chat.send("ada", "/xyzzy")
    assert "I don't know the command `/xyzzy`" in unknown and "Did you mean" not in unknown


def test_help_without_the_slash_shows_help(chat: FakeChat) -> None:
    for typed in ("help", "Help", "help!", "commands"):
        assert "/quiz" in chat.send("ada", typed) and "/lesson" in chat.send("ada", typed)
