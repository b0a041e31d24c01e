"""Learner-facing strings of `/project`."""

USAGE = """*Projects* — a module is complete when its quiz is passed (80%+) and its project is \
submitted (and approved, when your cohort requires approval).
• `/project submit <module> <link> [note]` — hand in a project (an http or https link)
• `/project capstone` — the final capstone project: brief, milestones and rubric
• `/project submit capstone <link>` — hand in the capstone
• `/project list` — your submissions
• `/project pending` — cohort admins: the submissions waiting for review, oldest first
• `/project list @learner` — cohort admins: that learner's submissions
• `/project approve <learner> <module>` (or `#id`) — cohort admins, when approval is required
• `/project changes <learner> <module> <note>` (or `#id <note>`) — admins: ask for changes"""
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
CAPSTONE_HEAD = "*{title}*"
MILESTONES = "*Milestones*"
MILESTONE_LINE = "• {title} (after {after})"
RUBRIC = "*Rubric* ({score}/100 passes)"
RUBRIC_LINE = "• {title}: {weight} points"
CAPSTONE_SUBMIT = "Hand it in with `/project submit capstone <link>`."
NO_CAPSTONE = "This course has no capstone project."
CAPSTONE_NEXT = (
    "The capstone is scored against its rubric; {score}/100 passes. It does not change module "
    "completion or badges."
)
LIST_TITLE = "*Your project submissions*"
LIST_LINE = "• `{module}` {status} — {url}{note}{review}"
LIST_REVIEW_NOTE = "\n  ✏️ Reviewer's note: {note}"
LIST_OTHER_TITLE = "*{name}'s project submissions*"
LIST_OTHER_EMPTY = "{name} has not submitted a project yet."
LIST_OTHER_ADMIN_ONLY = (
    "Only cohort admins can see another learner's projects; `/project list` shows yours."
)
PENDING_NO_COHORT = (
    "Run `/project pending` in your cohort's channel (I don't know which cohort you review)."
)
PENDING_NO_APPROVAL = (
    "This cohort does not require project approval, so nothing waits for review. "
    "Turn it on with `/cohort approval on`."
)
PENDING_EMPTY = "🎉 No project is waiting for review."
PENDING_TITLE = "*Projects waiting for review* ({n}, oldest first)"
PENDING_ITEM = "`#{id}` *{name}* — `{module}` {title}, sent {when}\n{url}{note}"
PENDING_MORE = "…and {n} more: the dashboard (`/cohort dashboard`) shows them all."
APPROVE_BUTTON = "Approve"
CHANGES_BUTTON = "Request changes"
REVIEW_ACTION = "project.review"
CHANGES_HOW = (
    "Say what should change for {name}'s `{module}` project; they will see your note in chat:\n"
    "`/project changes #{id} <note>`"
)
ALREADY_APPROVED = "{name}'s project for `{module}` is already approved; nothing changed."
ALREADY_CHANGES = (
    "Changes were already requested on {name}'s `{module}` project (note: {note}); "
    "they resubmit with `/project submit`."
)
SUPERSEDED = (
    "{name} has sent a newer submission for `{module}`: review that one (`/project pending`)."
)
NO_SUCH_SUBMISSION = "There is no submission `#{id}` in your cohort; `/project pending` lists them."
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
