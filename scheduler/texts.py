"""Every string the scheduler posts or sends to admins."""

LATE_NOTE = "_Posted late: I was offline when week {week} was due ({when})._"
DIGEST_HEADER = "*Last week in this cohort*"
DIGEST_PASSES = "• Quizzes passed: {items}"
DIGEST_BADGES = "• New badges: {items}"
DIGEST_QUIET = "• A quiet week: no quizzes passed yet. `/quiz` is waiting."
FAILED_ADMIN = (
    "I could not post week {week} to <#{channel}>: {reason}. I'll retry at {retry}; "
    "check that I'm still in the channel and allowed to post."
)
STUCK_ADMIN = (
    "Week {week} for <#{channel}> started posting at {when} but never confirmed. It may or may "
    "not have gone out; check the channel and use `/cohort post-now` if it is missing."
)
REMINDER = "You have review cards due ({n}). `/quiz review` takes a few minutes."
