"""Learner-facing strings of the router and the small commands."""

HELP = """*MLOps Tutor* — learn MLOps together. Commands:
• `/ask <question>` — an answer from the course material, with citations
• `/quiz [module | section N | level NAME | review]` — a quiz, one question at a time; 80% passes
• `/interview [week N | module | topic | one]` — a mock interview here, graded on key points
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
    "Something went wrong on my side, so this message was not saved. Please try again in a "
    "moment, or `/help`."
)
INTERNAL_ERROR_SAVED = (
    "Something went wrong on my side after part of this was saved. `/progress` (or `/quiz` "
    "in a quiz thread) shows where you stand."
)
DB_DOWN = (
    "I can't reach my database right now, so this message was not saved. Your earlier "
    "progress is safe; please try again in a minute, or see `/help`."
)
DB_BUSY = (
    "My database is busy and your message timed out, so it was not saved. Please send it "
    "again in a moment, or see `/help`."
)
DB_BUSY_PARTLY_SAVED = (
    "My database is busy and timed out after part of this was saved. `/progress` (or `/quiz` "
    "in a quiz thread) shows where you stand; please try again in a moment."
)
DB_DOWN_PARTLY_SAVED = (
    "I lost my database connection after part of this was saved. `/progress` (or `/quiz` "
    "in a quiz thread) shows where you stand; please try again in a minute."
)
