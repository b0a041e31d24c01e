"""`/cohort`: cohort channels, their weekly schedule, membership and report."""
