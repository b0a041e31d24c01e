"""Every learner- and admin-facing string of the cohort feature."""

USAGE = (
    "Cohort commands: `/cohort create <track> start:YYYY-MM-DD [day:mon] [time:09:00] "
    "[tz:Europe/Berlin]`, `/cohort status`, `/cohort preview [week]`, `/cohort join`, "
    "`/cohort leave`; admins: `pause`, `resume`, `skip <week>`, `unskip <week>`, `post-now`, "
    "`late-policy post|skip`, `digest on|off`, `announce on|off`, `approval on|off`, `report`, "
    "`faq add <question> | <answer>`, `faq remove <id>`, `dashboard`; everyone: `faq`."
)
NOT_ADMIN = (
    "Only cohort admins can {what} (Slack: workspace admins or TUTOR_SLACK_ADMIN_IDS; "
    "Discord: members with Manage Server). `/cohort status` shows the schedule."
)
SUB_USAGE = {
    "create": "`/cohort create <track> start:YYYY-MM-DD [day:mon] [time:09:00] [tz:Europe/Berlin]`",
    "preview": "`/cohort preview [week]`, e.g. `/cohort preview 2`",
    "skip": "`/cohort skip <week>`, e.g. `/cohort skip 3`",
    "unskip": "`/cohort unskip <week>`, e.g. `/cohort unskip 3`",
    "late-policy": "`/cohort late-policy post` or `/cohort late-policy skip`",
    "digest": "`/cohort digest on` or `/cohort digest off`",
    "announce": "`/cohort announce on` or `/cohort announce off`",
    "approval": "`/cohort approval on` or `/cohort approval off`",
}
NO_COHORT = "This channel is not a cohort channel. An admin can make it one: " + SUB_USAGE["create"]
IN_DM = "Cohorts live in channels: run `/cohort create ...` in the cohort's channel, not a DM."
EXISTS = "This channel is already a cohort channel. `/cohort status` shows it."
BAD_TRACK = "I don't know the track *{given}*. Tracks: {tracks}. Usage: " + SUB_USAGE["create"]
BAD_OPTION = "I could not read *{given}*. Expected {expected}. Usage: {usage}"
CREATED = (
    "This channel now follows *{track}*. Week 1 posts {first}; then every {day} at {time} "
    "({tz}). Learners: `/cohort join`. Preview a week with `/cohort preview 1`."
)
STATUS = (
    "*Cohort: {track}*\nStarts {start}; posts {day} {time} ({tz}); late policy: {late}; "
    "digest: {digest}; badge announcements: {announce}; project approval: {approval}.\n"
    "{state}Members: {members}. Next: {next}.\n*Schedule* ({tz}):\n{schedule}"
)
PAUSED = "Weekly posts are paused. `/cohort resume` restarts them (paused weeks are not sent)."
RESUMED = "Weekly posts resumed. Next: {next}."
SKIPPED = (
    "Week {week} will not be posted. `/cohort unskip {week}` takes that back; "
    "`/cohort status` shows the schedule."
)
UNSKIPPED = "Week {week} will be posted again{when}. `/cohort status` shows the schedule."
UNSKIPPED_LATE = (
    " (its slot has passed: the next sweep posts it late, per the late policy, or "
    "`/cohort post-now` sends it)"
)
NOT_SKIPPED = "Week {week} is not skipped, so there is nothing to undo. `/cohort status` shows it."
WEEK_LINE = "• Week {week} · {when} · {state}"
WEEK_POSTED = "posted ✅ ({when})"
WEEK_SKIPPED = "skipped ({why}) — `/cohort unskip {week}` posts it after all"
WEEK_WILL_SKIP = "will be skipped — `/cohort unskip {week}` undoes it"
WEEK_RETRYING = "{status}, being retried"
WEEK_PAUSED = "upcoming (paused)"
WEEK_NEXT = "next ▶"
WEEK_UPCOMING = "upcoming"
NEXT_NONE = "every week is posted or skipped"
NEXT_AT = "week {week}, {when}"
NEXT_EARLY = "week {week} (its slot was {when}; it goes out at the next sweep)"
BAD_WEEK = "The track has weeks 1 to {n}; *{given}* is not one of them. Usage: {usage}"
LATE_POLICY = "Missed weeks after downtime will now be {what}."
SETTING = "{name} is now {state}."
JOINED = (
    "Welcome to the cohort! It follows *{track}*: `/roadmap` shows this week's tasks, then `/quiz`."
)
ALREADY = "You're already in this cohort. `/progress` shows where you stand."
LEFT = "You left the cohort; your own progress is kept. `/cohort join` to come back."
NOT_MEMBER = "You're not a member of this cohort. `/cohort join` to join."
POST_NOW_WAIT = "A post went out {ago} ago; `/cohort post-now` works again in {wait}."
NOTHING_TO_POST = (
    "Every week of this track has been posted or skipped. `/cohort status` shows them."
)
PREVIEW_NOTE = "_Preview only: nothing was posted._"
REPORT_TITLE = "*Cohort report: {track}*"
REPORT_LEARNERS = (
    "*Learners* (week: the first track week with a module quiz not passed; "
    "pending: projects awaiting review)"
)
REPORT_ADMINS = "Admins (not counted as learners): {names}"
FAQ_USAGE = (
    "Cohort FAQ: `/cohort faq` lists it; admins add an entry with "
    "`/cohort faq add When is the demo day? | Friday 12 June, 16:00 CET in #general` and remove "
    "one with `/cohort faq remove 3`."
)
FAQ_TITLE = "*Cohort FAQ* (answered by your organisers)"
FAQ_EMPTY = "This cohort has no FAQ entries yet. Admins: " + FAQ_USAGE
FAQ_TOO_LONG = "Keep the question under 500 characters and the answer under 2,000."
FAQ_ADDED = (
    "Added FAQ entry `{id}`: *{question}*. Learners who ask it now get your answer; "
    "`/cohort faq remove {id}` takes it back."
)
FAQ_REMOVED = "FAQ entry `{id}` removed; it is kept in the audit trail."
FAQ_NO_ENTRY = "This cohort has no FAQ entry `{id}`. `/cohort faq` lists them."
DASHBOARD_LINK = (
    "🔐 Your sign-in link to the instructor dashboard ({cohorts}): {url}\n"
    "It works once, for {minutes} minutes. Don't share it: whoever opens it sees your cohorts."
)
