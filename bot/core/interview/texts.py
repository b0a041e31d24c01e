"""Every user-facing string of interview practice."""

ACTION = "interview.act"
USAGE = (
    "`/interview` starts a mock interview of 5 questions; `/interview week 4`, "
    "`/interview m06` or `/interview drift` focus it; `/interview one` asks a single question."
)
STARTED = "🎤 *Mock interview: {title}* ({count} question{s}). " + (
    "Answer in this thread, in one message or several. Send `done` when you have finished an "
    "answer; `hint` reveals one key point (−{penalty} on that question), `skip` moves on, "
    "`stop` ends the interview."
)
RESUMED = "🎤 Your interview is still running here: question {n} of {total}."
QUESTION = "*Question {n}/{total}* · {meta}\n> {prompt}"
REVIEW_TAG = "🔁 back for review: you missed {missed} last time"
NOTED = "📝 Noted ({words} words so far). Add more, or send `done` to submit."
EMPTY_DRAFT = "Write your answer first (one or more messages), then send `done`."
ALREADY_COUNTED = "That answer was already counted."
NOT_YOURS = "That button is not part of an interview of yours. " + USAGE
NO_INTERVIEW = "No interview is running in this thread. " + USAGE
EXPIRED = "⌛ Your interview here was idle for over {hours} hours, so it has ended."
NOTHING_TO_STOP = "There is no interview running here to stop."
SCORE = "*Score: {score}/5* · {covered} of {total} key points{hints}"
HINTS_USED = " (−{penalty} for {n} hint{s})"
COVERED = "✅ {statement}\n    you said: “{sentence}”"
MISSED = "❌ {statement}"
MODEL_ANSWER = "*Model answer:* {answer}"
READ = "📚 Read: {links}"
FOLLOW_UP = "*An interviewer would ask next:* {question}"
FOLLOW_UP_NOTE = "_(Think it through; it isn't graded.)_"
HINT = "💡 Hint (−{penalty}): a strong answer makes this point: *{statement}*"
NO_MORE_HINTS = "No more hints: every key point has been revealed. Send `done` when ready."
SKIPPED = "⏭️ Skipped. A strong answer would cover:\n{points}"
SUMMARY_TITLE = "🏁 *Interview finished: {title}*"
STOPPED_TITLE = "⏹️ *Interview stopped: {title}* ({answered} of {total} answered)"
SUMMARY_LINE = "{n}. {prompt} — {score}"
SUMMARY_SKIPPED = "skipped"
AVERAGE = "Average: *{average}/5* over {count} answered question{s}."
STRONGEST = "Strongest: {tags}"
WEAKEST = "Weakest: {tags}"
LESSONS = "📚 To read: {links}"
REVIEW_ITEMS = "🔁 {n} question{s} with missed key points will come back in a later `/interview`."
BUTTON_DONE = "Done"
BUTTON_HINT = "Hint"
BUTTON_SKIP = "Skip"
BUTTON_STOP = "Stop"
READINESS = (
    "🎤 *Interview readiness:* {practised} question{s} practised across {weeks} roadmap "
    "week{ws}, average {average}/5 (last 10: {recent}/5)."
)
READINESS_WEAK = "Still weak in interviews: {tags}."
READINESS_DUE = "{n} interview question{s} with missed key points due again: `/interview`."
READINESS_NONE = "🎤 *Interview readiness:* no interview questions practised yet (`/interview`)."
KIND_LABEL = {
    "concept": "concept",
    "explain": "explain it",
    "design": "system design",
    "debug": "debugging scenario",
    "trade-off": "trade-off",
}
DIFFICULTY = {1: "★☆☆", 2: "★★☆", 3: "★★★"}
