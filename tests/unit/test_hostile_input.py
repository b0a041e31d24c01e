"""Hostile input gets a specific, helpful reply: never the generic error.

Digit-like characters, huge button values, time-zone folders, NUL bytes, lone surrogates and
terminal escapes; each is cleaned at the `Incoming` boundary or refused with a reply that says
what to type instead.
"""

from __future__ import annotations

import pytest

from bot.core.clean_text import clean
from bot.core.incoming import ButtonPress, Incoming
from bot.core.texts import DB_DOWN, INTERNAL_ERROR
from bot.core.timezones import parse_zone
from bot.testing import FakeChat, Replies
from curriculum.numbers import ascii_int

GENERIC = ("Something went wrong", "can't reach my database")
COHORT = "/cohort create roadmap-12w start:2026-01-05 day:mon time:09:00 tz:Europe/Berlin"


def specific(replies: Replies) -> str:
    said = replies.text
    assert not any(g in said for g in GENERIC), said
    assert said.strip(), "the user must hear back"
    assert "\x00" not in said and "\x1b" not in said
    said.encode("utf-8")  # no lone surrogates: Slack and Discord could not send them
    return said


def test_ascii_int_reads_only_ascii_digits() -> None:
    assert ascii_int("12") == 12
    assert [ascii_int(x) for x in ("፩", "𐩀", "²", "١", "-1", " 1", "", "9" * 5000)] == [None] * 8


@pytest.mark.parametrize("digit", ["፩", "𐩀", "²"])
def test_digit_like_characters_are_not_numbers(chat: FakeChat, digit: str) -> None:
    assert "there is no week" in specific(chat.send("ada", f"/roadmap {digit}")).lower()
    assert "sections 1 to 15" in specific(chat.send("ada", f"/quiz section {digit}"))
    chat.send_admin("coach", COHORT, thread=None)
    assert "weeks 1 to" in specific(chat.send_admin("coach", f"/cohort preview {digit}"))
    assert "weeks 1 to" in specific(chat.send_admin("coach", f"/cohort skip {digit}"))
    chat.send("ada", "/quiz m01", thread="q")
    said = specific(chat.send("ada", digit, thread="q"))  # "²" reads as 2 after NFKC: graded
    assert any(w in said for w in ("Reply", "Right", "Not quite", "could not read"))


def test_a_button_value_of_five_thousand_digits_is_not_a_quiz_button(chat: FakeChat) -> None:
    for action, value in (
        ("quiz.answer", "9" * 5000 + ":m01-q01:1"),
        ("quiz.answer", "1:m01-q01:" + "9" * 5000),
        ("quiz.answer", "፩:m01-q01:1"),
        ("quiz.answer", "99999999999:m01-q01:1"),
    ):
        incoming = Incoming("fake", "w1", "general", "ada", press=ButtonPress(action, value))
        said = "\n".join(r.plain for r in chat.router.handle(incoming))
        assert "not part of a quiz of yours" in said, said


@pytest.mark.parametrize(
    "zone", ["America", "US", "Etc", "America/Argentina", "a" * 300, "posixrules", "../etc"]
)
def test_time_zone_folders_and_long_names_are_refused(chat: FakeChat, zone: str) -> None:
    assert parse_zone(zone) is None
    assert "not a time zone I know" in specific(chat.send("ada", f"/privacy tz {zone}"))
    said = specific(chat.send_admin("coach", f"{COHORT[: COHORT.index('tz:')]}tz:{zone}"))
    assert "tz:Europe/Berlin" in said


def test_zone_names_are_read_in_any_case(chat: FakeChat) -> None:
    zone = parse_zone("europe/paris")
    assert zone is not None and zone.key == "Europe/Paris"
    assert "Europe/Paris" in specific(chat.send("ada", "/privacy tz europe/PARIS"))


def test_text_is_cleaned_at_the_incoming_boundary() -> None:
    dirty = "/quiz \x1b[2J\x1b]0;pwned\x07m\x0001\udcff\r\nnext\x9b31m"
    incoming = Incoming("fake", "w\x00", "c", "u\udcff", text=dirty, display_name="Eve\x1b[31m")
    assert incoming.text == "/quiz m01\ufffd\nnext"
    assert incoming.workspace == "w" and incoming.user == "u\ufffd"
    assert incoming.display_name == "Eve"
    assert clean("zoë 🎉 ፩\tok") == "zoë 🎉 ፩\tok"


def test_escapes_nuls_and_surrogates_are_never_echoed(chat: FakeChat) -> None:
    for text in (
        "/quiz \x1b[2J\x1b[Hm99",
        "/nope\x00\x00",
        "/ask what is \udcff drift?",
        "/roadmap \udcff",
        "what is \x00 drift?",
    ):
        specific(chat.send("ada", text))


def test_a_project_note_with_a_nul_is_stored_without_it(pg_chat: FakeChat) -> None:
    pg_chat.send("ada", "/roadmap 1")
    said = specific(pg_chat.send("ada", "/project submit m01 https://ex.org/p my\x00note \udcff"))
    assert "m01" in said


def test_storage_on_each_database_accepts_nuls_and_surrogates_from_any_caller(
    pg_chat: FakeChat,
) -> None:
    svc = pg_chat.services
    learner = svc.learners.get_or_create("x\x00", "w", "u\udcff", "N\x00ame", svc.clock.now())
    assert learner.id is not None
    again = svc.learners.get(learner.id)
    assert again is not None and again.display_name == "Name" and again.user_id == "u\ufffd"


def test_the_generic_errors_do_not_claim_nothing_changed_when_something_was() -> None:
    assert "nothing was lost" not in INTERNAL_ERROR and "nothing was changed" not in DB_DOWN
