"""One course map: `/roadmap`, `/track` and `/progress` follow the learner's track."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.testing import FakeChat

COURSE_COHORT = "/cohort create course-5w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"


def test_a_course_cohort_learner_sees_the_course_track_and_its_current_week(
    chat: FakeChat,
) -> None:
    chat.send_admin("coach", COURSE_COHORT)
    joined = chat.send("ada", "/cohort join")
    assert "End-to-End MLOps video course" in joined and "/roadmap 1" not in joined
    chat.clock.set_time(datetime(2026, 12, 8, 12, tzinfo=UTC))
    outline = chat.send("ada", "/roadmap")
    assert "(`course-5w`): your cohort's current week" in outline
    assert "2. Project & Experimentation" in outline and "◀ you are here" in outline
    assert "Sections 4-6" in chat.send("ada", "/roadmap 2")
    progress = chat.send("ada", "/progress")
    assert "Track: *End-to-End MLOps video course in 5 weeks* (`course-5w`), week 2 of 5" in (
        progress
    )


def test_roadmap_shows_any_track_by_name_and_week(chat: FakeChat) -> None:
    week = chat.send("ada", "/roadmap course-5w 3")
    assert "Week 3 — Packaging & Pipelines" in week
    outline = chat.send("ada", "/roadmap curriculum-24")
    assert "*" in outline and "◀ you are here" not in outline
    assert "there is no week *99*" in chat.send("ada", "/roadmap course-5w 99")


def test_without_a_cohort_the_default_is_explained_and_track_picks_another(
    chat: FakeChat,
) -> None:
    outline = chat.send("ada", "/roadmap")
    assert "not in a cohort" in outline and "/track" in outline
    shown = chat.send("ada", "/track")
    assert "`course-5w`" in shown and "`curriculum-24`" in shown
    assert "You now follow *End-to-End MLOps video course" in chat.send("ada", "/track course")
    assert "the track you chose with `/track`" in chat.send("ada", "/roadmap")
    assert "Week 1 — Foundation" in chat.send("ada", "/roadmap 1")
    assert "I don't know the track *nope*" in chat.send("ada", "/track nope")
    assert "Back to the default track" in chat.send("ada", "/track default")
    assert "roadmap-12w" in chat.send("ada", "/roadmap")


def test_a_cohort_track_comes_before_a_chosen_one(chat: FakeChat) -> None:
    chat.send("ada", "/track curriculum-24")
    chat.send_admin("coach", COURSE_COHORT)
    chat.send("ada", "/cohort join")
    shown = chat.send("ada", "/track")
    assert "You're in a cohort" in shown and "course-5w" in shown
