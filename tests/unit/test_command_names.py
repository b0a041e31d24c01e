"""Naming commands the way a platform registered them (Slack with a prefix: `/tutor-quiz`)."""

from __future__ import annotations

import pytest

from bot.core import router
from bot.core.command_names import NAMES, NEUTRAL, CommandNaming
from bot.core.reply import Choice, Choices, Citation, ProgressBar, Reply, Text

TUTOR = CommandNaming("tutor-")


def test_the_names_are_every_command_the_router_knows() -> None:
    assert set(NAMES) == set(router.COMMANDS)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Try `/help` for the list.", "Try `/tutor-help` for the list."),
        (
            "Take `/quiz m01`, then `/lesson m01 2`.",
            "Take `/tutor-quiz m01`, then `/tutor-lesson m01 2`.",
        ),
        ("(/quiz e04) and /progress.", "(/tutor-quiz e04) and /tutor-progress."),
        ("*/cohort status*", "*/tutor-cohort status*"),
        (
            "see https://example.org/quiz and docs/lesson",
            "see https://example.org/quiz and docs/lesson",
        ),
        ("mount /project/data and ~/track", "mount /project/data and ~/track"),
        ("/quizzes, /projects, /help-desk", "/quizzes, /projects, /help-desk"),
        ("`/invite @MLOps Tutor`", "`/invite @MLOps Tutor`"),
        ("/tutor-quiz already named", "/tutor-quiz already named"),
    ],
)
def test_commands_named_in_text_get_the_prefix_and_nothing_else_does(text: str, named: str) -> None:
    assert TUTOR.text(text) == named
    assert TUTOR.text(named) == named  # naming twice changes nothing
    assert NEUTRAL.text(text) == text


def test_typed_prefixed_commands_reach_the_core_by_their_own_name() -> None:
    assert TUTOR.neutral("/tutor-quiz stop") == "/quiz stop"
    assert TUTOR.neutral("/tutor-qiuz") == "/qiuz"  # so the router can suggest /quiz
    assert TUTOR.neutral("/quiz stop") == "/quiz stop"
    assert TUTOR.neutral("what is /tutor-quiz?") == "what is /tutor-quiz?"
    assert NEUTRAL.neutral("/quiz") == "/quiz"


def test_a_named_reply_names_its_text_citations_buttons_and_bars() -> None:
    reply = Reply(
        (
            Text("Read it with `/lesson m01`."),
            Citation("Key terms", "lessons/m01.md", "key-terms", module_id="m01"),
            Choices("x", (Choice("Open /progress", "v"),)),
            ProgressBar("/quiz review", 1, 2),
        ),
        ephemeral=True,
    )
    named = reply.named(TUTOR)
    text, citation, choices, bar = named.parts
    assert isinstance(text, Text) and text.markdown == "Read it with `/tutor-lesson m01`."
    assert isinstance(citation, Citation)
    assert citation.command == "/tutor-lesson m01 key-terms"
    assert isinstance(choices, Choices) and choices.options[0] == Choice(
        "Open /tutor-progress", "v"
    )
    assert isinstance(bar, ProgressBar) and bar.label == "/tutor-quiz review"
    assert named.ephemeral and reply.named(NEUTRAL) is reply
