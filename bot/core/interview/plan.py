"""Choose an interview's questions from the learner's position, weak topics and due reviews."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curriculum.interview.planning import INTERVIEW_LENGTH, Focus, choose, tag_averages

if TYPE_CHECKING:
    from bot.bootstrap import Services

REVIEW_LIMIT = 3


def position_week(services: Services, learner_id: int) -> int:
    """The furthest roadmap week whose modules the learner has attempted (1 when none)."""
    roadmap = services.curriculum.roadmap
    attempted = set(services.progress.of(learner_id))
    if roadmap is None or not attempted:
        return 1
    weeks = [w.week for w in roadmap.weeks if attempted & set(w.modules)]
    return max(weeks, default=1)


def plan_interview(
    services: Services, learner_id: int, focus: Focus | None, seed: int
) -> tuple[list[str], str]:
    """The question ids to ask, and the interview's title."""
    cur = services.curriculum
    pool = focus.questions if focus else cur.interview.questions
    history = services.interviews.history(learner_id)
    by_id = {q.id: q for q in cur.interview.questions}
    weak = tag_averages(by_id, [(a.question_id, a.score) for a in history])
    due = [
        r.question_id
        for r in services.interviews.due_reviews(learner_id, services.clock.now(), REVIEW_LIMIT)
    ]
    count = 1 if focus and focus.single else INTERVIEW_LENGTH
    ids = choose(
        pool,
        practised=frozenset(a.question_id for a in history),
        weak_tags=weak,
        due=due,
        position_week=position_week(services, learner_id),
        count=count,
        seed=seed,
    )
    title = focus.title if focus else "mixed, for where you are"
    return ids, title
