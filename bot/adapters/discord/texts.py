"""Every user-facing and operator-facing string of the Discord adapter."""

# Slash-command descriptions (Discord shows them in the command picker; <= 100 characters).
ASK = "Ask about the course; the answer cites the lessons it comes from"
ASK_QUESTION = "Your question, e.g. what is concept drift?"
QUIZ = "Take a quiz in a thread, one question at a time, with buttons"
QUIZ_TARGET = "A module (m03), section N, level NAME, review or stop; empty = your next module"
INTERVIEW = "A mock interview in a thread, graded on the points interviewers listen for"
INTERVIEW_FOCUS = "week 4, a module (m06), a topic (drift), one, or stop; empty = 5 mixed questions"
PROGRESS = "Where you stand: level, next module, scores, review cards (only you see it)"
PROGRESS_LEARNER = "Someone else: their level, modules and badges, unless they keep them private"
ROADMAP = "Your track's outline and current week, or one week's tasks of any track"
ROADMAP_WEEK = "The week number"
ROADMAP_TRACK = "Another track than yours, e.g. course-5w"
LESSON = "Read a lesson in chat: its outline, or one section in pages"
LESSON_MODULE = "The lesson: a module (m03), an elective (e02) or interview"
LESSON_SECTION = "A section by number or name; empty = the outline"
TRACK = "Which track you follow; pick one when you are not in a cohort"
TRACK_NAME = "A track (e.g. course-5w), or default; empty = show yours and the choices"
NEW = "Start a fresh conversation: your next question is answered on its own"
BADGES = "The badges and how to earn them"
PROJECT = "Hand in a module project, list yours, or (admins) review one"
PROJECT_ACTION = "submit, list, capstone (the brief); cohort admins: pending, approve, changes"
PROJECT_LEARNER = "Admins: whose project to approve, send back or list"
PROJECT_MODULE = "The module the project belongs to"
PROJECT_LINK = "A link to your work (repository, notebook, write-up)"
PROJECT_NOTE = "A short note for the reviewers"
COHORT = "Cohort channels and their weekly schedule"
COHORT_ARGS = "e.g. status, join, leave, preview 2; admins: create roadmap-12w start:2026-03-02"
PRIVACY = "Your privacy settings; export or delete your data (only you see it)"
PRIVACY_ARGS = "e.g. export, delete, tz Europe/Paris, reminders off"
HELP = "What the tutor can do (only you see it)"

# Autocomplete entries for /quiz besides the modules.
QUIZ_EXTRAS = (
    ("review", "review — your due review cards"),
    ("stop", "stop — end the running quiz"),
    ("level beginner", "level beginner — a 10-question mix"),
    ("level intermediate", "level intermediate — a 10-question mix"),
    ("level advanced", "level advanced — a 10-question mix"),
    ("level expert", "level expert — a 10-question mix"),
)
TRACK_CHOICE = "{id} · {title} ({n} weeks)"
TRACK_DEFAULT = "default · back to the tutor's default track"
QUIZ_THREAD_STARTER = "📝 {user} started a quiz: *{target}*. It runs in the thread below."
QUIZ_THREAD_NAME = "Quiz · {user} · {target}"
QUIZ_NEXT_MODULE = "next module"
INTERVIEW_THREAD_STARTER = (
    "🎤 {user} started a mock interview: *{target}*. It runs in the thread below."
)
INTERVIEW_THREAD_NAME = "Interview · {user} · {target}"
INTERVIEW_MIXED = "mixed questions"
QUESTION_THREAD_NAME = "Q: {question}"
SOURCES = "Sources"
FAILED = "Sorry, that did not work on my side. Please try again in a moment."
NOT_ALLOWED = "You cannot use that command here."
GUILD_ONLY = "That command works in a server channel, not in DMs."
NOTHING_TO_SAY = "Done."
SENT_PRIVATELY = "🔒 {user}, that answer is private: I sent it to you in a DM."
PRIVATE_USE_SLASH = (
    "🔒 {user}, that answer is private and your DMs are closed to me. Use the slash command "
    "instead (only you see its answer), e.g. `/privacy export` or `/progress`."
)
COHORT_TEXT_CHANNEL = (
    "A cohort needs a text or announcement channel: weekly posts cannot go to a forum, a voice "
    "channel or a thread. Run `/cohort create ...` in the channel that should get them."
)
MORE_SOURCES = "…and {n} more"
SOURCE_LINE = "• **{title}**"
SOURCE_OPEN = " · read it: `{command}`"

# Operator log lines (never include tokens).
LOG_READY = "Discord: logged in as %s (id %s) in %d server(s)"
LOG_NO_CONTENT = (
    "Discord: the message-content intent is off; follow-ups need a mention and contributions "
    "are counted without text length. Enable 'Message Content Intent' in the developer portal "
    "and set TUTOR_DISCORD_MESSAGE_CONTENT=true to turn it on."
)
LOG_PRIVILEGED_RETRY = (
    "Discord: privileged intents are not enabled for this application in the developer portal; "
    "starting without them (see the README section 'Run on Discord')"
)
LOG_TOO_MANY_BUTTONS = "Discord: %d choices do not fit one message; showing the first %d"
LOG_LONG_CUSTOM_ID = "Discord: button %r dropped: its custom_id exceeds 100 characters"
LOG_NO_THREAD = "Discord: could not create a %s thread (%s); answering in the channel"
LOG_SEND_FAILED = "Discord: could not send to channel %s: %s"
LOG_FAILED = "Discord: interaction %s failed: %r"
LOG_NOT_TOLD = "Discord: could not tell the user that interaction %s failed: %s"
LOG_MESSAGE_FAILED = "Discord: answering message %s failed"
ERR_NO_TOKEN = "DISCORD_TOKEN: not set; create a bot token in the Discord developer portal"
ERR_BAD_TOKEN = "DISCORD_TOKEN: rejected by Discord (reset the token in the developer portal)"
ERR_UNREACHABLE = "Discord: cannot reach discord.com ({error}); check the network and try again"
ERR_BAD_CLIENT_ID = "--client-id: expected the application's numeric id (17 to 20 digits)"
STILL_WRITING = " …"
"""Shown after a model's answer while it is still being written."""
THINKING = "💭 thinking…"
"""Posted where a mention's answer goes as soon as the model is called; the answer replaces it."""
LOG_STREAM_FAILED = "Discord: a streaming edit failed (HTTP %s, code %s); the answer follows"
