"""`/badges`: every badge, how to earn it, and who in the learner's cohort holds it."""

from __future__ import annotations

from bot.core.clock import as_utc
from bot.core.context import Request
from bot.core.progress import texts
from bot.core.reply import Reply
from bot.core.timezones import learner_zone
from storage.tables import Learner


def _cohort_peers(req: Request) -> list[Learner] | None:
    assert req.learner.id is not None
    cohort = req.services.community.cohort_of(req.learner.id)
    if cohort is None or cohort.id is None:
        return None
    return req.services.community.members(cohort.id)


def handle(req: Request) -> list[Reply]:
    """The twelve badges grouped by kind, with the holders among cohort members."""
    svc, me = req.services, req.learner
    assert me.id is not None
    peers = _cohort_peers(req)
    visible = [p for p in peers or [] if p.id == me.id or p.public_progress]
    names = {p.id: p.display_name or p.user_id for p in visible if p.id is not None}
    awards = svc.badges.of_learners([*names, me.id])
    zone = learner_zone(svc, me)
    lines = [texts.CATALOG_TITLE]
    for kind in ("level", "specialty", "milestone"):
        lines.append(texts.CATALOG_KIND.format(kind=kind.title()))
        for badge in (b for b in svc.curriculum.badges if b.kind == kind):
            lines.append(
                texts.CATALOG_LINE.format(emoji=badge.emoji, name=badge.name, rule=badge.rule)
            )
            held = [a for a in awards if a.badge_id == badge.id]
            mine = next((a for a in held if a.learner_id == me.id), None)
            if mine is not None:
                day = as_utc(mine.earned_at).astimezone(zone).date().isoformat()
                lines.append(texts.CATALOG_YOURS.format(date=day))
            if peers is not None:
                holders = [names[a.learner_id] for a in held if a.learner_id in names]
                lines.append(
                    texts.CATALOG_HOLDERS.format(names=", ".join(holders))
                    if holders
                    else texts.CATALOG_NOBODY
                )
    if peers is None:
        lines += ["", texts.CATALOG_NO_COHORT]
    lines.append(texts.CATALOG_FOOTER)
    return [Reply.text("\n".join(lines))]
