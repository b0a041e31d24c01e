"""Every learner-facing string of the ask feature."""

USAGE = "Ask about the course with `/ask <question>`, for example `/ask what is concept drift?`."
FOLLOW_UP = "_Ask a follow-up here, or test yourself with `/quiz {module}`._"
FOLLOW_UP_GENERIC = "_Ask a follow-up here, or test yourself with `/quiz`._"
DECLINED_NEXT = "_Browse the course with `/roadmap`, or rephrase with the tool or term you mean._"
TOO_FAST = (
    "You're asking faster than I can keep up ({limit} questions a minute). Give me a moment, "
    "then ask again; meanwhile `/quiz` tests what you know."
)
TOO_FAST_WAIT = (
    "That's a lot of questions in a row: after {burst} at once I answer about {limit} a minute. "
    "Try again in {wait}; meanwhile `/quiz` tests what you know."
)
DAILY_LIMIT = (
    "You've asked {limit} questions today, my daily limit. Try `/quiz` or `/roadmap` meanwhile."
)
NO_INDEX = (
    "The course index is empty, so I can't look anything up yet. An operator needs to run "
    "`mlops-tutor ingest`. Meanwhile `/quiz` and `/roadmap` work."
)
HELPFUL = "👍 Helpful"
NOT_HELPFUL = "👎 Not helpful"
THANKS = "Thanks, your feedback is noted. Ask again any time with `/ask`."
UNKNOWN_ANSWER = "That answer no longer exists. " + USAGE
FEEDBACK_ACTION = "answer.feedback"

# Small talk: a short friendly reply, never a search.
GREETING = (
    "Hi! I'm MLOps Tutor. Ask me anything about the course (`what is data drift?`), "
    "test yourself with `/quiz`, or see where you stand with `/progress`."
)
THANKS_REPLY = "Glad it helped! Ask another question any time, or try `/quiz` to lock it in."
WHO = (
    "I'm MLOps Tutor, a teaching assistant for this MLOps course. I answer questions from the "
    "course material with sources, run quizzes (`/quiz`), track your progress (`/progress`) and "
    "post the cohort's weekly tasks. `/help` lists everything."
)
BYE = "See you soon! Your progress is saved; `/progress` picks up where you left off."
SMALLTALK = {"greeting": GREETING, "thanks": THANKS_REPLY, "who": WHO, "bye": BYE}

# Conversations
NEW_CONVERSATION = (
    "Fresh start: I'll answer your next question on its own, without the earlier ones as context."
)

# Questions only the organisers can answer
ORGANISER = (
    "That's one for your cohort organisers: I only know the course material, not certificates, "
    "payments, deadlines or session arrangements. I've noted the question so they can add the "
    "answer. Meanwhile ask them in your cohort channel."
)
COHORT_FAQ_SOURCE = "_Answered by your cohort organisers ({who}, {when})._"

# Questions about the course, answered from its data
COHORT_WEEK = "your cohort's current week"
COHORT_NOT_STARTED = "your cohort starts on {start}; this is its first week"
ASKED_TRACK = "as you asked"
CHOSEN_TRACK = "the track you chose with `/track`"
DEFAULT_TRACK = (
    "you're not in a cohort, so this is the default track, `{id}`{start}; "
    "`/roadmap` shows the whole track and `/track` picks another"
)
DEFAULT_START = ", which starts at week 1"
WEEK_LEAD = "*Week {week}* of *{title}* ({why}):"
NO_TRACK = "No track is configured for this tutor (TUTOR_DEFAULT_TRACK)."
NO_SUCH_WEEK = "*{title}* has weeks 1 to {n}, so there is no week {week}. Try `/roadmap`."
NO_SUCH_MODULE = (
    "The course has modules m01 to m{n:02d}. Ask about one of those, e.g. `what's in m07?`"
)
NONE = "none"
MODULE_HEAD = "*{id} · {title}* ({level}, about {low}-{high} hours)"
MODULE_PREREQS = "Prerequisites: {prereqs}"
MODULE_LEARN = "You'll learn to:"
MODULE_PROJECT = "Project: {title}"
MODULE_QUIZ = (
    "Its quiz has {n} questions and {percent}% passes ({need} of {n} right): `/quiz {id}`."
)
PROJECT_HEAD = "*{id} project: {title}*"
PROJECT_DELIVERABLE = "Deliverable: {text}"
PROJECT_ACCEPTANCE = "It is accepted when:"
PROJECT_SUBMIT = "Hand it in with `/project submit {id} <link>`."
WEEK_FOUND = "That's *week {week}* of *{title}*:"
NO_WEEK_MATCH = "I couldn't tell which week of *{title}* that is. `/roadmap` lists every week."
COMPLETE_MEANS = (
    "A module is complete when its quiz is passed (best score at least 80%) and its project "
    "is submitted (and approved, if your cohort requires approval)."
)
LEVEL_HEAD = "*{level} level*: {n} modules, {first} to {last}, about {low}-{high} hours:"
LEVEL_WEEKS = "The plan gives this level {weeks} weeks."
NO_PREREQS = "*{id} · {title}* has no prerequisite modules: you can start it any time."
PREREQS_HEAD = "Before *{id} · {title}*, complete:"
PREREQS_DONE = "You've completed all of them: go ahead."
PREREQS_MISSING = "Next one to do: `/quiz {first}`."
PRIOR_KNOWLEDGE = "Helpful background: {text}"
MODULE_HOURS = (
    "*{id} · {title}* is a {level} module and takes about {low}-{high} hours of study, "
    "project included."
)
LEVEL_HOURS = "{level} {n} modules {low}-{high} h"
TRACK_WEEKS = "*{title}* (`{id}`) runs {n} weeks"
COURSE_HOURS = (
    "The whole course is {n} modules, about {low}-{high} hours of study in all ({levels}). "
    "Cohorts follow a track at a weekly pace: {tracks}."
)
COUNTS = (
    "The course has *{modules} modules* in {levels} levels ({per_level}: {ranges}), "
    "*{questions} quiz questions* in all ({low} to {high} per module quiz, 80% passes), "
    "*{badges} badges* ({kinds}), and three tracks: {tracks}."
)
BADGES_ALL = (
    "There are {n} badges: {names}. Ask about one (`how do I get Innovator?`) or see `/badges`."
)
BADGE_RULE = "*{emoji} {name}*: {rule}\n{mine}"
BADGE_HELD = "You already hold it. 🎉"
BADGE_PROGRESS = "Your progress: {done}/{total} {unit}. `/progress` shows every badge."
NEXT_START = (
    "Start at the beginning: *{id} · {title}*. Ask me about anything in it, then take "
    "`/quiz {id}` (80% passes) and submit its project with `/project submit {id} <link>`."
)
NEXT_MODULE = "You've completed {n} of {total} modules. Next: *{id} · {title}*: {step}."
NEXT_QUIZ = "take `/quiz {id}`"
NEXT_PROJECT = "its quiz is passed; submit the project with `/project submit {id} <link>`"
NEXT_ALL_DONE = "You've completed every module. 🎓 Try `/quiz review` to keep it fresh."
NEXT_WEEK = "\nOn your track you're in week {week}, *{name}*, of *{title}* ({why})."
