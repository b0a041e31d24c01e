"""Record community activity as events for the contribution rules (Innovator badge)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.activity import Activity, MessageDeleted, MessagePosted, ReactionAdded, fingerprint
from bot.core.progress.awards import refresh

if TYPE_CHECKING:
    from bot.bootstrap import Services


def observe(services: Services, activity: Activity) -> None:
    """Append the events an activity implies; safe to repeat (dedupe keys).

    An acknowledgement (a reaction or a reply from someone else) re-evaluates the badges of the
    author it acknowledges; new grants wait in the cohort-channel announcement queue.
    """
    touched: int | None = None
    if isinstance(activity, MessagePosted):
        touched = _message(services, activity)
    elif isinstance(activity, ReactionAdded):
        touched = _reaction(services, activity)
    else:
        _deleted(services, activity)
    if touched is not None:
        learner = services.learners.get(touched)
        if learner is not None:
            refresh(services, learner)


def _learner_id(
    services: Services, platform: str, workspace: str, user: str, name: str = ""
) -> int:
    learner = services.learners.get_or_create(platform, workspace, user, name, services.clock.now())
    assert learner.id is not None
    return learner.id


def _message(services: Services, m: MessagePosted) -> int | None:
    """Record a message (and a reply to another learner); the learner replied to, if any."""
    if m.is_bot:
        return None
    now = services.clock.now()
    author = _learner_id(services, m.platform, m.workspace, m.user, m.display_name)
    key = f"{m.platform}:{m.workspace}:{m.channel}:{m.message_id}"
    services.events.record(
        author,
        "message_posted",
        now,
        subject=key,
        data={
            "length": len(m.text.strip()),
            "fingerprint": fingerprint(m.text),
            "channel": m.channel,
            "thread": m.thread,
        },
        dedupe_key=f"msg:{key}",
    )
    if m.reply_to_user and m.reply_to_message and m.reply_to_user != m.user:
        replied = _learner_id(services, m.platform, m.workspace, m.reply_to_user)
        target = f"{m.platform}:{m.workspace}:{m.channel}:{m.reply_to_message}"
        services.events.record(
            replied,
            "reply_received",
            now,
            subject=target,
            data={"by": author},
            dedupe_key=f"reply:{target}:{author}",
        )
        return replied
    return None


def _reaction(services: Services, r: ReactionAdded) -> int | None:
    """Record a reaction; the author reacted to (None for bots and self-reactions)."""
    if r.is_bot:
        return None
    now = services.clock.now()
    author = _learner_id(services, r.platform, r.workspace, r.message_author)
    by = _learner_id(services, r.platform, r.workspace, r.user)
    target = f"{r.platform}:{r.workspace}:{r.channel}:{r.message_id}"
    services.events.record(
        author,
        "reaction_received",
        now,
        subject=target,
        data={"by": by, "reaction": r.reaction[:32]},
        dedupe_key=f"react:{target}:{by}",
    )
    return author if author != by else None


def _deleted(services: Services, d: MessageDeleted) -> None:
    author = _learner_id(services, d.platform, d.workspace, d.user)
    target = f"{d.platform}:{d.workspace}:{d.channel}:{d.message_id}"
    services.events.record(
        author,
        "message_deleted",
        services.clock.now(),
        subject=target,
        dedupe_key=f"deleted:{target}",
    )
