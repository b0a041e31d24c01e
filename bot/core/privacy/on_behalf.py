"""`/privacy for @name export|delete [confirm]`: an admin acting for a learner, explicitly."""

from __future__ import annotations

from datetime import timedelta

from bot.core.clock import as_utc
from bot.core.context import Request
from bot.core.privacy import texts
from bot.core.progress.peers import resolve_person
from bot.core.reply import Reply

REQUESTED = "privacy_admin_requested"
CONFIRM_WINDOW = timedelta(minutes=10)
VERBS = ("export", "delete")


def handle(req: Request, rest: str) -> Reply:
    """Name the learner, say what happens, and act only on `... confirm` within the window."""
    if not req.incoming.is_admin:
        return Reply.text(texts.FOR_NOT_ADMIN, ephemeral=True)
    words = rest.split()
    if len(words) not in (2, 3) or words[1].casefold() not in VERBS:
        return Reply.text(texts.FOR_USAGE, ephemeral=True)
    if len(words) == 3 and words[2].casefold() != "confirm":
        return Reply.text(texts.FOR_USAGE, ephemeral=True)
    who, verb = words[0], words[1].casefold()
    inc = req.incoming
    target = resolve_person(req.services, inc.platform, inc.workspace, who)
    if target is None or target.id is None:
        return Reply.text(texts.FOR_UNKNOWN.format(who=who[:40]), ephemeral=True)
    if target.id == req.learner.id:
        return Reply.text(texts.FOR_SELF.format(verb=verb), ephemeral=True)
    if len(words) == 2:
        return _ask(req, who, verb, target.id, target.display_name or target.user_id)
    return _confirmed(req, who, verb, target.id)


def _ask(req: Request, who: str, verb: str, target_id: int, name: str) -> Reply:
    svc = req.services
    assert req.learner.id is not None
    svc.events.record(req.learner.id, REQUESTED, svc.clock.now(), subject=f"{verb}:{target_id}")
    what = texts.FOR_ASK_DELETE if verb == "delete" else texts.FOR_ASK_EXPORT
    minutes = int(CONFIRM_WINDOW.total_seconds() // 60)
    return Reply.text(
        texts.FOR_ASK.format(verb=verb, name=name, what=what, who=who, minutes=minutes),
        ephemeral=True,
    )


def _confirmed(req: Request, who: str, verb: str, target_id: int) -> Reply:
    from bot.core.privacy.service import delete_all, export_of

    svc = req.services
    assert req.learner.id is not None
    now = svc.clock.now()
    asked = [
        e for e in svc.events.of(req.learner.id, REQUESTED) if e.subject == f"{verb}:{target_id}"
    ]
    minutes = int(CONFIRM_WINDOW.total_seconds() // 60)
    if not asked or now - as_utc(asked[-1].occurred_at) > CONFIRM_WINDOW:
        return Reply.text(
            texts.FOR_NOT_ASKED.format(who=who, verb=verb, minutes=minutes), ephemeral=True
        )
    target = svc.learners.get(target_id)
    if target is None:
        return Reply.text(texts.FOR_UNKNOWN.format(who=who[:40]), ephemeral=True)
    name = target.display_name or target.user_id
    if verb == "export":
        admin = req.learner.display_name or req.learner.user_id
        return export_of(req, target, texts.FOR_EXPORTED, name=name, admin=admin)
    what = delete_all(req, target_id)
    return Reply.text(texts.FOR_DELETED.format(name=name, what=what), ephemeral=True)
