"""The review queue in chat (issue 15, item 8): `/project pending`, its buttons, notes."""

from __future__ import annotations

from bot.testing import FakeChat


def cohort_with_approval(chat: FakeChat) -> None:
    chat.send_admin("tutor", "/cohort create roadmap-12w start:2026-01-05")
    chat.send_admin("tutor", "/cohort approval on")
    for user in ("ada", "bo"):
        chat.send(user, "/cohort join")


def test_pending_lists_submissions_oldest_first_with_links_and_buttons(chat: FakeChat) -> None:
    cohort_with_approval(chat)
    chat.send("bo", "/project submit m02 https://github.com/bo/m02 first try")
    chat.clock.advance(hours=1)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    queue = chat.send_admin("tutor", "/project pending")
    assert "*Projects waiting for review* (2, oldest first)" in queue
    first, second = queue.items[1], queue.items[2]
    assert "*Bo* — `m02`" in first.plain and "https://github.com/bo/m02" in first.plain
    assert "“first try”" in first.plain
    assert "*Ada* — `m01`" in second.plain
    assert all(r.ephemeral for r in queue.items)
    buttons = second.choices()
    assert buttons is not None
    assert [o.label for o in buttons.options] == ["Approve", "Request changes"]


def test_a_learner_cannot_see_the_queue(chat: FakeChat) -> None:
    cohort_with_approval(chat)
    assert "Only cohort admins" in chat.send("ada", "/project pending")


def test_pending_explains_a_cohort_without_approval_and_an_empty_queue(chat: FakeChat) -> None:
    chat.send_admin("tutor", "/cohort create roadmap-12w start:2026-01-05")
    assert "does not require project approval" in chat.send_admin("tutor", "/project pending")
    chat.send_admin("tutor", "/cohort approval on")
    assert "No project is waiting for review" in chat.send_admin("tutor", "/project pending")


def test_approve_button_approves_once_then_says_already_approved(chat: FakeChat) -> None:
    cohort_with_approval(chat)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    queue = chat.send_admin("tutor", "/project pending")
    assert "Only cohort admins" in chat.press("bo", "Approve", queue)
    learner = chat.services.learners.find("fake", "w1", "ada")
    assert learner is not None and learner.id is not None
    row = chat.services.projects.latest(learner.id, "m01")
    assert row is not None and row.status == "submitted"
    approved = chat.press("tutor", "Approve", queue, admin=True)
    assert "✅ Approved Ada's project for `m01`" in approved
    assert "already approved" in chat.press("tutor", "Approve", queue, admin=True)
    assert "already approved" in chat.send_admin("tutor", "/project approve @ada m01")
    assert "already approved" in chat.send_admin("tutor", f"/project approve #{row.id}")
    assert "No project is waiting" in chat.send_admin("tutor", "/project pending")


def test_request_changes_needs_a_note_and_the_learner_reads_it(chat: FakeChat) -> None:
    cohort_with_approval(chat)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    learner = chat.services.learners.find("fake", "w1", "ada")
    assert learner is not None and learner.id is not None
    row = chat.services.projects.latest(learner.id, "m01")
    assert row is not None
    queue = chat.send_admin("tutor", "/project pending")
    how = chat.press("tutor", "Request changes", queue, admin=True)
    assert f"`/project changes #{row.id} <note>`" in how
    assert "Say what should change" in chat.send_admin("tutor", f"/project changes #{row.id}")
    asked = chat.send_admin("tutor", f"/project changes #{row.id} add a README with run steps")
    assert "Asked Ada for changes on `m01`: add a README with run steps" in asked
    mine = chat.send("ada", "/project list")
    assert "`m01` changes" in mine and "Reviewer's note: add a README with run steps" in mine


def test_admins_list_a_learners_projects_and_learners_cannot(chat: FakeChat) -> None:
    cohort_with_approval(chat)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    theirs = chat.send_admin("tutor", "/project list @ada")
    assert "*Ada's project submissions*" in theirs and "https://github.com/ada/m01" in theirs
    assert "Only cohort admins" in chat.send("bo", "/project list @ada")
    assert "has not submitted" in chat.send_admin("tutor", "/project list @bo")
    assert "don't know a learner" in chat.send_admin("tutor", "/project list @ghost")


def test_unknown_or_foreign_submission_ids_are_refused(chat: FakeChat) -> None:
    cohort_with_approval(chat)
    assert "no submission `#999`" in chat.send_admin("tutor", "/project approve #999")
    assert "no submission `#x`" in chat.send_admin("tutor", "/project approve #x")
