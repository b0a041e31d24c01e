"""The curriculum catalog: modules, lessons, quizzes, course, roadmap, badges, tracks, declines."""

from curriculum.catalog.declines import Declines
from curriculum.catalog.loader import (
    CONTENT_ROOT,
    ContentError,
    ContentErrors,
    load_curriculum,
    load_declines,
)
from curriculum.catalog.models import (
    Badge,
    Curriculum,
    Lesson,
    Level,
    Module,
    Question,
    QuestionType,
    Track,
    TrackWeek,
)

__all__ = [
    "CONTENT_ROOT",
    "Badge",
    "ContentError",
    "ContentErrors",
    "Curriculum",
    "Declines",
    "Lesson",
    "Level",
    "Module",
    "Question",
    "QuestionType",
    "Track",
    "TrackWeek",
    "load_curriculum",
    "load_declines",
]
