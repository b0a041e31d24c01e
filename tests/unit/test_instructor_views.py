"""What the dashboard shows, computed in the core: answer distributions, gaps, privacy."""

from __future__ import annotations

from bot.core.instructor import gaps, learner, overview, questions
from bot.testing import FakeChat
from storage.repositories.cohort_faq import CohortFaqRepository
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort
from tests.unit.test_quiz_transcripts import play


def cohort(chat: FakeChat, *users: str) -> Cohort:
    chat.send_admin("coach", "/cohort create roadmap-12w start:2026-01-05")
    for user in users:
        chat.send(user, "/cohort join")
    found = CohortRepository(chat.services.db).by_channel("fake", "w1", "general")
    assert found is not None
    return found


def test_missed_questions_show_which_choice_people_picked(chat: FakeChat) -> None:
    group = cohort(chat, "ada", "bo")
    play(chat, "ada", "m01", right=True)
    play(chat, "bo", "m01", right=False)
    found = questions.missed(chat.services, group)
    assert found and all(q.wrong == 1 and q.total == 2 for q in found)
    for q in found:
        question = chat.services.curriculum.question(q.question_id)
        assert question is not None
        rights = [given for given, _, ok in q.distribution if ok]
        assert rights == [question.canonical_answer()]
        wrongs = [given for given, _, ok in q.distribution if not ok]
        assert len(wrongs) == 1 and wrongs[0] != rights[0]
        if question.choices:
            assert wrongs[0] in question.choices
        assert q.lesson == "m01" and q.anchor
    assert not [q for q in found if q.never_right]


def test_questions_nobody_got_right_are_flagged(chat: FakeChat) -> None:
    group = cohort(chat, "bo")
    play(chat, "bo", "m01", right=False)
    found = questions.missed(chat.services, group)
    assert found and all(q.never_right for q in found)


def test_the_admin_is_not_a_member_row(chat: FakeChat) -> None:
    group = cohort(chat, "ada")
    chat.send_admin("coach", "/cohort join")
    assert [m.name for m in overview.members(chat.services, group)] == ["Ada"]


def test_similar_gaps_group_and_an_answer_becomes_a_cohort_faq_entry(chat: FakeChat) -> None:
    group = cohort(chat, "ada", "bo")
    chat.send("ada", "who won the football world cup in 1998?")
    chat.send("bo", "who won the football world cup in 1998")
    chat.send("bo", "zxqv plorf wibble?")
    found = gaps.open_gaps(chat.services, group)
    assert [len(g.questions) for g in found] == [2, 1]
    assert found[0].declined and found[0].answer
    coach = chat.services.learners.find("fake", "w1", "coach")
    assert coach is not None
    entry = gaps.answer(
        chat.services, group, found[0], found[0].question, "Not in this course, sorry!", coach.id
    )
    assert entry.created_by == coach.id and entry.created_at is not None
    assert group.id is not None
    assert [e.answer for e in CohortFaqRepository(chat.services.db).active(group.id)] == [
        "Not in this course, sorry!"
    ]
    left = gaps.open_gaps(chat.services, group)
    assert [g.question for g in left] == ["zxqv plorf wibble?"]
    assert gaps.dismiss(chat.services, group, left[0], coach.id) == 1
    assert gaps.open_gaps(chat.services, group) == []
    assert "Not in this course, sorry!" in chat.send(
        "ada", "who won the football world cup in 1998?"
    )


def test_a_learner_with_private_progress_shows_only_projects(chat: FakeChat) -> None:
    cohort(chat, "ada")
    play(chat, "ada", "m01", right=True)
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    ada = chat.services.learners.find("fake", "w1", "ada")
    assert ada is not None
    shown = learner.history(chat.services, ada)
    assert not shown.private and shown.modules and shown.projects
    chat.send("ada", "/privacy public off")
    ada = chat.services.learners.find("fake", "w1", "ada")
    assert ada is not None
    hidden = learner.history(chat.services, ada)
    assert hidden.private and hidden.projects and not hidden.modules and not hidden.questions


def test_an_answer_marked_unhelpful_is_a_gap_with_its_answer_and_sources(chat: FakeChat) -> None:
    group = cohort(chat, "ada")
    replies = chat.send("ada", "What is canary deployment?")
    assert gaps.open_gaps(chat.services, group) == []
    chat.press("ada", "👎 Not helpful", replies)
    found = gaps.open_gaps(chat.services, group)
    assert len(found) == 1 and not found[0].declined
    assert found[0].question == "What is canary deployment?"
    assert found[0].answer and found[0].sources
