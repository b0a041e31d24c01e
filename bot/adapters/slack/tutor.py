"""The adapter's bridge to the core: routing off the event loop, dedupe claims, quiz lookups."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import timedelta

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.inbound import PLATFORM, Person
from bot.adapters.slack.people import PeopleDirectory
from bot.bootstrap import Services
from bot.core import typed_choice
from bot.core.activity import Activity
from bot.core.command_names import NEUTRAL, CommandNaming
from bot.core.context import Request
from bot.core.incoming import Incoming
from bot.core.quiz import service as quiz
from bot.core.reply import Reply
from bot.core.router import Router, looks_like_an_answer, split_command
from knowledge.llm.stream import AnswerSink, streaming_to
from storage.repositories.processed import ProcessedEventRepository

PRUNE_EVERY = 500  # claims between clean-ups of old claims
KEEP_CLAIMS = timedelta(days=2)  # Slack stops retrying after minutes


class SlackTutor:
    """Runs the blocking core (database, embeddings) off the event loop for the async listeners.

    Routing and activity share one worker thread: the core's lazy index (Chroma client,
    first-use ingest) is not safe to start from two threads at once, and one lane also keeps
    a thread's follow-up after its question. Claims and lookups run in the default pool.

    Commands cross here in both directions with the app's naming: typed `/tutor-quiz stop`
    reaches the core as `/quiz stop`, and every command a reply names comes out prefixed.
    """

    def __init__(
        self, services: Services, people: PeopleDirectory, naming: CommandNaming = NEUTRAL
    ) -> None:
        self.services = services
        self.router = Router(services)
        self.people = people
        self.naming = naming
        self.processed = ProcessedEventRepository(services.db)
        self._lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="slack-core")
        self._claims = 0

    async def handle(self, incoming: Incoming, sink: AnswerSink | None = None) -> list[Reply]:
        """The core's replies to one message or press (never raises).

        With a `sink`, an answer the model writes is passed to it as it grows.
        """
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._lane, self._route, incoming, sink)

    def _route(self, incoming: Incoming, sink: AnswerSink | None) -> list[Reply]:
        incoming = replace(incoming, text=self.naming.neutral(incoming.text))
        if sink is None:
            replies = self.router.handle(incoming)
        else:
            with streaming_to(NamedSink(sink, self.naming)):
                replies = self.router.handle(incoming)
        return [reply.named(self.naming) for reply in replies]

    async def observe(self, activity: Activity) -> None:
        """Record community activity (never raises)."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._lane, self.router.observe, activity)

    async def claim(self, key: str) -> bool:
        """True the first time a delivery key is seen: retries and double deliveries drop."""
        now = self.services.clock.now()
        self._claims += 1
        if self._claims % PRUNE_EVERY == 0:
            await asyncio.to_thread(self.processed.prune, now - KEEP_CLAIMS)
        return await asyncio.to_thread(self.processed.claim, PLATFORM, key, now)

    async def person(self, client: AsyncWebClient, team: str, user: str) -> Person:
        """Display name and admin rights of a Slack user."""
        return await self.people.lookup(client, team, user)

    async def quiz_running(self, team: str, channel: str, user: str, thread: str | None) -> bool:
        """Whether this learner has a quiz or a mock interview running in this thread."""
        probe = Incoming(
            platform=PLATFORM, workspace=team, channel=channel, user=user, thread=thread
        )
        return await asyncio.to_thread(self._quiz_running, probe)

    async def quiz_problem(self, incoming: Incoming) -> Reply | None:
        """Why this `/quiz` command cannot start a quiz (checked before posting a starter)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._lane, self._quiz_problem, incoming)

    def _quiz_problem(self, incoming: Incoming) -> Reply | None:
        svc = self.services
        learner = svc.learners.get_or_create(
            incoming.platform,
            incoming.workspace,
            incoming.user,
            incoming.display_name,
            svc.clock.now(),
        )
        command = split_command(incoming.clipped_text)
        args = command[1] if command else ""
        problem = quiz.start_problem(Request(incoming, learner, svc, args=args))
        return None if problem is None else problem.named(self.naming)

    async def answers_here(
        self, team: str, channel: str, user: str, thread: str, text: str
    ) -> bool:
        """Whether a thread reply is for the core: a quiz or a mock interview runs in the thread,
        the reply is the number of a button the tutor showed this learner here last, or a quiz
        ran here and the reply looks like an answer (it hears the quiz is over)."""
        probe = Incoming(
            platform=PLATFORM, workspace=team, channel=channel, user=user, thread=thread, text=text
        )
        return await asyncio.to_thread(self._answers_here, probe)

    def _answers_here(self, probe: Incoming) -> bool:
        learner = self.services.learners.find(probe.platform, probe.workspace, probe.user)
        if learner is None or learner.id is None:
            return False
        key = probe.thread_key
        if self.services.interviews.active(learner.id, key) is not None:
            return True
        latest = self.services.quizzes.latest_in_thread(learner.id, key)
        if latest is not None and latest.status == "active":
            return True
        text = self.naming.neutral(probe.clipped_text)
        if typed_choice.pressed_by(self.services, learner.id, key, text) is not None:
            return True
        return latest is not None and looks_like_an_answer(text)

    def _quiz_running(self, probe: Incoming) -> bool:
        learner = self.services.learners.find(probe.platform, probe.workspace, probe.user)
        if learner is None or learner.id is None:
            return False
        key = probe.thread_key
        return (
            self.services.quizzes.active(learner.id, key) is not None
            or self.services.interviews.active(learner.id, key) is not None
        )


@dataclass(frozen=True)
class NamedSink:
    """An answer sink that shows the commands a growing answer names as Slack users type them."""

    sink: AnswerSink
    naming: CommandNaming

    def started(self) -> None:
        self.sink.started()

    def partial(self, text: str) -> None:
        self.sink.partial(self.naming.text(text))
