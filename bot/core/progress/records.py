"""Build the badge rules' LearnerRecord from the event log and the progress tables."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from bot.core.clock import as_utc
from bot.core.timezones import learner_zone
from curriculum.badges import (
    Ack,
    Contribution,
    InterviewAnswer,
    LearnerRecord,
    LevelRun,
    QuizPass,
    level_run,
)
from curriculum.catalog.models import Level
from storage.tables import Event, Learner, ProjectSubmission

if TYPE_CHECKING:
    from bot.bootstrap import Services

ACK_KINDS = ("reaction_received", "reply_received")


def project_times(rows: Iterable[ProjectSubmission], require_approval: bool) -> dict[str, datetime]:
    """Per module, when its project started to count (submitted, or approved if required)."""
    out: dict[str, datetime] = {}
    for row in rows:
        if require_approval and (row.status != "approved" or row.reviewed_at is None):
            continue
        when = as_utc(row.reviewed_at if require_approval and row.reviewed_at else row.submitted_at)
        out[row.module_id] = min(out.get(row.module_id, when), when)
    return out


def _passes(services: Services, learner_id: int, events: list[Event]) -> tuple[QuizPass, ...]:
    found = [
        QuizPass(e.subject, int(e.data.get("percent", 0)), as_utc(e.occurred_at))
        for e in events
        if e.kind == "module_quiz_passed"
    ]
    logged = {p.module_id for p in found}
    for module_id, row in services.progress.of(learner_id).items():
        if row.quiz_passed_at is not None and module_id not in logged:
            found.append(QuizPass(module_id, row.best_percent, as_utc(row.quiz_passed_at)))
    return tuple(found)


def _first_attempts(
    services: Services, learner_id: int, events: list[Event]
) -> dict[str, datetime]:
    out = {
        m: as_utc(row.first_attempt_at)
        for m, row in services.progress.of(learner_id).items()
        if row.first_attempt_at is not None
    }
    for e in events:
        if e.kind == "quiz_answered" and e.data.get("kind") == "module":
            module_id, when = e.subject.split("-")[0], as_utc(e.occurred_at)
            out[module_id] = min(out.get(module_id, when), when)
    return out


def _contributions(events: list[Event], channels: set[str]) -> tuple[Contribution, ...]:
    deleted = {e.subject for e in events if e.kind == "message_deleted"}
    acks: dict[str, list[Ack]] = {}
    for e in events:
        if e.kind in ACK_KINDS and isinstance(e.data.get("by"), int):
            acks.setdefault(e.subject, []).append(Ack(e.data["by"], as_utc(e.occurred_at)))
    return tuple(
        Contribution(
            key=e.subject,
            posted_at=as_utc(e.occurred_at),
            length=int(e.data.get("length", 0)),
            fingerprint=str(e.data.get("fingerprint", "")),
            in_cohort=e.data.get("channel") in channels,
            deleted=e.subject in deleted,
            acks=tuple(acks.get(e.subject, ())),
        )
        for e in events
        if e.kind == "message_posted"
    )


def interview_answers(events: list[Event]) -> tuple[InterviewAnswer, ...]:
    """Graded interview answers from the event log (kind `interview_answered`)."""
    return tuple(
        InterviewAnswer(
            question_id=e.subject,
            weeks=tuple(int(w) for w in e.data.get("weeks", [])),
            score=float(e.data.get("score", 0.0)),
            at=as_utc(e.occurred_at),
            skipped=bool(e.data.get("skipped", False)),
        )
        for e in events
        if e.kind == "interview_answered"
    )


def _cohort_runs(services: Services, learner: Learner) -> tuple[LevelRun, ...]:
    assert learner.id is not None
    cohort = services.community.cohort_of(learner.id)
    if cohort is None or cohort.id is None:
        return ()
    runs: list[LevelRun] = []
    for peer in services.community.members(cohort.id):
        if peer.id == learner.id:
            continue
        record = build_record(services, peer, with_community=False)
        runs += [r for lv in Level if (r := level_run(record, services.curriculum, lv))]
    return tuple(runs)


def build_record(
    services: Services, learner: Learner, *, with_community: bool = True
) -> LearnerRecord:
    """The learner's record; `with_community` adds contributions and cohort level runs."""
    assert learner.id is not None
    events = services.events.of(learner.id)
    cohort = services.community.cohort_of(learner.id)
    approval = bool(cohort and cohort.require_approval)
    channels = (
        services.community.cohort_channels(learner.platform, learner.workspace)
        if with_community
        else set()
    )
    return LearnerRecord(
        learner_id=learner.id,
        zone=learner_zone(services, learner),
        passes=_passes(services, learner.id, events),
        projects_accepted=project_times(services.projects.of(learner.id), approval),
        first_attempts=_first_attempts(services, learner.id, events),
        contributions=_contributions(events, channels) if with_community else (),
        cohort_runs=_cohort_runs(services, learner) if with_community else (),
        interview=interview_answers(events),
    )
