"""Which interview questions to ask: a focus (week, module, topic) and the learner's history."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from curriculum.catalog.interview import InterviewQuestion
from curriculum.catalog.models import Curriculum

INTERVIEW_LENGTH = 5
_WEEK = re.compile(r"^(?:week\s*|w)(\d{1,2})$")


class FocusError(ValueError):
    """The focus names nothing we have questions for; the message says what would work."""


@dataclass(frozen=True)
class Focus:
    """What the learner asked to practise: a title for replies and the questions it allows."""

    key: str
    title: str
    questions: tuple[InterviewQuestion, ...]
    single: bool = False


def resolve_focus(curriculum: Curriculum, text: str) -> Focus | None:
    """`week 4`, `m06`, `drift`, `one` -> a Focus; "" -> None (the whole bank). FocusError else."""
    key = " ".join(text.casefold().split())
    bank = curriculum.interview.questions
    if not key:
        return None
    if key in ("one", "1", "single"):
        return Focus("one", "one question", bank, single=True)
    week = _WEEK.match(key)
    if week:
        n = int(week.group(1))
        found = tuple(q for q in bank if n in q.weeks)
        if not found:
            raise FocusError(f"There is no roadmap week {n}: weeks run from 1 to 12.")
        return Focus(f"week {n}", f"roadmap week {n}", found)
    module = curriculum.find_module(key) if re.match(r"^m?\d{1,2}$", key) else None
    if module is not None:
        found = tuple(q for q in bank if module.id in q.modules)
        return Focus(module.id, f"{module.id} {module.title}", found)
    return _topic(bank, key)


def _topic(bank: Sequence[InterviewQuestion], key: str) -> Focus:
    slug = key.replace(" ", "-")
    found = tuple(q for q in bank if slug in q.tags or q.kind == slug)
    if not found:
        found = tuple(q for q in bank if any(t.startswith(slug) for t in q.tags))
    if not found:
        raise FocusError(f"No interview questions about “{key[:40]}”.")
    return Focus(slug, slug.replace("-", " "), found)


def all_tags(bank: Sequence[InterviewQuestion]) -> list[str]:
    """Every topic tag, most used first (for help texts)."""
    counts: dict[str, int] = defaultdict(int)
    for q in bank:
        for t in q.tags:
            counts[t] += 1
    return sorted(counts, key=lambda t: (-counts[t], t))


def tag_averages(
    bank: Mapping[str, InterviewQuestion], scores: Sequence[tuple[str, float]]
) -> dict[str, float]:
    """Average score per topic tag over (question id, score) pairs."""
    sums: dict[str, list[float]] = defaultdict(list)
    for qid, score in scores:
        q = bank.get(qid)
        for tag in q.tags if q else ():
            sums[tag].append(score)
    return {tag: sum(v) / len(v) for tag, v in sums.items()}


def choose(
    pool: Sequence[InterviewQuestion],
    *,
    practised: frozenset[str],
    weak_tags: Mapping[str, float],
    due: Sequence[str],
    position_week: int,
    count: int,
    seed: int,
) -> list[str]:
    """Due review questions first, then new questions near the learner's week, weakest first."""
    rng = random.Random(seed)
    ids = {q.id for q in pool}
    chosen = [qid for qid in due if qid in ids][:count]
    rest = [q for q in pool if q.id not in chosen]
    near = [q for q in rest if min(q.weeks) <= position_week + 1] or rest

    def rank(q: InterviewQuestion) -> tuple[int, float, float]:
        weakness = min((weak_tags.get(t, 5.0) for t in q.tags), default=5.0)
        return (q.id in practised, weakness, rng.random())

    ordered = sorted(near, key=rank) + sorted((q for q in rest if q not in near), key=rank)
    chosen += [q.id for q in ordered[: count - len(chosen)]]
    return chosen
