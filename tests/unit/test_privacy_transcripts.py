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
