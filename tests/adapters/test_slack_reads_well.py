"""Item 13 of issue 15 on Slack: every reply of a learner's and an admin's session reads well."""

from __future__ import annotations

import re

from bot.adapters.slack.render import SECTION_LIMIT, render
from bot.core.reply import Reply
from bot.testing import FakeChat
from tests.unit.test_quiz_transcripts import play

CREATE = "/cohort create course-5w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"
DEFECTS = (
    re.compile(r"\(s\)"),  # "minute(s)", "attempt(s)"
    re.compile(r"\*\*"),  # GitHub bold that Slack shows literally
    re.compile(r" -$", re.MULTILINE),  # a stray dash ending a bullet
    re.compile(r"\b1 (records|tables|minutes|attempts|cohort memberships)\b"),
    re.compile(r"number from 1 to 0"),
)


def session(chat: FakeChat) -> list[Reply]:
    replies: list[Reply] = []
    chat.send_admin("coach", CREATE)
    for text in ("/cohort join", "/roadmap", "/track", "/lesson m01", "/lesson m01 2", "/help"):
        replies += chat.send("ada", text).items
    replies += play(chat, "ada", "m01", right=False).items
    replies += chat.send("ada", "/progress").items
    replies += chat.send("ada", "/privacy export").items
    for text in ("/cohort post-now", "/cohort post-now", "/cohort status", "/cohort report"):
        replies += chat.send_admin("coach", text).items
    replies += chat.send_admin("coach", "/cohort digest maybe").items
    return replies


def test_every_reply_renders_within_slack_limits_without_defects(chat: FakeChat) -> None:
    for reply in session(chat):
        for message in render(reply):
            for block in message.blocks:
                text = block.get("text", {}).get("text", "")
                assert len(text) <= SECTION_LIMIT
                for defect in DEFECTS:
                    assert not defect.search(text), (defect.pattern, text[:300])


def test_citations_on_slack_say_how_to_open_the_section(chat: FakeChat) -> None:
    replies = play(chat, "ada", "m01", right=False).items
    contexts = [
        element["text"]
        for reply in replies
        for message in render(reply)
        for block in message.blocks
        if block["type"] == "context"
        for element in block["elements"]
    ]
    assert contexts and all("read it here: `/lesson m01 " in c for c in contexts)


def test_lesson_pages_on_slack_carry_previous_and_next_buttons(chat: FakeChat) -> None:
    page = chat.send("ada", "/lesson m01 2").items[0]
    blocks = render(page)[0].blocks
    labels = [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert labels == ["◀ Previous", "Next ▶"]
