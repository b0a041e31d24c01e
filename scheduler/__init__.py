"""Cohort schedules, weekly posts and exactly-once claims (see issue 9)."""
