"""Evaluation of answers on learner-style messages (see learner/ and learner.py)."""
