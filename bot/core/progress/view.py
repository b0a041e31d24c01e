"""`/progress`: where the learner stands, as text sections plus a PNG progress card.

`/progress @someone` (a mention or a name) shows a peer's public summary instead.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.ask import texts as ask_texts
from bot.core.ask.course import Position, position
from bot.core.clock import as_utc
from bot.core.context import Request
from bot.core.interview.readiness import readiness_text
from bot.core.progress import texts
from bot.core.progress.card import CardData, render_card
from bot.core.progress.peers import peer_summary, resolve_person
from bot.core.progress.records import build_record
from bot.core.progress.stats import MIN_TOPIC_ANSWERS, study_streak, weakest_topics
from bot.core.projects.history import latest_per_module, reviewer_notes
from bot.core.reply import Image, Part, ProgressBar, Reply, Text
from curriculum.badges import LearnerRecord, module_completions, progress_toward
from curriculum.catalog.models import Level
from storage.tables import BadgeAward, Event

NEXT_BADGES = 3


def handle(req: Request) -> list[Reply]:
    """Own progress, or a peer's public summary when someone is named."""
    if req.args.strip():
        inc = req.incoming
        peer = resolve_person(req.services, inc.platform, inc.workspace, req.args)
        if peer is None:
            return [Reply.text(texts.PEER_UNKNOWN.format(who=req.args.strip()[:40]))]
        if peer.id != req.learner.id:
            return [peer_summary(req.services, peer)]
    return [own_progress(req)]


def own_progress(req: Request) -> Reply:
    """Every section of the learner's progress, then the card."""
    svc, learner = req.services, req.learner
    assert learner.id is not None
    record = build_record(svc, learner)
    done = module_completions(record, svc.curriculum.modules)
    awards = svc.badges.of(learner.id)
    events = svc.events.of(learner.id, "quiz_answered")
    now = svc.clock.now()
    today = now.astimezone(record.zone).date()
    streak = study_streak((e.occurred_at for e in events), record.zone, today)
    header, level = _header(req, done)
    bars = [_bar(req, lv, done) for lv in Level]
    parts: list[Part] = [Text(header), *bars]
    parts += [Text(_scores(req)), Text(_projects(req, record)), Text(_badges(req, awards, record))]
    parts.append(Text(_next_badges(req, awards, record)))
    due = svc.reviews.count_due(learner.id, now)
    parts.append(Text(_reviews(req, due, record)))
    plural = "" if streak == 1 else "s"
    parts.append(Text(texts.STREAK.format(days=streak, s=plural, zone=record.zone)))
    parts.append(Text(_weakest(req, events)))
    parts.append(Text(readiness_text(svc, learner.id)))
    parts.append(_card(req, level, bars, awards, streak))
    return Reply(tuple(parts), ephemeral=True)


def _reviews(req: Request, due: int, record: LearnerRecord) -> str:
    line = texts.REVIEWS.format(due=due)
    if due:
        return line + texts.REVIEWS_HOW
    assert req.learner.id is not None
    nxt = req.services.reviews.next_due(req.learner.id, req.services.clock.now())
    if nxt is None:
        return line
    when = as_utc(nxt).astimezone(record.zone).strftime("%a %d %b")
    return line + texts.REVIEWS_NEXT.format(when=when)


def _header(req: Request, done: dict[str, datetime]) -> tuple[str, str]:
    learner, cur = req.learner, req.services.curriculum
    assert learner.id is not None
    lines = [texts.TITLE.format(name=learner.display_name or learner.user_id)]
    found = position(req)
    if found is not None:
        lines.append(_track_line(found))
    nxt = next((m for m in cur.ordered_modules() if m.id not in done), None)
    if nxt is None:
        return "\n".join([*lines, texts.ALL_DONE]), "Graduate"
    row = req.services.progress.of(learner.id).get(nxt.id)
    how = texts.HOW_QUIZ
    if row and row.quiz_passed_at:
        latest = req.services.projects.latest(learner.id, nxt.id)
        status = latest.status if latest else ""
        how = {"submitted": texts.HOW_AWAITING, "changes": texts.HOW_CHANGES}.get(
            status, texts.HOW_PROJECT
        )
    level = nxt.level.value.title()
    lines.append(
        texts.LEVEL_NEXT.format(
            level=level, module=nxt.id, title=nxt.title, how=how.format(module=nxt.id)
        )
    )
    return "\n".join(lines), level


def _track_line(found: Position) -> str:
    if found.why == ask_texts.CHOSEN_TRACK:
        why = texts.TRACK_WHY["chosen"]
    elif found.default:
        why = texts.TRACK_WHY["default"]
    else:
        why = texts.TRACK_WHY["cohort"]
    track = found.track
    return texts.TRACK.format(
        title=track.title, id=track.id, week=found.week, n=len(track.weeks), why=why
    )


def _bar(req: Request, level: Level, done: dict[str, datetime]) -> ProgressBar:
    mods = req.services.curriculum.modules_of(level)
    count = sum(1 for m in mods if m.id in done)
    return ProgressBar(texts.BAR.format(level=level.value.title()), count, len(mods))


def _scores(req: Request) -> str:
    assert req.learner.id is not None
    rows = req.services.progress.of(req.learner.id)
    if not rows:
        return texts.EMPTY
    lines = [texts.SCORES]
    for m in req.services.curriculum.ordered_modules():
        row = rows.get(m.id)
        if row is not None:
            lines.append(
                texts.SCORE_LINE.format(
                    mark="✅" if row.quiz_passed_at else "…",
                    module=m.id,
                    title=m.title,
                    best=row.best_percent,
                    attempts=row.attempts,
                    s="" if row.attempts == 1 else "s",
                )
            )
    return "\n".join(lines)


def _projects(req: Request, record: LearnerRecord) -> str:
    assert req.learner.id is not None
    rows = latest_per_module(req.services.projects.of(req.learner.id))
    if not rows:
        return texts.NO_PROJECTS
    notes = reviewer_notes(req.services, req.learner.id)
    cohort = req.services.community.cohort_of(req.learner.id)
    approval = bool(cohort and cohort.require_approval)
    lines = [texts.PROJECTS]
    for row in rows:
        status = texts.PROJECT_STATUS.get(row.status, row.status)
        if approval and row.status == "submitted":
            status = texts.AWAITING_APPROVAL
        day = as_utc(row.submitted_at).astimezone(record.zone).date().isoformat()
        lines.append(
            texts.PROJECT_LINE.format(module=row.module_id, status=status, date=day, url=row.url)
        )
        if row.status == "changes" and row.id in notes:
            lines.append(texts.REVIEWER_NOTE.format(note=notes[row.id]))
    return "\n".join(lines)


def _badges(req: Request, awards: list[BadgeAward], record: LearnerRecord) -> str:
    if not awards:
        return texts.NO_BADGES
    by_id = {b.id: b for b in req.services.curriculum.badges}
    lines = [texts.BADGES]
    for award in awards:
        badge = by_id.get(award.badge_id)
        if badge is not None:
            day = as_utc(award.earned_at).astimezone(record.zone).date().isoformat()
            lines.append(texts.BADGE_LINE.format(emoji=badge.emoji, name=badge.name, date=day))
    return "\n".join(lines)


def _next_badges(req: Request, awards: list[BadgeAward], record: LearnerRecord) -> str:
    cur = req.services.curriculum
    held = {a.badge_id for a in awards}
    toward = [(b, progress_toward(b, record, cur)) for b in cur.badges if b.id not in held]
    toward.sort(  # closest first: the largest share done, then the fewest steps left
        key=lambda pair: (
            -(pair[1].done / pair[1].total if pair[1].total else 0),
            pair[1].total - pair[1].done,
        )
    )
    lines = [texts.NEXT_BADGES]
    for badge, prog in toward[:NEXT_BADGES]:
        lines.append(
            texts.NEXT_LINE.format(
                emoji=badge.emoji, name=badge.name, done=prog.done, total=prog.total, unit=prog.unit
            )
        )
    return "\n".join(lines)


def _weakest(req: Request, events: list[Event]) -> str:
    weak = weakest_topics(events, req.services.curriculum)
    if not weak:
        return texts.NO_WEAK.format(min=MIN_TOPIC_ANSWERS)
    lines = [texts.WEAK.format(min=MIN_TOPIC_ANSWERS)]
    lines += [
        texts.WEAK_LINE.format(tag=w.tag, right=w.right, total=w.total, percent=w.percent)
        for w in weak
    ]
    return "\n".join(lines)


def _card(
    req: Request, level: str, bars: list[ProgressBar], awards: list[BadgeAward], streak: int
) -> Image:
    by_id = {b.id: b for b in req.services.curriculum.badges}
    name = req.learner.display_name or req.learner.user_id
    data = CardData(
        name=name,
        level=level,
        bars=tuple((b.label.split()[0], b.done, b.total) for b in bars),
        badges=tuple(by_id[a.badge_id].name for a in awards if a.badge_id in by_id),
        streak=streak,
    )
    slug = "".join(c for c in req.learner.user_id if c.isalnum() or c in "-_")[:40]
    filename = f"progress-{slug}.png" if slug else "progress.png"
    return Image(filename, render_card(data), texts.CARD_ALT.format(name=name))
