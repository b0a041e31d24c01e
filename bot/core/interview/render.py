"""Interview replies: the question with its buttons, the graded feedback, the summary."""

from __future__ import annotations

import zlib

from bot.core.interview import texts
from bot.core.reply import Choice, Choices, Reply, Text
from curriculum.catalog.interview import InterviewQuestion
from curriculum.interview import HINT_PENALTY, Grade

QUOTE_LIMIT = 240


def button_value(session_id: int, question_id: str, act: str) -> str:
    return f"{session_id}:{question_id}:{act}"


def parse_button_value(value: str) -> tuple[int, str, str] | None:
    """`12:qid:done` -> (12, "qid", "done"); None when malformed."""
    sid, _, rest = value.partition(":")
    qid, _, act = rest.rpartition(":")
    if not sid.isdigit() or not qid or act not in ("done", "hint", "skip", "stop"):
        return None
    return int(sid), qid, act


def question_reply(
    session_id: int, question: InterviewQuestion, n: int, total: int, missed: list[str]
) -> Reply:
    """One question, with Done / Hint / Skip / Stop buttons."""
    meta = [
        f"week {', '.join(str(w) for w in question.weeks)}",
        texts.KIND_LABEL[question.kind],
        texts.DIFFICULTY[question.difficulty],
    ]
    if missed:
        meta.append(texts.REVIEW_TAG.format(missed=len(missed), s="" if len(missed) == 1 else "s"))
    body = texts.QUESTION.format(n=n, total=total, meta=" · ".join(meta), prompt=question.prompt)
    labels = (
        (texts.BUTTON_DONE, "done"),
        (texts.BUTTON_HINT, "hint"),
        (texts.BUTTON_SKIP, "skip"),
        (texts.BUTTON_STOP, "stop"),
    )
    choices = Choices(
        texts.ACTION,
        tuple(Choice(label, button_value(session_id, question.id, act)) for label, act in labels),
    )
    return Reply((Text(body), choices))


def follow_up(question: InterviewQuestion, salt: str) -> str:
    """One of the question's follow-ups, stable for a given session."""
    index = zlib.crc32(f"{salt}|{question.id}".encode()) % len(question.follow_ups)
    return question.follow_ups[index]


def _quote(sentence: str) -> str:
    one_line = " ".join(sentence.split())
    return one_line if len(one_line) <= QUOTE_LIMIT else one_line[: QUOTE_LIMIT - 1] + "…"


def lesson_links(refs: list[str]) -> str:
    return ", ".join(f"`{ref}`" for ref in refs)


def feedback_reply(question: InterviewQuestion, grade: Grade, follow: str) -> Reply:
    """✅/❌ per key point, the score, the model answer, where to read, and a follow-up."""
    hints = ""
    if grade.hints:
        penalty = HINT_PENALTY * grade.hints
        hints = texts.HINTS_USED.format(
            penalty=penalty, n=grade.hints, s="" if grade.hints == 1 else "s"
        )
    lines = [
        texts.SCORE.format(
            score=grade.score, covered=len(grade.covered), total=len(grade.results), hints=hints
        )
    ]
    for r in grade.results:
        if r.covered:
            lines.append(
                texts.COVERED.format(statement=r.key_point.statement, sentence=_quote(r.sentence))
            )
        else:
            lines.append(texts.MISSED.format(statement=r.key_point.statement))
    parts = [
        "\n".join(lines),
        texts.MODEL_ANSWER.format(answer=question.model_answer),
        texts.READ.format(links=lesson_links(list(question.lessons))),
        f"{texts.FOLLOW_UP.format(question=follow)}\n{texts.FOLLOW_UP_NOTE}",
    ]
    return Reply(tuple(Text(p) for p in parts))


def skipped_reply(question: InterviewQuestion) -> Reply:
    points = "\n".join(f"• {k.statement}" for k in question.key_points)
    parts = [
        texts.SKIPPED.format(points=points),
        texts.MODEL_ANSWER.format(answer=question.model_answer),
        texts.READ.format(links=lesson_links(list(question.lessons))),
    ]
    return Reply(tuple(Text(p) for p in parts))
