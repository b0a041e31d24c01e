"""Every learner-facing string of the ask feature."""

USAGE = "Ask about the course with `/ask <question>`, for example `/ask what is concept drift?`."
FOLLOW_UP = "_Ask a follow-up here in the thread, or test yourself with `/quiz {module}`._"
FOLLOW_UP_GENERIC = "_Ask a follow-up here in the thread, or test yourself with `/quiz`._"
DECLINED_NEXT = "_Browse the course with `/roadmap`, or rephrase with the tool or term you mean._"
TOO_FAST = (
    "You're asking faster than I can keep up ({limit} questions a minute). Give me a moment, "
    "then ask again; meanwhile `/quiz` tests what you know."
)
DAILY_LIMIT = (
    "You've asked {limit} questions today, my daily limit. Try `/quiz` or `/roadmap` meanwhile."
)
NO_INDEX = (
    "The course index is empty, so I can't look anything up yet. An operator needs to run "
    "`mlops-tutor ingest`. Meanwhile `/quiz` and `/roadmap` work."
)
HELPFUL = "👍 Helpful"
NOT_HELPFUL = "👎 Not helpful"
THANKS = "Thanks, your feedback is noted. Ask again any time with `/ask`."
UNKNOWN_ANSWER = "That answer no longer exists. " + USAGE
FEEDBACK_ACTION = "answer.feedback"
