"""FakeChat: a test adapter so tests read like chat transcripts.

def test_help(chat):
    replies = chat.send("alice", "/help")
    assert "quiz" in replies.text
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.bootstrap import Services, bootstrap, shipped_curriculum
from bot.core.clock import FakeClock
from bot.core.incoming import ButtonPress, Incoming
from bot.core.reply import Choices, Citation, Reply
from bot.core.router import Router
from bot.settings import Settings
from curriculum.catalog.interview import InterviewQuestion
from curriculum.catalog.models import Curriculum, Question
from knowledge.answer import RelevancePolicy
from knowledge.embeddings import HashingEmbedder
from knowledge.llm.providers import LLMConfig
from knowledge.service import Knowledge
from storage.engine import normalise_url


@dataclass
class Replies:
    """What the tutor answered to one message."""

    items: list[Reply] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(r.plain for r in self.items)

    def citations(self) -> list[Citation]:
        """Every citation in these replies, in order."""
        return [p for r in self.items for p in r.parts if isinstance(p, Citation)]

    def buttons(self) -> Choices:
        """The last set of buttons in these replies."""
        found = [c for r in self.items if (c := r.choices()) is not None]
        assert found, f"no buttons in: {self.text}"
        return found[-1]

    def __contains__(self, needle: str) -> bool:
        return needle in self.text


class FakeChat:
    """Sends messages and button presses through the real router, as named users."""

    def __init__(
        self, services: Services, platform: str = "fake", channel: str = "general"
    ) -> None:
        self.services = services
        self.router = Router(services)
        self.platform = platform
        self.channel = channel
        self.transcript: list[tuple[str, str]] = []

    @property
    def clock(self) -> FakeClock:
        assert isinstance(self.services.clock, FakeClock)
        return self.services.clock

    def current_question(self, user: str, thread: str | None = "t1") -> Question:
        """The question `user`'s quiz in `thread` is waiting on (fails when none runs)."""
        learner = self.services.learners.find(self.platform, "w1", user)
        assert learner is not None and learner.id is not None
        key = f"{self.platform}:w1:{self.channel}:{thread or ''}"
        session = self.services.quizzes.active(learner.id, key)
        assert session is not None, "no quiz is running"
        question = self.services.curriculum.question(session.question_ids[session.position])
        assert question is not None
        return question

    def current_interview_question(self, user: str, thread: str | None = "t1") -> InterviewQuestion:
        """The question `user`'s interview in `thread` is waiting on (fails when none runs)."""
        learner = self.services.learners.find(self.platform, "w1", user)
        assert learner is not None and learner.id is not None
        key = f"{self.platform}:w1:{self.channel}:{thread or ''}"
        session = self.services.interviews.active(learner.id, key)
        assert session is not None, "no interview is running"
        question = self.services.curriculum.interview.get(session.question_ids[session.position])
        assert question is not None
        return question

    def send_admin(self, user: str, text: str, *, thread: str | None = "t1") -> Replies:
        """A message from a cohort admin (the adapter's verdict, e.g. Manage Server)."""
        return self.send(user, text, thread=thread, admin=True)

    def send(
        self,
        user: str,
        text: str,
        *,
        thread: str | None = "t1",
        event_id: str | None = None,
        admin: bool = False,
        sent_at: datetime | None = None,
    ) -> Replies:
        return self._deliver(
            user,
            Incoming(
                platform=self.platform,
                workspace="w1",
                channel=self.channel,
                user=user,
                display_name=user.title(),
                text=text,
                thread=thread,
                event_id=event_id,
                is_admin=admin,
                sent_at=sent_at,
            ),
            text,
        )

    def press(
        self,
        user: str,
        label_or_index: str | int,
        replies: Replies,
        *,
        thread: str | None = "t1",
        admin: bool = False,
    ) -> Replies:
        """Press a button of `replies` by its label or 0-based position."""
        choices = replies.buttons()
        if isinstance(label_or_index, int):
            choice = choices.options[label_or_index]
        else:
            choice = next(o for o in choices.options if o.label == label_or_index)
        return self._deliver(
            user,
            Incoming(
                platform=self.platform,
                workspace="w1",
                channel=self.channel,
                user=user,
                display_name=user.title(),
                thread=thread,
                is_admin=admin,
                press=ButtonPress(choices.action, choice.value),
            ),
            f"[pressed {choice.label}]",
        )

    def _deliver(self, user: str, incoming: Incoming, shown: str) -> Replies:
        self.transcript.append((user, shown))
        replies = Replies(self.router.handle(incoming))
        self.transcript.append(("tutor", replies.text))
        return replies


def wipe_postgres_schema(url: str) -> None:
    """Drop and recreate the public schema of a scratch PostgreSQL database (tests, benchmarks)."""
    engine = create_engine(normalise_url(url), connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            conn.commit()
    finally:
        engine.dispose()


HASHING_POLICY = RelevancePolicy(
    min_similarity=0.2,
    strong_similarity=0.45,
    min_bm25=0.5,
    written_similarity=0.8,
    lead_similarity=0.0,
)
"""Thresholds for the hashing embedder: bag-of-words similarities are not MiniLM's."""


def make_services(
    tmp_path: Path,
    *,
    database_url: str | None = None,
    curriculum: Curriculum | None = None,
    llm: LLMConfig | None = None,
) -> Services:
    """Services on temp storage, a fake clock, and a fast deterministic embedder.

    With `llm`, answers are phrased by that model (tests point it at a local server).
    """
    settings = Settings(
        data_dir=tmp_path, database_url=database_url or f"sqlite:///{tmp_path}/t.db"
    )
    curriculum = curriculum or shipped_curriculum()
    knowledge = Knowledge.build(
        tmp_path,
        embedder=HashingEmbedder(dim=384),
        curriculum=curriculum,
        policy=HASHING_POLICY,
        llm=llm,
    )
    return bootstrap(
        settings, clock=FakeClock(), curriculum=curriculum, auto_upgrade=True, knowledge=knowledge
    )


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[FakeChat]:
    """A FakeChat on a fresh SQLite database and the shipped curriculum."""
    services = make_services(tmp_path)
    yield FakeChat(services)
    services.close()
