"""`/privacy` settings and the delete confirmation, as transcripts."""

from __future__ import annotations

import json

from bot.core.reply import File
from bot.testing import FakeChat
from tests.unit.test_badges_transcripts import join_cohort


def test_settings_are_shown_and_changed(chat: FakeChat) -> None:
    shown = chat.send("ada", "/privacy")
    assert "Time zone: `UTC` (from your cohort, or the default)" in shown
    assert "Review reminders: *off*" in shown and "Peers can see your `/progress`: *on*" in shown
    assert "not a time zone I know" in chat.send("ada", "/privacy tz Mars/Olympus")
    assert "not a time zone I know" in chat.send("ada", "/privacy tz ../../etc/passwd")
    assert "Time zone set to `America/New_York`" in chat.send("ada", "/privacy tz America/New_York")
    assert "Review reminders are now *on*" in chat.send("ada", "/privacy reminders on")
    assert "announcements in your cohort channel are now *off*" in chat.send(
        "ada", "/privacy announce off"
    )
    assert "Say `on` or `off`" in chat.send("ada", "/privacy public maybe")
    assert "Usage: `/privacy`" in chat.send("ada", "/privacy dance")
    after = chat.send("ada", "/privacy")
    assert "Time zone: `America/New_York` —" in after
    assert "Review reminders: *on*" in after and "cohort channel: *off*" in after


def test_the_cohort_time_zone_applies_until_the_learner_sets_one(chat: FakeChat) -> None:
    join_cohort(chat, ["ada"], timezone="Asia/Kolkata")
    assert "`Asia/Kolkata` (from your cohort" in chat.send("ada", "/privacy")


def test_export_is_a_json_file(chat: FakeChat) -> None:
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    reply = chat.send("ada", "/privacy export").items[0]
    attached = next(p for p in reply.parts if isinstance(p, File))
    assert (
        attached.filename == "mlops-tutor-export-ada.json" and attached.mime == "application/json"
    )
    document = json.loads(attached.data)
    assert document["tables"]["project_submission"][0]["url"] == "https://github.com/ada/m01"
    assert document["learner"]["user_id"] == "ada"


def test_delete_needs_a_confirmation_within_ten_minutes(chat: FakeChat) -> None:
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    assert "Send `/privacy delete` first" in chat.send("ada", "/privacy delete confirm")
    assert "/privacy delete confirm` within 10 minutes" in chat.send("ada", "/privacy delete")
    chat.clock.advance(minutes=11)
    assert "Send `/privacy delete` first" in chat.send("ada", "/privacy delete confirm")
    chat.send("ada", "/privacy delete")
    chat.clock.advance(minutes=9)
    done = chat.send("ada", "/privacy delete confirm")
    assert "Removed 1 project submission," in done and "your profile and settings" in done
    assert "You have not submitted a project yet" in chat.send("ada", "/project list")


def test_a_name_after_export_or_delete_is_refused_and_never_falls_back_to_self(
    chat: FakeChat,
) -> None:
    chat.send("eve", "/progress")
    refused = chat.send_admin("coach", "/privacy export eve")
    assert "takes no name" in refused and "`/privacy for @name export`" in refused
    assert not [p for r in refused.items for p in r.parts if isinstance(p, File)]
    assert "takes no name" in chat.send_admin("coach", "/privacy delete eve")
    assert "Deleted" not in chat.send_admin("coach", "/privacy delete confirm")
    assert chat.services.learners.find(chat.platform, "w1", "coach") is not None
    learner = chat.send("ada", "/privacy export eve")
    assert "takes no name" in learner and "/privacy for" not in learner


def test_an_admin_deletes_a_learner_only_through_the_explicit_confirmed_command(
    chat: FakeChat,
) -> None:
    chat.send("eve", "/quiz m01")
    assert "Only cohort admins" in chat.send("ada", "/privacy for eve delete")
    assert "Send `/privacy for eve delete` first" in chat.send_admin(
        "coach", "/privacy for eve delete confirm"
    )
    asked = chat.send_admin("coach", "/privacy for eve delete")
    assert "about to *delete* the data of *Eve*, as an admin acting on their behalf" in asked
    done = chat.send_admin("coach", "/privacy for eve delete confirm")
    assert "Deleted the data of *Eve* on their behalf" in done
    assert chat.services.learners.find(chat.platform, "w1", "eve") is None
    assert chat.services.learners.find(chat.platform, "w1", "coach") is not None


def test_an_admin_exports_for_a_learner_after_confirming(chat: FakeChat) -> None:
    chat.send("eve", "/quiz m01")
    assert "about to *export*" in chat.send_admin("coach", "/privacy for eve export")
    done = chat.send_admin("coach", "/privacy for eve export confirm")
    assert "exported on their behalf by Coach" in done
    exported = next(p for r in done.items for p in r.parts if isinstance(p, File))
    assert json.loads(exported.data)["learner"]["user_id"] == "eve"
    assert "That's you" in chat.send_admin("coach", "/privacy for coach export")
    assert "I don't know a learner called `nobody`" in chat.send_admin(
        "coach", "/privacy for nobody export"
    )
