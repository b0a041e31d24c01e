"""Block Kit rendering, payload parsing, the manifest and the processed-event claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.slack import inbound
from bot.adapters.slack.manifest import adapted_manifest, load_manifest
from bot.adapters.slack.oauth import SCOPES
from bot.adapters.slack.render import (
    answered_blocks,
    escape,
    parse_action_id,
    render,
    split_text,
)
from bot.adapters.slack.settings import (
    COMMANDS,
    SlackConfigError,
    SlackSettings,
    load_slack_settings,
)
from bot.core.activity import MessageDeleted, MessagePosted, ReactionAdded
from bot.core.reply import Choice, Choices, Citation, ProgressBar, Reply, Text
from bot.testing import make_services
from storage.repositories.processed import ProcessedEventRepository


def test_escaping_defuses_pings_and_links() -> None:
    assert escape("<!channel> & <@U1> <http://x|y>") == (
        "&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;http://x|y&gt;"
    )


def test_long_text_is_split_within_section_limits() -> None:
    text = "\n".join(f"line {n} " + "x" * 90 for n in range(200)) + "\n" + "y" * 7000
    pieces = split_text(text)
    assert all(0 < len(p) <= 3000 for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


def test_many_parts_become_several_messages_of_at_most_50_blocks() -> None:
    parts = tuple(Text(f"part {n}") for n in range(120))
    messages = render(Reply(parts))
    assert [len(m.blocks) for m in messages] == [50, 50, 20]
    assert all(m.text.startswith("part 0") for m in messages)


def test_choices_become_rows_of_at_most_five_buttons_with_parseable_ids() -> None:
    options = tuple(Choice("label " * 30, f"v{n}") for n in range(12))
    [message] = render(Reply((Text("pick"), Choices("quiz.answer", options))))
    rows = [b for b in message.blocks if b["type"] == "actions"]
    assert [len(r["elements"]) for r in rows] == [5, 5, 2]
    first = rows[0]["elements"][0]
    assert parse_action_id(first["action_id"]) == "quiz.answer" and first["value"] == "v0"
    assert len(first["text"]["text"]) <= 75
    assert parse_action_id("someone.else") is None


def test_an_elective_citation_opens_with_lesson_not_a_file_path() -> None:
    [message] = render(
        Reply((Citation("e03 · Distribution shift › Detect", "lessons/e03.md", "detect"),))
    )
    cited = message.blocks[0]["elements"][0]["text"]
    assert "/lesson e03 detect" in cited and "lessons/" not in cited


def test_citations_bars_and_texts_render_in_order_and_escaped() -> None:
    reply = Reply(
        (
            Text("*Answer* <!here>"),
            Citation("Lesson › Drift", "lessons/m07.md", "drift"),
            ProgressBar("Beginner quizzes passed", 3, 6),
        )
    )
    [message] = render(reply)
    kinds = [b["type"] for b in message.blocks]
    assert kinds == ["section", "context", "section"]
    assert message.blocks[0]["text"]["text"] == "*Answer* &lt;!here&gt;"
    cited = message.blocks[1]["elements"][0]["text"]
    assert "/lesson m07 drift" in cited and "lessons/" not in cited
    assert "█████░░░░░" in message.blocks[2]["text"]["text"]


def test_an_answered_question_loses_its_buttons() -> None:
    [message] = render(Reply((Text("Q?"), Choices("quiz.answer", (Choice("A", "1:q:0"),)))))
    blocks = answered_blocks(message.blocks, "UADA", "<!channel> A")
    assert [b["type"] for b in blocks] == ["section", "context"]
    assert "&lt;!channel&gt; A" in blocks[-1]["elements"][0]["text"]


def test_mentions_of_the_bot_are_stripped_and_dms_flagged() -> None:
    event = {"text": "<@UBOT> what is  drift?", "user": "U1", "channel": "D1", "ts": "1.2"}
    incoming = inbound.from_message(
        "T1", {**event, "channel_type": "im"}, inbound.Person("Ada"), "UBOT", "Ev1"
    )
    assert incoming.text == "what is drift?" and incoming.is_dm and incoming.mentions_bot
    assert incoming.thread == "1.2" and incoming.thread_key == "slack:T1:D1:1.2"


def test_channel_activity_becomes_messages_replies_reactions_and_deletions() -> None:
    reply = {"type": "message", "channel": "C1", "user": "U2", "text": "hi", "ts": "2.0"}
    reply |= {"thread_ts": "1.0", "parent_user_id": "U1"}
    posted = inbound.activity_of("T1", reply)
    assert isinstance(posted, MessagePosted) and posted.reply_to_user == "U1"
    reaction = {"type": "reaction_added", "user": "U2", "reaction": "tada", "item_user": "U1"}
    reaction["item"] = {"type": "message", "channel": "C1", "ts": "1.0"}
    assert isinstance(inbound.activity_of("T1", reaction), ReactionAdded)
    gone = {"type": "message", "subtype": "message_deleted", "channel": "C1", "deleted_ts": "1.0"}
    assert isinstance(inbound.activity_of("T1", gone), MessageDeleted)
    assert inbound.activity_of("T1", {**reply, "subtype": "channel_join"}) is None
    assert inbound.activity_of("T1", {**reply, "channel_type": "im"}) is None


def test_the_manifest_declares_every_command_scope_and_event_the_code_uses() -> None:
    manifest = load_manifest()
    commands = [c["command"] for c in manifest["features"]["slash_commands"]]
    assert commands == [f"/{name}" for name in COMMANDS]
    assert tuple(manifest["oauth_config"]["scopes"]["bot"]) == SCOPES
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert events == {
        "app_mention",
        "message.channels",
        "message.groups",
        "message.im",
        "reaction_added",
    }
    assert manifest["settings"]["interactivity"]["is_enabled"]
    assert manifest["settings"]["socket_mode_enabled"]


def test_an_http_manifest_sets_every_request_url_and_the_prefix() -> None:
    manifest = adapted_manifest(prefix="tutor-", url="https://tutor.example/")
    url = "https://tutor.example/slack/events"
    assert {c["url"] for c in manifest["features"]["slash_commands"]} == {url}
    assert manifest["features"]["slash_commands"][1]["command"] == "/tutor-quiz"
    assert manifest["settings"]["event_subscriptions"]["request_url"] == url
    assert manifest["settings"]["interactivity"]["request_url"] == url
    assert not manifest["settings"]["socket_mode_enabled"]


def test_settings_parse_admins_and_reject_bad_values() -> None:
    cfg = SlackSettings(_env_file=None, admin_ids="U01, W02", command_prefix="tutor-")  # type: ignore[call-arg]
    assert cfg.admins == {"U01", "W02"} and cfg.command("quiz") == "/tutor-quiz"
    assert not cfg.oauth
    with pytest.raises(SlackConfigError, match=r"^TUTOR_SLACK_ADMIN_IDS: .*alice"):
        load_slack_settings(_env_file=None, admin_ids="alice")
    with pytest.raises(SlackConfigError, match=r"^TUTOR_SLACK_COMMAND_PREFIX"):
        load_slack_settings(_env_file=None, command_prefix="Tutor/")


def test_an_event_is_claimed_only_once(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    repo = ProcessedEventRepository(services.db)
    now = datetime(2026, 1, 5, tzinfo=UTC)
    assert repo.claim("slack", "msg:T1:C1:1.0", now)
    assert not repo.claim("slack", "msg:T1:C1:1.0", now)
    assert repo.claim("discord", "msg:T1:C1:1.0", now)
    assert repo.prune(now + timedelta(days=1)) == 2
    assert repo.claim("slack", "msg:T1:C1:1.0", now)
    services.close()
