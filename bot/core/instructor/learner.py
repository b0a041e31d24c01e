"""One learner's history for their cohort's instructors, within their privacy settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storage.repositories.instructor_stats import InstructorStatsRepository
from storage.tables import AskedQuestion, BadgeAward, Learner, ModuleProgress, ProjectSubmission

if TYPE_CHECKING:
    from bot.bootstrap import Services


@dataclass(frozen=True)
class History:
    """What the page shows. `private` hides quiz detail and questions (public progress off)."""

    learner: Learner
    private: bool
    projects: list[ProjectSubmission]
    modules: list[ModuleProgress] = field(default_factory=list)
    badges: list[BadgeAward] = field(default_factory=list)
    questions: list[AskedQuestion] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.learner.display_name or self.learner.user_id


def history(services: Services, learner: Learner) -> History:
    """Projects always (instructors review them); the rest when progress is public."""
    assert learner.id is not None
    projects = services.projects.of(learner.id)
    if not learner.public_progress:
        return History(learner, True, projects)
    modules = sorted(services.progress.of(learner.id).values(), key=lambda m: m.module_id)
    return History(
        learner,
        False,
        projects,
        modules,
        services.badges.of(learner.id),
        InstructorStatsRepository(services.db).asked_by(learner.id),
    )
