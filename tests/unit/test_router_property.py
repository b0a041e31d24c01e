"""Whatever anyone types, the router answers with well-formed replies and a next step."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.bootstrap import Services
from bot.core.incoming import MAX_TEXT, Incoming
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
anything = st.one_of(
    st.text(max_size=300),
    commands,
    long_text,
    st.sampled_from(["@everyone", "<!channel>", "\x00", "   ", "/quiz m99"]),
)


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Router]:
    services: Services = make_services(Path(tmp_path_factory.mktemp("prop")))
    yield Router(services)
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
