"""Words of the dashboard that are not in templates: notices, refusals, flash messages."""

SIGNED_OUT = (
    "You are not signed in. Ask for a sign-in link with `/cohort dashboard` in your cohort's "
    "channel (admins), or run `mlops-tutor dashboard link` on the server."
)
LINK_REFUSED = {
    "unknown": "This sign-in link is not valid. Ask for a new one with `/cohort dashboard`.",
    "expired": "This sign-in link has expired (links last 15 minutes). Ask for a new one.",
    "used": "This sign-in link was already used. Each link works once: ask for a new one.",
}
TOO_MANY = "Too many sign-in attempts from here. Wait a few minutes, then try again."
BAD_FORM = "This form has expired or did not come from this dashboard. Reload the page and retry."
NOT_FOUND = "There is nothing here, or it belongs to a cohort this session cannot see."
FLASH = {
    "approved": "Project approved.",
    "changes": "Changes requested; the learner sees your note in chat (`/project list`).",
    "already_approved": "That project was already approved; nothing changed.",
    "already_changes": "Changes were already requested on that project; nothing changed.",
    "superseded": "The learner sent a newer submission: review that one.",
    "note_needed": "Say what should change: the note is required.",
    "answered": "Saved as a cohort FAQ entry: learners asking this in chat now get your answer.",
    "dismissed": "Gap dismissed.",
    "answer_short": "Write a question and an answer of at least 5 characters.",
    "paused": "Weekly posts paused.",
    "resumed": "Weekly posts resumed.",
    "skipped": "Week skipped.",
    "unskipped": "Week will be posted again.",
    "deleted": "Everything held about that learner was deleted.",
    "confirm": "Type DELETE to confirm.",
}
DELETE_WORD = "DELETE"
BACK = "Back to the list"
