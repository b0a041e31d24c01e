"""Learner-facing strings of `/project`."""

USAGE = """*Projects* — a module is complete when its quiz is passed (80%+) and its project is \
submitted (and approved, when your cohort requires approval).
• `/project submit <module> <link> [note]` — hand in a project (an http or https link)
• `/project list` — your submissions
• `/project approve <learner> <module>` — cohort admins, when the cohort requires approval
• `/project changes <learner> <module> <note>` — cohort admins: ask for changes"""
SUBMIT_USAGE = (
    "Usage: `/project submit <module> <link> [note]`, "
    "e.g. `/project submit m01 https://github.com/you/mlops-m01`."
)
UNKNOWN_MODULE = (
    "I don't know the module `{given}`. Use its id, e.g. `/project submit m01 <link>`. "
    "The modules are:\n{modules}"
)
MODULE_LINE = "`{id}` {title}"
BAD_LINK = (
    "`{given}` is not a link I can accept: give a full http:// or https:// address "
    "(for example a repository or a notebook), then try `/project submit {module} <link>` again."
)
SUBMITTED = "📦 Project for `{module}` {title} recorded: {url} (`/project list` shows them all)"
ALREADY = "That link is already submitted for `{module}`; nothing changed. See `/project list`."
NEEDS_APPROVAL = "Your cohort reviews projects: it counts once a cohort admin approves it."
QUIZ_NEXT = "To complete the module, pass its quiz too: `/quiz {module}`."
LIST_TITLE = "*Your project submissions*"
LIST_LINE = "• `{module}` {status} — {url}{note}"
REVIEWER_NOTE = "    _Reviewer's note:_ {note}"
LIST_FOOTER = "Hand in another with `/project submit <module> <link> [note]`."
LIST_EMPTY = "You have not submitted a project yet. " + SUBMIT_USAGE
ADMIN_ONLY = "Only cohort admins can review projects. See `/project` for what you can do."
REVIEW_USAGE = (
    "Usage: `/project approve <learner> <module>` or `/project changes <learner> <module> <note>`."
)
NO_SUCH_LEARNER = (
    "I don't know a learner called `{who}` here; use their @mention: `/project approve @name m01`."
)
NO_APPROVAL = (
    "{name}'s cohort does not require project approval: a submission is enough (`/project submit`)."
)
NOTHING_TO_REVIEW = (
    "{name} has no submission for `{module}` waiting for review; they can send one with "
    "`/project submit {module} <link>`."
)
APPROVED = "✅ Approved {name}'s project for `{module}`. They can see it in `/progress`."
CHANGES = "✏️ Asked {name} for changes on `{module}`: {note} (they resubmit with `/project submit`)"
CHANGES_NOTE_NEEDED = "Say what should change: `/project changes <learner> <module> <note>`."
