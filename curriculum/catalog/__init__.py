"""The curriculum catalog: modules, lessons, quiz banks, course, roadmap, badges and tracks."""

from curriculum.catalog.loader import CONTENT_ROOT, ContentError, ContentErrors, load_curriculum
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
    "Lesson",
    "Level",
    "Module",
    "Question",
    "QuestionType",
    "Track",
    "TrackWeek",
    "load_curriculum",
]
