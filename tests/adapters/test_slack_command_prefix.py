"""Slack with TUTOR_SLACK_COMMAND_PREFIX: every command a reply names is one the app registered,
and a command typed with the prefix in a thread reaches the core."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.broadcast import SlackBroadcaster
from bot.adapters.slack.manifest import adapted_manifest
from bot.adapters.slack.tutor import NamedSink
from bot.core.broadcast import Destination
from bot.core.command_names import NAMES, CommandNaming
from bot.core.reply import Citation, Reply, Text
from curriculum.catalog.models import QuestionType
from tests.adapters.slack_fake_api import BOT_USER, TEAM, FakeSlackApi, settle
from tests.adapters.slack_scenario import SlackScenario, all_text, buttons

PREFIX = "tutor-"
CREATE = "create course-5w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"
MENTIONED = re.compile(r"(?<![\w/.~-])/(?P<name>[a-z][a-z0-9_-]*)")
QUIZ_SCORE = re.compile(r"\d+/\d+ \(\d+%\)")


def registered() -> set[str]:
    """The slash commands a workspace has once the app is installed from its manifest."""
    manifest = adapted_manifest(prefix=PREFIX)
    return {c["command"] for c in manifest["features"]["slash_commands"]}


def test_the_prefixed_manifest_describes_the_commands_by_their_prefixed_names() -> None:
    manifest = adapted_manifest(prefix=PREFIX)
    described = manifest["display_information"]["long_description"]
    assert "/tutor-quiz runs a quiz" in described
    assert tutor_commands_named(described) <= registered()


def tutor_commands_named(text: str) -> set[str]:
    """Every `/name` in the text that names one of the tutor's commands, prefixed or not."""
    names = {m.group("name") for m in MENTIONED.finditer(text)}
    return {f"/{n}" for n in names if n in NAMES or n.startswith(PREFIX)}


def mention(text: str, ts: str, thread: str | None = None) -> dict[str, Any]:
    event = {"type": "app_mention", "channel": "C1", "user": "UADA", "ts": ts}
    return event | {"text": f"<@{BOT_USER}> {text}"} | ({"thread_ts": thread} if thread else {})


async def fail_the_quiz(s: SlackScenario, starter: dict[str, Any]) -> None:
    """Answer every question of the quiz in the starter's thread wrong."""
    assert s.services is not None
    learner = s.services.learners.find("slack", TEAM, "UADA")
    assert learner is not None and learner.id is not None
    for n in range(20):
        if any(QUIZ_SCORE.search(p["text"]) for p in s.posted()[-2:]):
            return
        session = s.services.quizzes.active(learner.id, f"slack:{TEAM}:C1:{starter['ts']}")
        assert session is not None
        question = s.services.curriculum.question(session.question_ids[session.position])
        assert question is not None
        asked = [p for p in s.posted() if "Question " in p["text"]][-1]
        if question.type is QuestionType.SHORT_ANSWER or not buttons(asked):
            typed = {"type": "message", "channel_type": "channel", "text": "no idea at all"}
            await s.event(typed | mention("", f"90{n}.1", starter["ts"]) | {"type": "message"})
        else:
            right = question.canonical_answer()
            wrong = next(b for b in buttons(asked) if not right.startswith(b["text"]["text"]))
            await s.press("UADA", asked, wrong)
        await settle()
    raise AssertionError("the quiz never finished")


def test_every_command_named_in_a_prefixed_session_is_registered(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path, admin_ids="UCOACH", command_prefix=PREFIX) as s:
            await s.command("/tutor-cohort", CREATE, user="UCOACH")
            for name, args in (
                ("cohort", "join"),
                ("help", ""),
                ("roadmap", ""),
                ("track", ""),
                ("lesson", "m01"),
                ("lesson", "m01 2"),
                ("badges", ""),
                ("project", ""),
                ("privacy", ""),
                ("cohort", "bogus"),
                ("cohort", "status"),
                ("new", ""),
                ("quiz", "m12"),
            ):
                assert await s.command(f"/{PREFIX}{name}", args) == 200, name
            await s.event(mention("what is data drift?", "500.1"))
            await s.command("/tutor-quiz", "m01")
            await settle()
            starter = next(p for p in s.posted() if "started a quiz (m01)" in p["text"])
            await fail_the_quiz(s, starter)
            await s.command("/tutor-progress")
            for sub in ("post-now", "report"):
                await s.command("/tutor-cohort", sub, user="UCOACH")
            await settle()
            said = all_text(s.fake)
            named = tutor_commands_named(said)
            assert named <= registered(), sorted(named - registered())
            assert {
                "/tutor-help",
                "/tutor-quiz",
                "/tutor-lesson",
                "/tutor-cohort",
                "/tutor-progress",
                "/tutor-roadmap",
            } <= named
            assert "read it here: `/tutor-lesson m01 " in said  # citations open the section
            for command in sorted(named):  # and Slack would deliver each to this app
                assert await s.command(command, "help") == 200, command
            assert await s.command("/lesson") == 404  # an unprefixed name would not be

    asyncio.run(scenario())


def test_a_prefixed_command_typed_in_a_quiz_thread_reaches_the_quiz(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SlackScenario(tmp_path, command_prefix=PREFIX) as s:
            await s.command("/tutor-quiz", "m01")
            await settle()
            starter = s.posted()[0]
            await s.event(mention("/tutor-quiz stop", "800.1", starter["ts"]))
            await settle()
            stopped = s.posted()[-1]
            assert stopped["thread_ts"] == starter["ts"]
            assert "I don't know the command" not in stopped["text"]
            assert s.services is not None
            learner = s.services.learners.find("slack", TEAM, "UADA")
            assert learner is not None and learner.id is not None
            key = f"slack:{TEAM}:C1:{starter['ts']}"
            assert s.services.quizzes.active(learner.id, key) is None

    asyncio.run(scenario())


def test_scheduled_posts_name_commands_with_the_prefix() -> None:
    async def scenario() -> None:
        fake = await FakeSlackApi().start()
        client = AsyncWebClient(token="xoxb-test", base_url=fake.base_url)
        caster = SlackBroadcaster(client, naming=CommandNaming(PREFIX))
        post = Reply(
            (
                Text("*Week 2* — take `/quiz m03`; stuck? `/ask`"),
                Citation("Key terms", "lessons/m03.md", "key-terms", module_id="m03"),
            )
        )
        await caster.post(Destination("slack", TEAM, "C9"), post)
        await fake.stop()
        said = all_text(fake)
        assert "`/tutor-quiz m03`" in said and "`/tutor-ask`" in said
        assert "`/tutor-lesson m03 key-terms`" in said
        assert tutor_commands_named(said) <= registered()

    asyncio.run(scenario())


class Recorder:
    """An answer sink that keeps what it was shown."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def started(self) -> None:
        self.shown.append("(thinking)")

    def partial(self, text: str) -> None:
        self.shown.append(text)


def test_an_answer_shown_while_it_streams_names_commands_with_the_prefix() -> None:
    recorder = Recorder()
    sink = NamedSink(recorder, CommandNaming(PREFIX))
    sink.started()
    sink.partial("Drift is … test yourself with `/quiz m06`")
    assert recorder.shown == ["(thinking)", "Drift is … test yourself with `/tutor-quiz m06`"]
