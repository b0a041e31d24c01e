"""Evaluation of retrieval and declining on learner-style questions (see questions.yaml)."""
