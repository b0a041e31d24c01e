"""Quiz use cases: start, answer, resume, review."""
