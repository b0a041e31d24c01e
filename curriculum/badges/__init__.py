"""Pure badge rules over a learner's record (no I/O): who crossed a threshold, when, and why."""

from curriculum.badges.completion import level_run, module_completions
from curriculum.badges.record import (
    Ack,
    Contribution,
    Grant,
    InterviewAnswer,
    LearnerRecord,
    LevelRun,
    QuizPass,
)
from curriculum.badges.rules import BadgeProgress, evaluate, evaluate_all, progress_toward

__all__ = [
    "Ack",
    "BadgeProgress",
    "Contribution",
    "Grant",
    "InterviewAnswer",
    "LearnerRecord",
    "LevelRun",
    "QuizPass",
    "evaluate",
    "evaluate_all",
    "level_run",
    "module_completions",
    "progress_toward",
]
