"""Learner-facing strings of the router and the small commands."""

HELP = """*MLOps Tutor* — learn MLOps together. Commands:
• `/ask <question>` — an answer from the course material, with citations
• `/quiz [module | section N | level NAME | review]` — a quiz, one question at a time; 80% passes
• `/progress` — where you stand: level, next module, scores, projects, badges, streak
• `/lesson <module> [section]` — read a lesson in chat, a section at a time
• `/roadmap [track] [week]` — your track and its current week, or any week of any track
• `/track [name]` — which track you follow (a cohort's, or one you pick)
• `/badges` — the badges and how to earn them
• `/project submit <module> <link> [note]` — hand in a module project
• `/cohort ...` — cohort channels and their weekly schedule
• `/privacy` — your settings, export or delete your data
• `/new` — start a fresh conversation (earlier questions are no longer context)
• `/help` — this list
Start with `/roadmap` or `/quiz`."""
UNKNOWN_COMMAND = "I don't know the command `/{name}`. Try `/help` for the list."
DID_YOU_MEAN = (
    "I don't know the command `/{name}`. Did you mean `/{guess}{args}`? `/help` lists all."
)
EMPTY = "Say something, or try `/help` for what I can do."
TOO_LONG = (
    "That message is too long for me ({n} characters; the limit is {limit}). "
    "Please shorten it, or see `/help`."
)
INTERNAL_ERROR = (
    "Something went wrong on my side and nothing was lost. Please try again in a moment, "
    "or `/help`."
)
DB_DOWN = (
    "I can't reach my database right now, so nothing was changed. Your progress is safe; "
    "please try again in a minute, or see `/help`."
)
