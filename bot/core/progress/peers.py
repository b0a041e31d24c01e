"""Find a person named in a command, and a peer's public progress summary."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core.progress import texts
from bot.core.progress.records import build_record
from bot.core.reply import Reply
from curriculum.badges import module_completions
from storage.tables import Learner

if TYPE_CHECKING:
    from bot.bootstrap import Services

MENTION = re.compile(r"^<@!?([A-Za-z0-9_.-]+)(?:\|[^>]*)?>$")


def person_token(text: str) -> str:
    """`<@U123>`, `<@!123>`, `<@U1|ada>`, `@ada` or `ada` -> the id or name inside."""
    token = text.strip()
    match = MENTION.match(token)
    if match:
        return match.group(1)
    return token.removeprefix("@").strip()


def resolve_person(services: Services, platform: str, workspace: str, text: str) -> Learner | None:
    """The learner a mention or a name refers to, on the same platform and workspace."""
    token = person_token(text)
    if not token:
        return None
    return services.community.find_person(platform, workspace, token)


def peer_summary(services: Services, peer: Learner) -> Reply:
    """Level, modules complete and badges of a peer, unless they keep their progress private."""
    name = peer.display_name or peer.user_id
    if not peer.public_progress:
        return Reply.text(texts.PEER_PRIVATE.format(name=name), ephemeral=True)
    assert peer.id is not None
    cur = services.curriculum
    done = module_completions(build_record(services, peer, with_community=False), cur.modules)
    nxt = next((m for m in cur.ordered_modules() if m.id not in done), None)
    level = nxt.level.value.title() if nxt else "Graduate"
    by_id = {b.id: b for b in cur.badges}
    badges = [
        f"{by_id[a.badge_id].emoji} {by_id[a.badge_id].name}"
        for a in services.badges.of(peer.id)
        if a.badge_id in by_id
    ]
    lines = [
        texts.PEER_TITLE.format(name=name),
        texts.PEER_LINE.format(level=level, done=len(done), total=len(cur.modules)),
        texts.PEER_BADGES.format(badges=", ".join(badges) or "none yet"),
    ]
    return Reply.text("\n".join(lines), ephemeral=True)
