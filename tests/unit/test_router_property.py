"""Whatever anyone types, the router answers with well-formed replies and a next step."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.bootstrap import Services
from bot.core import texts
from bot.core.incoming import MAX_TEXT, ButtonPress, Incoming
from bot.core.reply import Choices, Reply, Text
from bot.core.router import Router
from bot.testing import make_services

NEXT_STEP_MARKERS = ("`/", "Reply with", "Reply *true*", "Type your answer")

commands = st.builds(
    lambda name, args: f"/{name} {args}".rstrip(),
    st.sampled_from(
        [
            "quiz",
            "roadmap",
            "progress",
            "help",
            "badges",
            "ask",
            "cohort",
            "privacy",
            "project",
            "QUIZ",
            "nope",
            "",
        ]
    ),
    st.text(max_size=60),
)
long_text = st.integers(min_value=MAX_TEXT - 5, max_value=MAX_TEXT * 3).map(lambda n: "é" * n)
# Hostile input (issue 14): digits `int()` refuses, huge numbers, zone folders, NULs, control
# characters, lone surrogates and terminal escapes, alone or inside the commands that parse them.
digit_like = st.sampled_from(["፩", "𐩀", "²", "٣", "9" * 5000, "0", "99", "-1", "1e3"])
zone_like = st.sampled_from(
    ["America", "US", "Etc", "America/Argentina", "z" * 300, "posixrules", "../x", "Etc/UTC"]
)
nasty_chars = st.characters(codec=None, categories=["Cc", "Cs", "Cf", "Zl", "Nd", "No", "Lo"])
escapes = st.sampled_from(["\x1b[2J", "\x1b[31m", "\x1b]0;title\x07", "\x9b1m", "\x00", "\r"])
nasty_text = st.lists(st.one_of(st.text(nasty_chars, max_size=8), escapes), max_size=8).map("".join)
numbered = st.builds(
    "{} {}".format,
    st.sampled_from(["/roadmap", "/quiz section", "/cohort preview", "/cohort skip", "/quiz"]),
    digit_like,
)
zones = st.builds(
    "{}{}".format,
    st.sampled_from(
        ["/privacy tz ", "/cohort create roadmap-12w start:2026-01-05 tz:", "/privacy timezone "]
    ),
    st.one_of(zone_like, nasty_text),
)
hostile = st.one_of(
    numbered,
    zones,
    nasty_text,
    st.builds(
        "{}{}".format, st.sampled_from(["/ask ", "/quiz ", "/project submit m01 ", ""]), nasty_text
    ),
    st.builds("/project submit m01 https://ex.org/p my{}note".format, nasty_text),
)
anything = st.one_of(
    st.text(max_size=300),
    commands,
    long_text,
    hostile,
    st.sampled_from(["@everyone", "<!channel>", "\x00", "   ", "/quiz m99"]),
)
button_values = st.one_of(
    st.text(nasty_chars, max_size=20),
    st.builds("{}:{}:{}".format, digit_like, st.sampled_from(["m01-q01", "x"]), digit_like),
    st.builds("{}:up".format, digit_like),
)


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Router]:
    services: Services = make_services(Path(tmp_path_factory.mktemp("prop")))
    router = Router(services)
    create = "/cohort create roadmap-12w start:2026-01-05 day:mon time:09:00 tz:Europe/Berlin"
    router.handle(Incoming("fake", "w", "cohort", "coach", text=create, is_admin=True))
    yield router
    services.close()


def well_formed(reply: Reply) -> bool:
    texts = [p for p in reply.parts if isinstance(p, Text)]
    choices = [p for p in reply.parts if isinstance(p, Choices)]
    return (
        bool(texts)
        and all(t.markdown.strip() for t in texts)
        and all(c.options and all(o.label and o.value for o in c.options) for c in choices)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=anything, user=st.sampled_from(["ada", "bo", "zoë", "u" * 64]))
def test_any_text_gets_well_formed_replies_with_a_next_step(
    router: Router, text: str, user: str
) -> None:
    incoming = Incoming(
        platform="fake", workspace="w", channel="c", user=user, thread=uuid.uuid4().hex, text=text
    )
    replies = router.handle(incoming)
    assert replies, "the user must always hear back"
    assert all(well_formed(r) for r in replies)
    said = "\n".join(r.plain for r in replies)
    assert any(marker in said for marker in NEXT_STEP_MARKERS), said
    assert_specific(said)


def assert_specific(said: str) -> None:
    """Never the generic error, and nothing a platform could not send or a terminal would run."""
    assert texts.INTERNAL_ERROR not in said and texts.DB_DOWN not in said, said
    assert "\x00" not in said and "\x1b" not in said and "\x9b" not in said, repr(said)
    said.encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile, admin=st.booleans())
def test_hostile_text_gets_a_specific_reply(router: Router, text: str, admin: bool) -> None:
    incoming = Incoming(
        platform="fake", workspace="w", channel="cohort", user="eve", text=text, is_admin=admin
    )
    replies = router.handle(incoming)
    assert replies and all(well_formed(r) for r in replies)
    assert_specific("\n".join(r.plain for r in replies))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(action=st.sampled_from(["quiz.answer", "answer.feedback", "nope"]), value=button_values)
def test_any_button_value_gets_a_specific_reply(router: Router, action: str, value: str) -> None:
    press = ButtonPress(action, value)
    incoming = Incoming(platform="fake", workspace="w", channel="c", user="eve", press=press)
    replies = router.handle(incoming)
    assert replies and all(well_formed(r) for r in replies)
    assert_specific("\n".join(r.plain for r in replies))
