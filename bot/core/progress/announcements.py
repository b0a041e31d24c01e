"""The cohort-channel announcement queue the scheduler delivers through a Broadcaster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.broadcast import Destination
from bot.core.progress import texts
from bot.core.progress.awards import is_fresh
from bot.core.reply import Reply

if TYPE_CHECKING:
    from bot.bootstrap import Services


def _pending(services: Services) -> list[tuple[int, Destination, Reply]]:
    now = services.clock.now()
    by_id = {b.id: b for b in services.curriculum.badges}
    out: list[tuple[int, Destination, Reply]] = []
    for award in services.badges.unannounced():
        learner = services.learners.get(award.learner_id)
        cohort = services.community.cohort_of(award.learner_id)
        badge = by_id.get(award.badge_id)
        if learner is None or cohort is None or badge is None or award.id is None:
            continue
        if not (cohort.announce_badges and learner.announce_badges):
            continue
        if not is_fresh(award.earned_at, now):
            continue
        text = texts.CHANNEL_ANNOUNCEMENT.format(
            name=learner.display_name or learner.user_id,
            emoji=badge.emoji,
            badge=badge.name,
            seed=badge.seed_text,
        )
        where = Destination(cohort.platform, cohort.workspace, cohort.channel_id)
        out.append((award.id, where, Reply.text(text, in_thread=False)))
    return out


def pending_announcements(services: Services) -> list[tuple[Destination, Reply]]:
    """Badge announcements due in cohort channels (opted-in cohorts and learners, fresh grants).

    Deliver each, then call `mark_announced` with the same pair so it is never posted twice.
    """
    return [(where, reply) for _, where, reply in _pending(services)]


def mark_announced(services: Services, destination: Destination, reply: Reply) -> bool:
    """Record that this announcement was delivered; False if it was not pending any more."""
    for award_id, where, pending in _pending(services):
        if where == destination and pending == reply:
            return services.badges.mark_announced(award_id, services.clock.now())
    return False
