"""What the instructor dashboard shows and does, independent of HTML: access, cohort overview,
questions, content gaps and learner history. The web adapter renders these values."""
