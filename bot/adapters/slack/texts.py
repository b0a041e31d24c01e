"""Every user-facing string of the Slack adapter (the core's strings live in `bot.core`)."""

FALLBACK = "MLOps Tutor"
QUIZ_STARTER = "🧠 <@{user}> started a quiz{what}. Answers go in this thread."
INTERVIEW_STARTER = "🎤 <@{user}> started a mock interview{what}. Answers go in this thread."
ASK_STARTER = "❓ <@{user}> asked: {question}"
ANSWERED = "✔️ <@{user}> answered: *{label}*"
CANNOT_POST = (
    "I can't post in this conversation. Invite me with `/invite @MLOps Tutor`, or use the "
    "command in a channel I'm in or in a direct message with me."
)
FAILED = (
    "Something went wrong on my side while answering that command. Please try again in a "
    "moment; `/help` lists what I can do."
)
ARCHIVED = "This channel is archived, so I can't post here. Try the command in another channel."
RESTRICTED = (
    "This channel doesn't let me post here (it's restricted or read-only). Try the command in "
    "a direct message with me."
)
MSG_TOO_LONG = "That is too long for one Slack message. Please shorten it and try again."
RATE_LIMITED = "Slack is asking me to slow down. Please try again in a minute."
SLACK_REFUSED = "Slack refused my message ({code}). Please try again, or use a direct message."
SLACK_ERRORS = {
    "not_in_channel": CANNOT_POST,
    "channel_not_found": CANNOT_POST,
    "is_archived": ARCHIVED,
    "msg_too_long": MSG_TOO_LONG,
    "msg_blocks_too_long": MSG_TOO_LONG,
    "restricted_action": RESTRICTED,
    "restricted_action_read_only_channel": RESTRICTED,
    "restricted_action_thread_only_channel": RESTRICTED,
    "restricted_action_non_threadable_channel": RESTRICTED,
    "ekm_access_denied": RESTRICTED,
    "ratelimited": RATE_LIMITED,
}


def slack_error(code: str) -> str:
    """What to tell the learner when the Web API refused a call with `code`."""
    return SLACK_ERRORS.get(code, SLACK_REFUSED.format(code=code[:40] or "unknown error"))


PROGRESS_CARD = "Your progress card"
CITATION = "📖 *{title}* · {source}"
CITATION_OPEN = "📖 *{title}* · read it here: `{command}`"
BAR = "{label}  `{bar}`  {done}/{total}"
THINKING = "💭 _thinking…_"
STILL_WRITING = " …"
