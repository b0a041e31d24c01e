"""Repositories: the only code that writes SQL. Each takes a Database and a time."""

from storage.repositories.events import EventRepository
from storage.repositories.learners import LearnerRepository
from storage.repositories.progress import ProgressRepository
from storage.repositories.questions import QuestionRepository
from storage.repositories.quizzes import QuizRepository
from storage.repositories.reviews import ReviewRepository

__all__ = [
    "EventRepository",
    "LearnerRepository",
    "ProgressRepository",
    "QuestionRepository",
    "QuizRepository",
    "ReviewRepository",
]
