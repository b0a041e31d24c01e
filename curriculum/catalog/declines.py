"""Decline exemplars: written messages the tutor must not answer from the course.

`declines/offtopic.yaml` holds questions outside MLOps (food, sports, maths homework, a printer
that will not print ...), including near misses that share a word with the course ("training for
a marathon", "container shipping"). `declines/injection.yaml` holds attempts to instruct the
tutor, pull out its rules, or reach other learners' data. A message closer to one of these than
to any course question is declined.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints

from curriculum.catalog.base import Slug, Strict

if TYPE_CHECKING:
    from curriculum.catalog.answers import FaqFile, LessonAnswers

Problem = tuple[str, str, str]
DeclineMessage = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=2, max_length=1500)
]

DECLINE_KINDS = ("offtopic", "injection")
"""The files of `declines/`, one per kind of decline."""
MINIMUMS = {"offtopic": (360, 14), "injection": (150, 8)}
"""Per kind: (messages, categories) a file needs at least."""
MIN_PER_CATEGORY = {"offtopic": 20, "injection": 10}


class DeclineCategory(Strict):
    """Messages of one kind the tutor declines (`food`, `instruction-override`, ...)."""

    name: Slug
    messages: list[DeclineMessage] = Field(min_length=1)


class DeclineFile(Strict):
    """`declines/offtopic.yaml` or `declines/injection.yaml`."""

    categories: list[DeclineCategory] = Field(min_length=1)

    @property
    def messages(self) -> list[str]:
        """Every message of every category, in file order."""
        return [m for c in self.categories for m in c.messages]


class Declines(Strict):
    """The decline exemplars of the catalog: off-topic questions and injection attempts."""

    offtopic: list[str] = Field(default_factory=list)
    injection: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, files: Mapping[str, DeclineFile]) -> Declines:
        """The messages of the loaded files (a missing file contributes none)."""
        return cls(**{kind: files[kind].messages for kind in DECLINE_KINDS if kind in files})


def normalised(text: str) -> str:
    """The text compared for duplicates: case and punctuation ignored, any script kept."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def check_declines(files: Mapping[str, DeclineFile]) -> Iterator[Problem]:
    """Counts per file and category, unique category names, no message written twice."""
    for kind in DECLINE_KINDS:
        file = files.get(kind)
        if file is not None:
            yield from _counts(kind, file)
    seen: dict[str, str] = {}
    for kind, file in sorted(files.items()):
        for i, category in enumerate(file.categories):
            for j, message in enumerate(category.messages):
                field = f"categories.{i}.messages.{j}"
                here = f"declines/{kind}.yaml {field}"
                first = seen.setdefault(normalised(message), here)
                if first != here:
                    yield (
                        f"declines/{kind}.yaml",
                        field,
                        f"{message[:60]!r} is written twice (first at {first})",
                    )


def _counts(kind: str, file: DeclineFile) -> Iterator[Problem]:
    where = f"declines/{kind}.yaml"
    least_messages, least_categories = MINIMUMS[kind]
    if len(file.messages) < least_messages:
        yield (
            where,
            "categories",
            f"{len(file.messages)} messages, at least {least_messages} needed",
        )
    if len(file.categories) < least_categories:
        yield (
            where,
            "categories",
            f"{len(file.categories)} categories, at least {least_categories} needed",
        )
    for i, category in enumerate(file.categories):
        if len(category.messages) < MIN_PER_CATEGORY[kind]:
            yield (
                where,
                f"categories.{i}.messages",
                f"{len(category.messages)} in {category.name!r}, "
                f"at least {MIN_PER_CATEGORY[kind]} needed",
            )
    for name, n in Counter(c.name for c in file.categories).items():
        if n > 1:
            yield where, "categories", f"category {name!r} is used {n} times"


def check_against_course(
    files: Mapping[str, DeclineFile],
    answers: Mapping[str, LessonAnswers],
    faq: Mapping[str, FaqFile],
) -> Iterator[Problem]:
    """No decline message is also a way the course's answers are asked for."""
    asked: dict[str, str] = {}
    for lesson in answers.values():
        for section in lesson.sections:
            for text in section.asks:
                asked.setdefault(normalised(text), f"{lesson.lesson}#{section.anchor}")
    for file_name, entries in faq.items():
        for entry in entries.entries:
            for text in [entry.question, *entry.asks]:
                asked.setdefault(normalised(text), f"faq/{file_name}.yaml {entry.id}")
    for kind, file in sorted(files.items()):
        for i, category in enumerate(file.categories):
            for j, message in enumerate(category.messages):
                owner = asked.get(normalised(message))
                if owner is not None:
                    yield (
                        f"declines/{kind}.yaml",
                        f"categories.{i}.messages.{j}",
                        f"{message[:60]!r} is a course question ({owner}): never decline it",
                    )
