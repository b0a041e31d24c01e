"""Every learner-facing string of the quiz feature."""

USAGE = (
    "Start a quiz with `/quiz` (your next module), `/quiz m03` or `/quiz version control`, "
    "`/quiz section 4`, `/quiz level beginner`, or `/quiz review` for due review cards."
)
UNKNOWN_TARGET = "I don't know a module called *{given}*. Valid modules:\n{modules}\n\n" + USAGE
UNKNOWN_SECTION = (
    "The course has sections 1 to 15; *{given}* is not one of them. Try `/quiz section 4`."
)
UNKNOWN_LEVEL = (
    "Levels are beginner, intermediate, advanced and expert. Try `/quiz level beginner`."
)
NO_QUESTIONS = "There are no questions for {what} yet. Pick another with `/quiz m01`."
ALL_DONE = (
    "You have passed every module quiz. Retake any with `/quiz <module>` or do `/quiz review`."
)
STARTED = (
    "*{title}* — {count} questions, one at a time.{pass_note} Answer with {how}; "
    "`/quiz stop` ends it early."
)
HOW_BUTTONS = "the number of a choice"
PASS_NOTE = " 80% passes the module."
RESUMED = "You have a quiz running here: *{title}*, question {n} of {total}. Here it is again."
NO_QUIZ = "No quiz is running here. " + USAGE
UNREADABLE = (
    "I could not read *{given}* as an answer to this question, so nothing was counted. "
    "Here it is again:"
)
UNREADABLE_TF = "Reply *true* or *false* (or 1 for true, 2 for false)."
ALREADY_COUNTED = "That question was already answered; your first answer counts."
TYPED_TOO_LATE = (
    "That answer arrived after the question it was meant for had been answered (your first "
    "answer counts). Here is the question on screen now."
)
ALREADY_FINISHED = "Quiz *{title}* is already over. `/quiz` starts a new one."
CLOSED_QUIZ = {
    "stopped": "That quiz was stopped with `/quiz stop`, so this button no longer counts. "
    "`/quiz` starts a new one.",
    "expired": "That quiz closed after being idle, so this button no longer counts. "
    "`/quiz` starts a new one.",
    "finished": "That quiz is finished, so this button no longer counts. `/quiz` starts a new one.",
}
CLOSED_OTHER = "That quiz is over, so this button no longer counts. `/quiz` starts a new one."
RIGHT = "✅ Right: *{answer}*."
WRONG = "❌ Not quite. The answer is *{answer}*."
READ_MORE = "Read more: {title} › {section}"
FINISHED_PASS = "🎉 *{title}*: {correct}/{total} ({percent}%). Passed!"
FINISHED_FAIL = (
    "*{title}*: {correct}/{total} ({percent}%). 80% passes — read the sections cited above "
    "(`/lesson {target}` opens the lesson) and retake it with `/quiz {target}` whenever you like."
)
FINISHED_PRACTICE = "*{title}*: {correct}/{total} ({percent}%)."
BEST = "Best score on {module}: {best}%."
REVIEW_CARDS = "Missed questions come back for review (new cards: {n}): `/quiz review`."
EXPIRED = (
    "Your quiz *{title}* closed after {minutes} idle minutes with {correct}/{answered} answered "
    "right (partial score {percent}% of {total}). Start again with `/quiz {target}`."
)
STOPPED = (
    "Quiz *{title}* stopped after {answered} of {total} questions; nothing was scored. "
    "`/quiz` starts a new one."
)
NOTHING_TO_STOP = "No quiz is running here. " + USAGE
NO_REVIEWS = (
    "No review cards are due. Missed questions come back here on their review dates; "
    "meanwhile `/quiz` picks your next module."
)
REVIEW_CAPPED = (
    "You have done today's {cap} reviews. More come due tomorrow; `/progress` shows them."
)
