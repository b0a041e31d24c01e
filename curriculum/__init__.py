"""Curriculum as validated data, and the pure learning logic (quizzes, reviews, progress)."""
