"""Progress and badges: `/progress`, `/badges`, granting, reconcile and announcements."""

from bot.core.progress.announcements import mark_announced, pending_announcements
from bot.core.progress.awards import ReconcileReport, after_event, reconcile, refresh

__all__ = [
    "ReconcileReport",
    "after_event",
    "mark_announced",
    "pending_announcements",
    "reconcile",
    "refresh",
]
