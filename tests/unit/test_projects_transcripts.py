"""`/project` as transcripts: links validated, listing, and approval by cohort admins."""

from __future__ import annotations

import pytest

from bot.core.projects.links import valid_link
from bot.testing import FakeChat
from tests.unit.test_badges_transcripts import held, join_cohort
from tests.unit.test_quiz_transcripts import play


def as_admin(chat: FakeChat, user: str, text: str) -> str:
    return chat.send_admin(user, text).text


@pytest.mark.parametrize(
    "link",
    [
        "ftp://example.org/x",
        "javascript:alert(1)",
        "https://",
        "example.org/repo",
        "http://exa mple.org",
        "https://example.org:99999/x",
    ],
)
def test_only_http_and_https_links_with_a_host_are_accepted(link: str) -> None:
    assert valid_link(link) is None


def test_slack_wrapped_links_are_unwrapped() -> None:
    assert valid_link("<https://github.com/ada/m01|github.com/ada/m01>") == (
        "https://github.com/ada/m01"
    )
    assert valid_link("HTTPS://GitHub.com/ada") == "HTTPS://GitHub.com/ada"


def test_submit_validates_and_lists(chat: FakeChat) -> None:
    assert "Usage: `/project submit" in chat.send("ada", "/project submit m01")
    unknown = chat.send("ada", "/project submit m99 https://x.org")
    assert "I don't know the module `m99`" in unknown and "`m24`" in unknown
    assert "not a link I can accept" in chat.send("ada", "/project submit m01 ftp://x.org")
    ok = chat.send("ada", "/project submit 1 https://github.com/ada/m01 my notes")
    assert "Project for `m01` MLOps Fundamentals recorded" in ok
    assert "pass its quiz too: `/quiz m01`" in ok
    assert "already submitted" in chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    listing = chat.send("ada", "/project list")
    assert "`m01` submitted — https://github.com/ada/m01 (my notes)" in listing
    assert "/project submit <module>" in chat.send("ada", "/project")


def test_submission_is_recorded_as_an_event_and_stamps_completion(chat: FakeChat) -> None:
    play(chat, "ada", "m01", right=True)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    ada = chat.services.learners.find(chat.platform, "w1", "ada")
    assert ada is not None and ada.id is not None
    kinds = [e.kind for e in chat.services.events.of(ada.id)]
    assert "project_submitted" in kinds and kinds.count("module_completed") == 1
    assert chat.services.progress.of(ada.id)["m01"].completed_at is not None


def test_approval_required_cohorts_complete_a_module_on_approval(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "tutor"], require_approval=True)
    play(chat, "ada", "m01", right=True)
    submitted = chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    assert "counts once a cohort admin approves it" in submitted and "New badge" not in submitted
    assert "awaiting approval" in chat.send("ada", "/progress")
    assert "Only cohort admins" in chat.send("tutor", "/project approve @ada m01")
    assert "Say what should change" in as_admin(chat, "tutor", "/project changes @ada m01")
    changes = as_admin(chat, "tutor", "/project changes @ada m01 add a README")
    assert "Asked Ada for changes on `m01`: add a README" in changes
    again = as_admin(chat, "tutor", "/project approve ada m01")
    assert "Changes were already requested on Ada's `m01` project (note: add a README)" in again
    assert "first-steps" not in held(chat, "ada")
    chat.send("ada", "/project submit m01 https://github.com/ada/m01-v2")
    approved = as_admin(chat, "tutor", "/project approve <@ada> m01")
    assert "Approved Ada's project for `m01`" in approved
    assert "Module `m01` complete: quiz passed and project approved" in approved
    assert "🏅 New badge: 🎯 *First Steps*" in approved
    assert "first-steps" in held(chat, "ada")


def test_reviews_are_refused_when_the_cohort_does_not_require_approval(chat: FakeChat) -> None:
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    assert "does not require project approval" in as_admin(chat, "t", "/project approve ada m01")
    assert "don't know a learner" in as_admin(chat, "t", "/project approve @ghost m01")


def test_the_capstone_is_described_and_accepted_without_touching_module_progress(
    chat: FakeChat,
) -> None:
    brief = chat.send("ada", "/project capstone")
    assert "Milestone 1: a reproducible baseline" in brief and "70/100 passes" in brief
    ok = chat.send("ada", "/project submit capstone https://github.com/ada/capstone")
    assert "Project for `capstone`" in ok and "scored against its rubric" in ok
    assert "/quiz capstone" not in ok
    assert "`capstone` submitted" in chat.send("ada", "/project list")
    ada = chat.services.learners.find(chat.platform, "w1", "ada")
    assert ada is not None and ada.id is not None
    assert chat.services.progress.of(ada.id) == {}
    assert "module_completed" not in [e.kind for e in chat.services.events.of(ada.id)]
