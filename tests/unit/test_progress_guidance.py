"""`/progress` guides the next step: projects under review, the closest badges, real weak spots."""

from __future__ import annotations

from bot.testing import FakeChat
from tests.unit.test_badges_transcripts import join_cohort, play_with_misses
from tests.unit.test_quiz_transcripts import play


def test_a_project_awaiting_approval_is_not_asked_for_again(chat: FakeChat) -> None:
    join_cohort(chat, ["ada"], require_approval=True)
    play(chat, "ada", "m01", right=True)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    progress = chat.send("ada", "/progress")
    assert "awaiting a cohort admin's approval" in progress
    assert "`/project submit m01 <link>`" not in progress


def test_changes_requested_show_the_note_and_a_resubmission_replaces_the_row(
    chat: FakeChat,
) -> None:
    join_cohort(chat, ["ada"], require_approval=True)
    play(chat, "ada", "m01", right=True)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    chat.send_admin("coach", "/project changes ada m01 add a README with the run command")
    for shown in (chat.send("ada", "/progress"), chat.send("ada", "/project list")):
        assert "Reviewer's note: add a README with the run command" in shown
    assert "changes requested on the project, resubmit" in chat.send("ada", "/progress")
    chat.clock.advance(hours=1)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01-v2")
    listed = chat.send("ada", "/project list").text
    assert listed.count("`m01`") == 1 and "m01-v2" in listed
    assert chat.send("ada", "/progress").text.count("• `m01`") == 1


def test_next_badges_start_with_the_closest_one(chat: FakeChat) -> None:
    nxt = chat.send("ada", "/progress").text.split("*Next badges*")[1]
    assert "First Steps 0/1" in nxt.splitlines()[1]


def test_weakest_topics_leave_out_topics_always_answered_right(chat: FakeChat) -> None:
    play_with_misses(chat, "ada", "m01", misses=2)
    play(chat, "ada", "m02", right=True)
    weak = chat.send("ada", "/progress").text.split("Weakest topics")[1]
    assert "(100%)" not in weak


def test_no_review_due_says_when_the_next_one_is(chat: FakeChat) -> None:
    play(chat, "ada", "m01", right=False)
    shown = chat.send("ada", "/progress")
    assert "Review cards due: *0* — the next comes due on" in shown
