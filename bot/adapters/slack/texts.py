"""Every user-facing string of the Slack adapter (the core's strings live in `bot.core`)."""

FALLBACK = "MLOps Tutor"
QUIZ_STARTER = "🧠 <@{user}> started a quiz{what}. Answers go in this thread."
ASK_STARTER = "❓ <@{user}> asked: {question}"
ANSWERED = "✔️ <@{user}> answered: *{label}*"
CANNOT_POST = (
    "I can't post in this conversation. Invite me with `/invite @MLOps Tutor`, or use the "
    "command in a channel I'm in or in a direct message with me."
)
PROGRESS_CARD = "Your progress card"
CITATION = "📖 *{title}* · {source}"
CITATION_OPEN = "📖 *{title}* · read it here: `{command}`"
BAR = "{label}  `{bar}`  {done}/{total}"
