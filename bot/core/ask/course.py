"""Questions about the course itself, answered from the catalog and the learner's own progress."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process

from bot.core.ask import texts
from bot.core.ask.intents import CourseQuestion
from bot.core.context import Request
from bot.core.progress.records import build_record
from bot.core.weekly import render_week
from curriculum.badges import module_completions, progress_toward
from curriculum.catalog.models import Badge, Curriculum, Level, Module, Track, TrackWeek
from knowledge.keywords import content_words
from scheduler.poster import schedule_of


@dataclass(frozen=True)
class Position:
    """Which track a learner follows and which week of it they are in."""

    track: Track
    week: int
    why: str
    default: bool = False
    """Whether this is the default track because the learner has no cohort and chose none."""


def position(req: Request, wanted: str | None = None) -> Position | None:
    """The learner's cohort track and current week; else the asked-for, chosen or default track."""
    svc = req.services
    cur, now = svc.curriculum, svc.clock.now()
    assert req.learner.id is not None
    cohort = svc.community.cohort_of(req.learner.id)
    if cohort is not None and wanted in (None, cohort.track_id):
        track = cur.tracks.get(cohort.track_id)
        if track is not None:
            schedule = schedule_of(cohort, len(track.weeks))
            due = schedule.due(now)
            if not due:
                start = schedule.fire_time(1).astimezone(schedule.tz).strftime("%a %d %b")
                return Position(track, 1, texts.COHORT_NOT_STARTED.format(start=start))
            return Position(track, due[-1][0], texts.COHORT_WEEK)
    chosen = req.learner.track_id if req.learner.track_id in cur.tracks else None
    track = cur.tracks.get(wanted or chosen or svc.settings.default_track)
    if track is None:
        return None
    if wanted:
        why = texts.ASKED_TRACK
    elif chosen:
        why = texts.CHOSEN_TRACK
    else:
        return Position(
            track, 1, texts.DEFAULT_TRACK.format(id=track.id, start=texts.DEFAULT_START), True
        )
    return Position(track, 1, why)


def _week(req: Request, q: CourseQuestion) -> str:
    found = position(req, q.track)
    if found is None:
        return texts.NO_TRACK
    track, number = found.track, found.week
    if q.about is not None:
        return _which_week(track, q.about)
    if q.week is not None:
        number = q.week
    elif q.relative == "final":
        number = len(track.weeks)
    elif q.relative == "next":
        number += 1
    elif q.relative in ("last", "previous"):
        number -= 1
    why = found.why
    if found.default and q.week is not None:  # an asked-for week: no "starts at week 1"
        why = texts.DEFAULT_TRACK.format(id=track.id, start="")
    week = track.week(number)
    if week is None:
        return texts.NO_SUCH_WEEK.format(week=number, title=track.title, n=len(track.weeks))
    lead = texts.WEEK_LEAD.format(week=number, title=track.title, why=why)
    return f"{lead}\n\n{render_week(track, week)}"


def _which_week(track: Track, about: str) -> str:
    """The week of a track whose title, topics and modules best match what is asked about."""
    wanted = content_words(about) - content_words("which week roadmap course track learn cover")

    def overlap(week: TrackWeek) -> int:
        text = " ".join([week.title, *week.learn, week.hands_on, week.deliverable])
        return len(wanted & content_words(text))

    best = max(track.weeks, key=overlap)
    if not wanted or overlap(best) == 0:
        return texts.NO_WEEK_MATCH.format(title=track.title)
    lead = texts.WEEK_FOUND.format(week=best.week, title=track.title)
    return f"{lead}\n\n{render_week(track, best)}"


def _module(cur: Curriculum, number: int | None) -> Module | None:
    return cur.modules.get(f"m{number:02d}") if number is not None else None


def _module_summary(req: Request, q: CourseQuestion) -> str:
    module = _module(req.services.curriculum, q.module)
    if module is None:
        return texts.NO_SUCH_MODULE.format(n=len(req.services.curriculum.modules))
    low, high = module.duration_hours
    prereqs = ", ".join(module.prerequisites) or texts.NONE
    project = module.project
    head = texts.MODULE_HEAD.format(
        id=module.id, title=module.title, level=module.level.value, low=low, high=high
    )
    if q.about == "project":
        return "\n".join(
            [
                texts.PROJECT_HEAD.format(id=module.id, title=project.title),
                project.description.strip(),
                texts.PROJECT_DELIVERABLE.format(text=project.deliverable),
                texts.PROJECT_ACCEPTANCE,
                *[f"• {a}" for a in project.acceptance],
                texts.PROJECT_SUBMIT.format(id=module.id),
            ]
        )
    lines = [
        head,
        texts.MODULE_PREREQS.format(prereqs=prereqs),
        texts.MODULE_LEARN,
        *[f"• {o.text}" for o in module.objectives],
        texts.MODULE_PROJECT.format(title=project.title),
        _quiz_line(req.services.curriculum, module),
    ]
    return "\n".join(lines)


def _quiz_line(cur: Curriculum, module: Module) -> str:
    n = len(cur.questions(module.id))
    need = math.ceil(n * module.assessment.quiz_pass_percent / 100)
    return texts.MODULE_QUIZ.format(
        id=module.id, n=n, percent=module.assessment.quiz_pass_percent, need=need
    )


def _prereqs(req: Request, q: CourseQuestion) -> str:
    cur = req.services.curriculum
    module = _module(cur, q.module)
    if module is None:
        return texts.NO_SUCH_MODULE.format(n=len(cur.modules))
    done = _completed(req)
    if not module.prerequisites:
        lines = [texts.NO_PREREQS.format(id=module.id, title=module.title)]
    else:
        lines = [texts.PREREQS_HEAD.format(id=module.id, title=module.title)]
        for pid in module.prerequisites:
            mark = "✅" if pid in done else "▫️"
            lines.append(f"{mark} `{pid}` {cur.modules[pid].title}")
        missing = [p for p in module.prerequisites if p not in done]
        lines.append(texts.COMPLETE_MEANS)
        lines.append(
            texts.PREREQS_DONE if not missing else texts.PREREQS_MISSING.format(first=missing[0])
        )
    if module.prior_knowledge:
        lines.append(texts.PRIOR_KNOWLEDGE.format(text=module.prior_knowledge))
    return "\n".join(lines)


def _hours(modules: list[Module]) -> tuple[int, int]:
    return sum(m.duration_hours[0] for m in modules), sum(m.duration_hours[1] for m in modules)


def _duration(req: Request, q: CourseQuestion) -> str:
    cur = req.services.curriculum
    module = _module(cur, q.module)
    if module is not None:
        low, high = module.duration_hours
        hours = texts.MODULE_HOURS.format(
            id=module.id, title=module.title, low=low, high=high, level=module.level.value
        )
        return f"{hours} {_quiz_line(cur, module)}"
    if q.level is not None:
        return _level_summary(req, Level(q.level))
    low, high = _hours(cur.ordered_modules())
    levels = ", ".join(
        texts.LEVEL_HOURS.format(level=lv.value, n=len(ms), low=a, high=b)
        for lv in Level
        if (ms := cur.modules_of(lv))
        for a, b in [_hours(ms)]
    )
    tracks = "; ".join(
        texts.TRACK_WEEKS.format(title=t.title, id=t.id, n=len(t.weeks))
        for t in sorted(cur.tracks.values(), key=lambda t: len(t.weeks))
    )
    return texts.COURSE_HOURS.format(
        n=len(cur.modules), low=low, high=high, levels=levels, tracks=tracks
    )


def _level_summary(req: Request, level: Level) -> str:
    """A level's modules, hours and planned weeks."""
    cur = req.services.curriculum
    modules = cur.modules_of(level)
    low, high = _hours(modules)
    weeks = _plan_weeks(cur).get(level.value)
    lines = [
        texts.LEVEL_HEAD.format(
            level=level.value.title(),
            n=len(modules),
            first=modules[0].id,
            last=modules[-1].id,
            low=low,
            high=high,
        )
    ]
    lines += [
        f"• `{m.id}` {m.title} ({m.duration_hours[0]}-{m.duration_hours[1]} h)" for m in modules
    ]
    if weeks:
        lines.append(texts.LEVEL_WEEKS.format(weeks=weeks))
    return "\n".join(lines)


def _plan_weeks(cur: Curriculum) -> dict[str, int]:
    for badge in cur.badges:
        plan = badge.params.get("plan_weeks")
        if isinstance(plan, dict):
            return {str(k): int(v) for k, v in plan.items()}
    return {}


def _level_ranges(cur: Curriculum) -> str:
    return ", ".join(
        f"{lv.value} {ms[0].id}-{ms[-1].id}" for lv in Level if (ms := cur.modules_of(lv))
    )


def _count(req: Request, q: CourseQuestion) -> str:
    cur = req.services.curriculum
    module = _module(cur, q.module)
    if module is not None:
        return _quiz_line(cur, module)
    per_level = ", ".join(f"{len(cur.modules_of(lv))} {lv.value}" for lv in Level)
    questions = sum(len(bank.questions) for bank in cur.quizzes.values())
    sizes = [len(bank.questions) for bank in cur.quizzes.values()] or [0]
    kinds = ", ".join(
        f"{sum(1 for b in cur.badges if b.kind == kind)} {kind}"
        for kind in ("level", "specialty", "milestone")
    )
    tracks = ", ".join(f"`{t.id}` ({len(t.weeks)} weeks)" for t in cur.tracks.values())
    return texts.COUNTS.format(
        modules=len(cur.modules),
        levels=len(Level),
        per_level=per_level,
        ranges=_level_ranges(cur),
        questions=questions,
        low=min(sizes),
        high=max(sizes),
        badges=len(cur.badges),
        kinds=kinds,
        tracks=tracks,
    )


def find_badge(text: str, badges: list[Badge]) -> Badge | None:
    """The badge a message names (`innovator`, `the first steps badge`), fuzzily."""
    names = {b.id: b.name.casefold() for b in badges}
    lowered = text.casefold()
    exact = [b for b in badges if names[b.id] in lowered or b.id in lowered]
    if exact:
        return max(exact, key=lambda b: len(b.name))
    found = process.extractOne(lowered, names, scorer=fuzz.partial_ratio, score_cutoff=85)
    return next((b for b in badges if found and b.id == found[2]), None)


def _badge(req: Request, _: CourseQuestion) -> str:
    cur = req.services.curriculum
    badge = find_badge(req.args, cur.badges)
    if badge is None:
        names = ", ".join(f"{b.emoji} {b.name}" for b in cur.badges)
        return texts.BADGES_ALL.format(n=len(cur.badges), names=names)
    record = build_record(req.services, req.learner)
    progress = progress_toward(badge, record, cur)
    assert req.learner.id is not None
    held = any(a.badge_id == badge.id for a in req.services.badges.of(req.learner.id))
    mine = (
        texts.BADGE_HELD
        if held
        else texts.BADGE_PROGRESS.format(
            done=progress.done, total=progress.total, unit=progress.unit
        )
    )
    return texts.BADGE_RULE.format(emoji=badge.emoji, name=badge.name, rule=badge.rule, mine=mine)


def _completed(req: Request) -> dict[str, datetime]:
    record = build_record(req.services, req.learner)
    return module_completions(record, req.services.curriculum.modules)


def _next(req: Request, q: CourseQuestion) -> str:
    svc = req.services
    assert req.learner.id is not None
    done = _completed(req)
    nxt = next((m for m in svc.curriculum.ordered_modules() if m.id not in done), None)
    found = position(req, q.track)
    where = ""
    if found is not None:
        week = found.track.week(found.week)
        where = texts.NEXT_WEEK.format(
            week=found.week,
            name=week.title if week else "",
            title=found.track.title,
            why=found.why,
        )
    if nxt is None:
        return texts.NEXT_ALL_DONE + where
    row = svc.progress.of(req.learner.id).get(nxt.id)
    if not done and row is None:
        return texts.NEXT_START.format(id=nxt.id, title=nxt.title) + where
    if row is not None and row.quiz_passed_at is not None:
        step = texts.NEXT_PROJECT.format(id=nxt.id)
    else:
        step = texts.NEXT_QUIZ.format(id=nxt.id)
    return (
        texts.NEXT_MODULE.format(
            n=len(done), total=len(svc.curriculum.modules), id=nxt.id, title=nxt.title, step=step
        )
        + where
    )


def _level(req: Request, q: CourseQuestion) -> str:
    return _level_summary(req, Level(q.level or Level.BEGINNER.value))


ANSWERS = {
    "week": _week,
    "module": _module_summary,
    "prereq": _prereqs,
    "duration": _duration,
    "count": _count,
    "badge": _badge,
    "next": _next,
    "level": _level,
}


def answer(req: Request, question: CourseQuestion) -> str:
    """The reply text to a question about the course."""
    return ANSWERS[question.topic](req, question)
