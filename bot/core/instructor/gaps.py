"""Content gaps: declined questions and 👎 answers, grouped by similarity, then answered with a
cohort FAQ entry (answered in chat from then on) or dismissed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.core.cohort.learners import learners_of
from storage.repositories.cohort_faq import CohortFaqRepository
from storage.repositories.dashboard import GapRepository
from storage.repositories.instructor_stats import InstructorStatsRepository
from storage.tables import AskedQuestion, Cohort, CohortFaq

if TYPE_CHECKING:
    from bot.bootstrap import Services

SIMILAR = 0.6
"""Questions at least this similar (embedding cosine) fall in one group."""


@dataclass(frozen=True)
class GapGroup:
    """Similar questions; the first is the most recent and stands for the group."""

    questions: tuple[AskedQuestion, ...]

    @property
    def key(self) -> int:
        """A stable handle for the group in forms: its first question's id."""
        first = self.questions[0].id
        assert first is not None
        return first

    @property
    def question(self) -> str:
        return self.questions[0].question

    @property
    def declined(self) -> bool:
        return any(q.declined for q in self.questions)

    @property
    def answer(self) -> str:
        return self.questions[0].answer

    @property
    def sources(self) -> list[dict[str, Any]]:
        return list(self.questions[0].citations)


def open_gaps(services: Services, cohort: Cohort) -> list[GapGroup]:
    """The cohort's unresolved gaps, grouped, the biggest groups first."""
    assert cohort.id is not None
    ids = [p.id for p in learners_of(services, cohort) if p.id is not None]
    done = GapRepository(services.db).resolved(cohort.id)
    rows = [
        q for q in InstructorStatsRepository(services.db).gap_questions(ids) if q.id not in done
    ]
    groups: list[list[AskedQuestion]] = []
    for row in rows:
        heads = [g[0].question for g in groups]
        scores = services.knowledge.similarity(row.question, heads) if heads else []
        best = max(range(len(heads)), key=lambda i: scores[i], default=None)
        if best is not None and scores[best] >= SIMILAR:
            groups[best].append(row)
        else:
            groups.append([row])
    groups.sort(key=lambda g: -len(g))
    return [GapGroup(tuple(g)) for g in groups]


def find_group(services: Services, cohort: Cohort, key: int) -> GapGroup | None:
    """The open group whose handle is `key` (None: another cohort's, or already resolved)."""
    return next((g for g in open_gaps(services, cohort) if g.key == key), None)


def answer(
    services: Services,
    cohort: Cohort,
    group: GapGroup,
    question: str,
    text: str,
    by: int | None,
) -> CohortFaq:
    """Write the cohort FAQ entry that answers this group, and mark its questions answered."""
    assert cohort.id is not None
    now = services.clock.now()
    entry = CohortFaqRepository(services.db).add(cohort.id, question, text, by, now)
    ids = [q.id for q in group.questions if q.id is not None]
    GapRepository(services.db).resolve(cohort.id, ids, "answered", by, now, faq_id=entry.id)
    return entry


def dismiss(services: Services, cohort: Cohort, group: GapGroup, by: int | None) -> int:
    """Hide this group from the gaps page (kept with who dismissed it and when)."""
    assert cohort.id is not None
    ids = [q.id for q in group.questions if q.id is not None]
    return GapRepository(services.db).resolve(cohort.id, ids, "dismissed", by, services.clock.now())
