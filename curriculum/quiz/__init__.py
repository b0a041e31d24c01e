"""Pure quiz logic: planning sessions, reading and grading answers, scoring, reviews."""

from curriculum.quiz.grading import ChoiceReading, grade, normalise, read_choice
from curriculum.quiz.planning import PlannedQuiz, choice_labels, plan_quiz
from curriculum.quiz.scoring import PASS_PERCENT, is_pass, percent

__all__ = [
    "PASS_PERCENT",
    "ChoiceReading",
    "PlannedQuiz",
    "choice_labels",
    "grade",
    "is_pass",
    "normalise",
    "percent",
    "plan_quiz",
    "read_choice",
]
