"""Learner-facing strings of `/roadmap` and `/track`."""

ROADMAP_USAGE = (
    "`/roadmap` shows your track and its current week, `/roadmap 3` week 3 of it, and "
    "`/roadmap course-5w 2` week 2 of any track ({tracks})."
)
OUTLINE_LEAD = "You follow *{title}* (`{id}`): {why}."
CURRENT = "  ◀ you are here"
NO_WEEK = "*{title}* has weeks 1 to {n}; there is no week *{given}*. " + ROADMAP_USAGE
NO_TRACK_CONFIGURED = "No roadmap track is configured (TUTOR_DEFAULT_TRACK)."
TRACK_LINE = "• `{id}`: {title}, {n} weeks"
TRACK_SHOW = "{lead}\n\nTracks:\n{tracks}\n\n{how}"
TRACK_HOW = (
    "Pick one with `/track course-5w` (or `/track default` to go back to the tutor's default). "
    "`/roadmap` then follows it."
)
TRACK_COHORT = (
    "You're in a cohort, so `/roadmap` and `/progress` follow its track, *{title}*, whatever "
    "you pick here. `/roadmap <track> [week]` still shows any track."
)
TRACK_SET = "You now follow *{title}* (`{id}`), {n} weeks. `/roadmap` shows it; week 1 is next."
TRACK_RESET = "Back to the default track, *{title}* (`{id}`). `/roadmap` shows it."
TRACK_UNKNOWN = "I don't know the track *{given}*. Tracks:\n{tracks}\n" + TRACK_HOW
TRACK_IN_COHORT_NOTE = "\n_Your cohort's track still comes first while you're in the cohort._"
