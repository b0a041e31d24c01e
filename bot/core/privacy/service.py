"""`/privacy`: settings, a JSON export, and deletion after an explicit confirmation.

Deletion removes every row holding the learner's id in every table (found from the schema).
No aggregate is stored: cohort figures (badge holders, records, question statistics) are always
computed from the remaining rows, so they stay consistent; badges of others are never revoked.
"""

from __future__ import annotations

import json
from datetime import timedelta

from bot.core.clock import as_utc
from bot.core.context import Request
from bot.core.plurals import count
from bot.core.privacy import on_behalf, texts
from bot.core.reply import File, Reply, Text
from bot.core.timezones import learner_zone, parse_zone
from storage.tables import Learner

CONFIRM_WINDOW = timedelta(minutes=10)
DELETE_REQUESTED = "privacy_delete_requested"
SWITCHES = {
    "reminders": "review_reminders",
    "announce": "announce_badges",
    "public": "public_progress",
}


def handle(req: Request) -> list[Reply]:
    """Dispatch on the sub-command."""
    verb, _, rest = req.args.strip().partition(" ")
    verb, rest = verb.casefold(), rest.strip()
    if not verb:
        return [show(req)]
    if verb in ("tz", "timezone"):
        return [set_zone(req, rest)]
    if verb in SWITCHES:
        return [switch(req, verb, rest)]
    if verb == "for":
        return [on_behalf.handle(req, rest)]
    if verb == "export":
        return [export(req) if not rest else _extra(req, verb, rest)]
    if verb == "delete":
        if rest and rest.casefold() != "confirm":
            return [_extra(req, verb, rest)]
        return [delete(req, rest.casefold() == "confirm")]
    return [Reply.text(texts.USAGE, ephemeral=True)]


def _extra(req: Request, verb: str, rest: str) -> Reply:
    """`/privacy export eve`: never act on yourself when someone else was named."""
    how = texts.ADMIN_HOW.format(verb=verb) if req.incoming.is_admin else ""
    return Reply.text(texts.EXTRA_ARGS.format(verb=verb, given=rest[:40]) + how, ephemeral=True)


def _state(flag: bool) -> str:
    return texts.ON if flag else texts.OFF


def show(req: Request) -> Reply:
    """The learner's current settings and what each sub-command does."""
    me = req.learner
    zone = learner_zone(req.services, me)
    note = texts.ZONE_OWN if me.timezone else texts.ZONE_INHERITED
    return Reply.text(
        texts.SETTINGS.format(
            zone=zone.key,
            zone_note=note,
            reminders=_state(me.review_reminders),
            announce=_state(me.announce_badges),
            public=_state(me.public_progress),
        ),
        ephemeral=True,
    )


def set_zone(req: Request, given: str) -> Reply:
    """`/privacy tz Europe/Paris`."""
    zone = parse_zone(given)
    if zone is None:
        return Reply.text(texts.BAD_ZONE.format(given=given[:60]), ephemeral=True)
    assert req.learner.id is not None
    req.services.privacy.update_setting(req.learner.id, "timezone", zone.key)
    return Reply.text(texts.ZONE_SET.format(zone=zone.key), ephemeral=True)


def switch(req: Request, what: str, given: str) -> Reply:
    """`/privacy reminders|announce|public on|off`."""
    value = {"on": True, "off": False}.get(given.casefold())
    if value is None:
        return Reply.text(texts.ON_OFF.format(what=what), ephemeral=True)
    assert req.learner.id is not None
    req.services.privacy.update_setting(req.learner.id, SWITCHES[what], value)
    message = texts.SWITCH_SET[what].format(state=_state(value), can="can" if value else "cannot")
    return Reply.text(message, ephemeral=True)


def export(req: Request) -> Reply:
    """Everything held about the learner, as a JSON file."""
    return export_of(req, req.learner, texts.EXPORTED)


def export_of(req: Request, me: Learner, summary_text: str, **names: str) -> Reply:
    """Everything held about `me`, as a JSON file, introduced by `summary_text`."""
    assert me.id is not None
    tables = req.services.privacy.export(me.id)
    document = {
        "exported_at": req.services.clock.now().isoformat(),
        "learner": {"platform": me.platform, "workspace": me.workspace, "user_id": me.user_id},
        "tables": tables,
    }
    data = json.dumps(document, indent=2, sort_keys=True, default=str).encode()
    rows = sum(len(v) for v in tables.values())
    name = texts.EXPORT_FILE.format(user="".join(c for c in me.user_id if c.isalnum())[:40])
    summary = summary_text.format(
        rows=count(rows, "record"), tables=count(len(tables), "table"), **names
    )
    attachment = File(name, data, alt=name, mime="application/json")
    return Reply((Text(summary), attachment), ephemeral=True)


def delete(req: Request, confirmed: bool) -> Reply:
    """Ask first; on `/privacy delete confirm` within the window, remove everything."""
    svc, me = req.services, req.learner
    assert me.id is not None
    now = svc.clock.now()
    minutes = int(CONFIRM_WINDOW.total_seconds() // 60)
    if not confirmed:
        svc.events.record(me.id, DELETE_REQUESTED, now)
        return Reply.text(texts.DELETE_ASK.format(minutes=minutes), ephemeral=True)
    asked = svc.events.of(me.id, DELETE_REQUESTED)
    if not asked or now - as_utc(asked[-1].occurred_at) > CONFIRM_WINDOW:
        return Reply.text(texts.DELETE_NOT_ASKED.format(minutes=minutes), ephemeral=True)
    return Reply.text(texts.DELETED.format(what=delete_all(req, me.id)), ephemeral=True)


def delete_all(req: Request, learner_id: int) -> str:
    """Remove every row of the learner; what was removed, in words."""
    removed = req.services.privacy.delete(learner_id)
    removed.pop(DELETE_REQUESTED, None)
    what = ", ".join(
        count(n, *texts.TABLE_LABELS.get(table, (table, table)))
        for table, n in removed.items()
        if table != "learner"
    )
    return what or texts.DELETED_NOTHING
