"""The composition root: every service is built here, from settings, and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import metrics
from bot.core.clock import Clock, SystemClock
from bot.core.interview.store import InterviewStore
from bot.core.ports import (
    BadgeStore,
    CommunityStore,
    EventStore,
    LearnerStore,
    PrivacyStore,
    ProgressStore,
    ProjectStore,
    QuestionStore,
    QuizStore,
    ReviewStore,
)
from bot.settings import Settings
from curriculum.catalog import CONTENT_ROOT, Curriculum, load_curriculum
from knowledge.embeddings import MiniLMEmbedder
from knowledge.llm.providers import LLMConfig
from knowledge.service import Knowledge
from storage.engine import Database
from storage.repositories import (
    EventRepository,
    LearnerRepository,
    ProgressRepository,
    QuestionRepository,
    QuizRepository,
    ReviewRepository,
)
from storage.repositories.badges import BadgeRepository
from storage.repositories.contributions import CommunityRepository
from storage.repositories.interviews import InterviewRepository
from storage.repositories.privacy import PrivacyRepository
from storage.repositories.projects import ProjectRepository


@dataclass
class Services:
    """Everything a handler may use."""

    settings: Settings
    clock: Clock
    db: Database
    curriculum: Curriculum
    learners: LearnerStore
    quizzes: QuizStore
    progress: ProgressStore
    reviews: ReviewStore
    events: EventStore
    questions: QuestionStore
    knowledge: Knowledge
    badges: BadgeStore
    projects: ProjectStore
    community: CommunityStore
    privacy: PrivacyStore
    interviews: InterviewStore

    def close(self) -> None:
        self.knowledge.close()  # a background warm-up first: it uses the model and the index
        self.db.dispose()


def llm_config(settings: Settings) -> LLMConfig | None:
    """The answer model's configuration, or None when TUTOR_LLM is unset."""
    if not settings.llm:
        return None
    return LLMConfig(
        settings.llm,
        base_url=settings.llm_base_url,
        timeout=settings.llm_timeout,
        concurrency=settings.llm_concurrency,
    )


@lru_cache(maxsize=4)
def shipped_curriculum(root: Path = CONTENT_ROOT) -> Curriculum:
    """The curriculum is immutable data: load it once per process."""
    return load_curriculum(root)


def bootstrap(
    settings: Settings,
    *,
    clock: Clock | None = None,
    curriculum: Curriculum | None = None,
    auto_upgrade: bool = False,
    knowledge: Knowledge | None = None,
) -> Services:
    """Build the services; raises DatabaseError/ContentErrors with a clear message."""
    metrics.install_listeners()
    db = Database(settings.effective_database_url)
    db.ensure_schema(auto_upgrade=auto_upgrade)
    curriculum = curriculum or shipped_curriculum()
    return Services(
        settings=settings,
        clock=clock or SystemClock(),
        db=db,
        curriculum=curriculum,
        learners=LearnerRepository(db),
        quizzes=QuizRepository(db),
        progress=ProgressRepository(db),
        reviews=ReviewRepository(db),
        events=EventRepository(db),
        questions=QuestionRepository(db),
        knowledge=knowledge
        or Knowledge.build(
            settings.data_dir,
            chroma_url=settings.chroma_url,
            llm=llm_config(settings),
            embedder=MiniLMEmbedder(backend=settings.embeddings),
            curriculum=curriculum,
        ),
        badges=BadgeRepository(db),
        projects=ProjectRepository(db),
        community=CommunityRepository(db),
        privacy=PrivacyRepository(db),
        interviews=InterviewRepository(db),
    )
