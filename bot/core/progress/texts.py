"""Learner-facing strings of `/progress`, `/badges` and badge announcements."""

TITLE = "*Progress for {name}*"
LEVEL_NEXT = "Level: *{level}* · next module: `{module}` {title} ({how})"
HOW_QUIZ = "`/quiz {module}`"
HOW_PROJECT = "quiz passed; `/project submit {module} <link>`"
HOW_AWAITING = "quiz passed; project awaiting a cohort admin's approval"
HOW_CHANGES = (
    "quiz passed; changes requested on the project, resubmit with `/project submit {module} <link>`"
)
TRACK = "Track: *{title}* (`{id}`), week {week} of {n}, {why} — `/roadmap` shows it"
TRACK_WHY = {
    "cohort": "your cohort's track",
    "chosen": "the track you picked",
    "default": "the default track (no cohort; `/track` picks another)",
}
ALL_DONE = "Every module complete. 🎓 See `/badges`."
BAR = "{level} modules completed"
EMPTY = "You have not taken a quiz yet. Start with `/quiz` — it picks your next module."
SCORES = "*Best quiz scores*"
SCORE_LINE = "{mark} `{module}` {title}: {best}% ({attempts} attempt{s})"
PROJECTS = "*Projects*"
PROJECT_LINE = "• `{module}` {status} {date}: {url}"
REVIEWER_NOTE = "    ✏️ Reviewer's note: {note}"
NO_PROJECTS = "*Projects:* none yet — `/project submit <module> <link> [note]`"
PROJECT_STATUS = {
    "submitted": "submitted",
    "approved": "approved ✅",
    "changes": "changes requested ✏️",
}
AWAITING_APPROVAL = "submitted, awaiting approval"
BADGES = "*Badges earned*"
BADGE_LINE = "{emoji} *{name}* — {date}"
NO_BADGES = "*Badges earned:* none yet"
NEXT_BADGES = "*Next badges*"
NEXT_LINE = "{emoji} {name} {done}/{total} {unit}"
REVIEWS = "Review cards due: *{due}*"
REVIEWS_HOW = " — `/quiz review`"
REVIEWS_NEXT = " — the next comes due on {when}"
STREAK = "Study streak: *{days} day{s}* (days with a quiz answer, {zone} time)"
WEAK = "*Weakest topics* (right answers, at least {min} answers each)"
WEAK_LINE = "• `{tag}`: {right}/{total} ({percent}%)"
NO_WEAK = "*Weakest topics:* not enough answers yet (at least {min} per topic)"
CARD_ALT = "Progress card for {name}"

PEER_TITLE = "*{name}* — public progress"
PEER_LINE = "Level: *{level}* · {done}/{total} modules complete"
PEER_BADGES = "Badges: {badges}\n_Your own progress: `/progress`._"
PEER_PRIVATE = "{name} keeps their progress private. Yours: `/progress`."
PEER_UNKNOWN = "I don't know anyone called `{who}` here. Try `/progress @name` with their mention."

CATALOG_TITLE = "*Badges* — how to earn them, and who in your cohort holds them"
CATALOG_KIND = "\n*{kind}*"
CATALOG_LINE = "{emoji} *{name}* — {rule}"
CATALOG_HOLDERS = "    _Held by:_ {names}"
CATALOG_NOBODY = "    _Held by:_ nobody yet"
CATALOG_NO_COHORT = "_You are not in a cohort yet, so only your own badges are marked._"
CATALOG_FOOTER = "How far along you are: `/progress`."
CATALOG_YOURS = "    _You earned it on {date}._"

MODULE_COMPLETE = "✅ Module `{module}` complete: quiz passed and project {how}."
PROJECT_NEEDED = "Submit your project to complete `{module}`: `/project submit {module} <link>`."
NEW_BADGE = "🏅 New badge: {emoji} *{name}* — {seed}"
CHANNEL_ANNOUNCEMENT = "🏅 {name} earned {emoji} *{badge}* — {seed}"
