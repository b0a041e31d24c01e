"""Every learner-facing string of `/lesson`."""

USAGE = (
    "Read a lesson in chat: `/lesson m03` shows its outline, `/lesson m03 2` or "
    "`/lesson m03 key-terms` opens a section."
)
UNKNOWN_MODULE = "I don't know a lesson called *{given}*. Lessons: {ids}.\n" + USAGE
UNKNOWN_SECTION = (
    "*{title}* has no section *{given}*. Its sections:\n{outline}\nOpen one with `/lesson {id} 1`."
)
OUTLINE_HEAD = "*{title}* (`{id}`) — {n} sections, about {minutes} minutes of reading"
OUTLINE_LINE = "{n}. {title} — `/lesson {id} {anchor}`"
OUTLINE_FOOT = "Open one with `/lesson {id} 1`, or press *Start reading*."
PAGE_HEAD = "*{lesson}* › *{section}* · section {n}/{total}{page}"
PAGE_OF = ", page {page}/{pages}"
PAGE_FOOT = "_Quiz yourself with `/quiz {id}`; the outline is `/lesson {id}`._"
INTRO = "Introduction"
START = "📖 Start reading"
PREVIOUS = "◀ Previous"
NEXT = "Next ▶"
GONE = "That page is no longer available. " + USAGE
PREREQS = (
    "Heads-up: *{id}* builds on {missing} (quiz not passed yet). This quiz runs anyway; "
    "`/lesson {first}` is a good place to start."
)
