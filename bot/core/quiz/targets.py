"""Which questions a `/quiz ...` request means."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.quiz import texts
from curriculum.catalog.models import Curriculum, Level, Question
from curriculum.numbers import ascii_int

LEVEL_QUIZ_SIZE = 10


@dataclass(frozen=True)
class QuizTarget:
    kind: str  # module | elective | section | level | review
    target: str
    title: str
    questions: list[Question]
    limit: int | None = None


class TargetError(ValueError):
    """The learner named something that is not a quiz; the message says what is."""


def module_list(cur: Curriculum) -> str:
    return "\n".join(f"`{m.id}` {m.title}" for m in cur.ordered_modules())


def resolve_target(cur: Curriculum, args: str, passed: set[str]) -> QuizTarget | None:
    """The quiz `args` names; None means review. Raises TargetError for unknown targets."""
    words = args.strip().split()
    head = words[0].casefold() if words else ""
    if head == "review":
        return None
    if head == "section":
        return _section(cur, " ".join(words[1:]))
    if head == "level":
        return _level(cur, " ".join(words[1:]))
    elective = cur.electives.get(head)
    if elective is not None:
        title = f"Elective {elective.id}: {elective.title}"
        return QuizTarget("elective", elective.id, title, cur.questions(elective.id))
    if not words:
        nxt = next((m for m in cur.ordered_modules() if m.id not in passed), None)
        if nxt is None:
            raise TargetError(texts.ALL_DONE)
        module = nxt
    else:
        found = cur.find_module(args)
        if found is None:
            raise TargetError(
                texts.UNKNOWN_TARGET.format(given=args[:80], modules=module_list(cur))
            )
        module = found
    return QuizTarget(
        "module", module.id, f"Module {module.number}: {module.title}", cur.questions(module.id)
    )


def _section(cur: Curriculum, given: str) -> QuizTarget:
    course = cur.course
    number = ascii_int(given, 3)
    section = course.section(number) if course and number is not None else None
    if section is None:
        raise TargetError(texts.UNKNOWN_SECTION.format(given=given[:20] or "(none)"))
    pool = [q for mid in section.modules for q in cur.questions(mid)]
    return QuizTarget(
        "section",
        str(section.number),
        f"Course section {section.number}: {section.title}",
        pool,
        limit=section.quiz_questions,
    )


def _level(cur: Curriculum, given: str) -> QuizTarget:
    try:
        level = Level(given.strip().casefold())
    except ValueError:
        raise TargetError(texts.UNKNOWN_LEVEL) from None
    pool = [q for m in cur.modules_of(level) for q in cur.questions(m.id)]
    return QuizTarget(
        "level", level.value, f"{level.value.title()} level mix", pool, limit=LEVEL_QUIZ_SIZE
    )
