"""Learner-facing strings of `/privacy`."""

SETTINGS = """*Your privacy settings*
• Time zone: `{zone}`{zone_note} — `/privacy tz <Area/City>`
• Review reminders: *{reminders}* — `/privacy reminders on|off`
• Badge announcements in the cohort channel: *{announce}* — `/privacy announce on|off`
• Peers can see your `/progress`: *{public}* — `/privacy public on|off`
• `/privacy export` — all data held about you, as a JSON file
• `/privacy delete` — remove all of it (asks for confirmation)"""
ZONE_OWN = ""
ZONE_INHERITED = " (from your cohort, or the default)"
ON, OFF = "on", "off"
USAGE = (
    "Usage: `/privacy`, `/privacy tz <Area/City>`, `/privacy reminders|announce|public on|off`, "
    "`/privacy export` or `/privacy delete`; admins for a learner: `/privacy for @name export`."
)
BAD_ZONE = (
    "`{given}` is not a time zone I know. Use an IANA name such as `Europe/Paris`, "
    "`America/New_York` or `UTC`: `/privacy tz Europe/Paris`."
)
ZONE_SET = (
    "Time zone set to `{zone}`: streaks and badge days now count in it. `/privacy` shows all."
)
SWITCH_SET = {
    "reminders": "Review reminders are now *{state}*. `/privacy` shows all your settings.",
    "announce": "Badge announcements in your cohort channel are now *{state}*. See `/privacy`.",
    "public": "Peers {can} see your `/progress` from now on. See `/privacy`.",
}
ON_OFF = "Say `on` or `off`, e.g. `/privacy {what} off`."
EXPORTED = (
    "Here is everything held about you ({rows} in {tables}: quiz answers, "
    "badges, project submissions, questions asked, feedback, events ...). "
    "`/privacy delete` removes it all."
)
EXPORT_FILE = "mlops-tutor-export-{user}.json"
EXTRA_ARGS = (
    "`/privacy {verb}` only acts on your own data and takes no name, so I did nothing with "
    "*{given}*. For your own data send `/privacy {verb}` alone."
)
ADMIN_HOW = (
    " As a cohort admin acting for a learner, name them explicitly: "
    "`/privacy for @name {verb}` (it asks for confirmation first)."
)
FOR_USAGE = (
    "Admins only, on a learner's behalf: `/privacy for @name export` or "
    "`/privacy for @name delete`; each asks you to confirm with `... confirm`."
)
FOR_NOT_ADMIN = "Only cohort admins can act on someone else's data. Your own: `/privacy`."
FOR_UNKNOWN = "I don't know a learner called `{who}` here. " + FOR_USAGE
FOR_SELF = "That's you: use `/privacy {verb}` for your own data."
FOR_ASK = (
    "⚠️ You are about to *{verb}* the data of *{name}*, as an admin acting on their behalf"
    "{what}. To go ahead, send `/privacy for {who} {verb} confirm` within {minutes} minutes."
)
FOR_ASK_DELETE = ": every row held about them is removed and cannot be restored"
FOR_ASK_EXPORT = ": you receive a JSON file of everything held about them"
FOR_NOT_ASKED = "Send `/privacy for {who} {verb}` first; then confirm within {minutes} minutes."
FOR_EXPORTED = (
    "Everything held about *{name}* ({rows} in {tables}), exported on their behalf by {admin}."
)
FOR_DELETED = "🗑️ Deleted the data of *{name}* on their behalf: {what}. Your own data is untouched."
DELETE_ASK = (
    "⚠️ This removes *everything* held about you: quiz answers and scores, review cards, badges, "
    "project submissions, questions asked and feedback, contributions and settings. It cannot be "
    "undone. To go ahead, send `/privacy delete confirm` within {minutes} minutes."
)
DELETE_NOT_ASKED = "Send `/privacy delete` first; then confirm within {minutes} minutes."
DELETED = (
    "🗑️ Done. Removed {what}, and your profile and settings. Cohort statistics are computed "
    "from the remaining data, so they stay consistent. `/help` to start again."
)
DELETED_NOTHING = "no activity"
TABLE_LABELS = {
    "learner": ("your profile and settings", "your profile and settings"),
    "quiz_session": ("quiz session", "quiz sessions"),
    "quiz_answer": ("quiz answer", "quiz answers"),
    "module_progress": ("module score", "module scores"),
    "review_card": ("review card", "review cards"),
    "badge_award": ("badge", "badges"),
    "project_submission": ("project submission", "project submissions"),
    "asked_question": ("question asked", "questions asked"),
    "answer_feedback": ("answer feedback", "answer feedback"),
    "event": ("activity event", "activity events"),
    "cohort_member": ("cohort membership", "cohort memberships"),
    "acknowledgements_given": ("reaction or reply you gave", "reactions and replies you gave"),
}
