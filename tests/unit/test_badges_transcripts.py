"""Badges as chat transcripts: milestones, levels, specialties, Fast Learner, reconcile."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from bot.core.progress import mark_announced, pending_announcements, reconcile
from bot.testing import FakeChat, Replies
from storage.tables import BadgeAward, Cohort, CohortMember
from tests.unit.test_quiz_transcripts import answer, play


def complete(chat: FakeChat, user: str, module: str) -> Replies:
    """Pass a module quiz with every answer right, then submit its project."""
    play(chat, user, module, right=True)
    return chat.send(user, f"/project submit {module} https://github.com/{user}/{module}")


def play_with_misses(chat: FakeChat, user: str, module: str, misses: int) -> Replies:
    """Take a module quiz, answering the first `misses` questions wrong."""
    replies = chat.send(user, f"/quiz {module}")
    total = chat.services.curriculum.modules[module].quiz_questions
    for i in range(total):
        replies = answer(chat, user, replies, right=i >= misses)
    return replies


def join_cohort(chat: FakeChat, users: list[str], **settings: object) -> None:
    """Create a cohort on the chat's channel with these members (cohort admin is out of scope)."""
    now = chat.clock.now()
    ids = []
    for user in users:
        learner = chat.services.learners.get_or_create(chat.platform, "w1", user, user.title(), now)
        ids.append(learner.id)
    with chat.services.db.session() as s:
        cohort = Cohort(
            platform=chat.platform,
            workspace="w1",
            channel_id=chat.channel,
            track_id="curriculum-24",
            start_date=date(2026, 1, 5),
            created_at=now,
            **settings,
        )
        s.add(cohort)
        s.flush()
        for learner_id in ids:
            s.add(CohortMember(cohort_id=cohort.id, learner_id=learner_id, joined_at=now))


def held(chat: FakeChat, user: str) -> set[str]:
    learner = chat.services.learners.find(chat.platform, "w1", user)
    assert learner is not None and learner.id is not None
    return {a.badge_id for a in chat.services.badges.of(learner.id)}


def test_first_steps_after_the_first_module_and_not_before(chat: FakeChat) -> None:
    passed = play(chat, "ada", "m01", right=True)
    assert "New badge" not in passed
    assert "/project submit m01" in chat.send("ada", "/progress")
    submitted = chat.send("ada", "/project submit m01 https://github.com/ada/m01 first try")
    assert "✅ Module `m01` complete" in submitted
    assert "🏅 New badge: 🎯 *First Steps*" in submitted
    again = chat.send("ada", "/project submit m01 https://github.com/ada/m01-v2")
    assert "New badge" not in again
    assert held(chat, "ada") == {"first-steps"}


def test_project_first_then_quiz_announces_in_the_quiz_reply(chat: FakeChat) -> None:
    chat.send("ada", "/project submit m01 https://github.com/ada/m01")
    finished = play(chat, "ada", "m01", right=True)
    assert "🏅 New badge: 🎯 *First Steps*" in finished


def test_knowledge_seeker_after_five_and_beginner_master_after_four(chat: FakeChat) -> None:
    for module in ("m01", "m02", "m03"):
        complete(chat, "ada", module)
    fourth = complete(chat, "ada", "m04")
    assert "Beginner Master" in fourth and "Knowledge Seeker" not in fourth
    assert "Knowledge Seeker 4/5 modules" in chat.send("ada", "/progress")
    fifth = complete(chat, "ada", "m05")
    assert "📚 *Knowledge Seeker*" in fifth
    assert {"first-steps", "beginner-master", "knowledge-seeker"} <= held(chat, "ada")


def test_a_specialty_badge_needs_its_score_bar(chat: FakeChat) -> None:
    for module in ("m02", "m08", "m15"):
        play_with_misses(chat, "bo", module, misses=1)  # 86-91%: m02 6/7 is under 90%
        chat.send("bo", f"/project submit {module} https://example.org/bo/{module}")
    assert "data-engineer" not in held(chat, "bo")
    retake = play(chat, "bo", "m02", right=True)
    assert "📊 *Data Engineer*" in retake
    assert "data-engineer" in held(chat, "bo")


def _beginner_run(chat: FakeChat, user: str, days_between: int) -> None:
    for module in ("m01", "m02", "m03", "m04"):
        complete(chat, user, module)
        chat.clock.advance(days=days_between)


def test_fast_learner_under_plan_and_faster_than_the_cohort_record(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo", "cy", "di"])
    _beginner_run(chat, "ada", days_between=5)  # 15 days < 28: first in cohort
    assert "fast-learner" in held(chat, "ada")
    _beginner_run(chat, "bo", days_between=6)  # 18 days: under plan, slower than ada
    assert "fast-learner" not in held(chat, "bo")
    _beginner_run(chat, "cy", days_between=4)  # 12 days: a new record
    assert "fast-learner" in held(chat, "cy")
    _beginner_run(chat, "di", days_between=0)  # same day, 0 days: fastest
    assert "fast-learner" in held(chat, "di")


def test_fast_learner_needs_fewer_days_than_the_plan(chat: FakeChat) -> None:
    _beginner_run(chat, "eve", days_between=10)  # 30 days >= 28
    assert "beginner-master" in held(chat, "eve")
    assert "fast-learner" not in held(chat, "eve")


def _forget_awards(chat: FakeChat) -> None:
    with chat.services.db.session() as s:
        for award in s.exec(select(BadgeAward)).all():
            s.delete(award)


def test_reconcile_twice_grants_and_announces_nothing_new(chat: FakeChat) -> None:
    join_cohort(chat, ["ada"], announce_badges=True)
    complete(chat, "ada", "m01")
    ada = chat.services.learners.find(chat.platform, "w1", "ada")
    assert ada is not None
    _forget_awards(chat)  # as if awarding had just been switched on
    first = reconcile(chat.services)
    assert [b for _, b in first.granted] == ["first-steps"]
    pending = pending_announcements(chat.services)
    assert len(pending) == 1 and "First Steps" in pending[0][1].plain
    assert pending[0][0].channel == chat.channel
    assert mark_announced(chat.services, *pending[0])
    assert not mark_announced(chat.services, *pending[0])
    second = reconcile(chat.services)
    assert second.granted == [] and second.completed == 0
    assert pending_announcements(chat.services) == []


def test_opted_out_cohorts_and_learners_get_no_channel_announcement(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo"], announce_badges=False)
    complete(chat, "ada", "m01")
    assert pending_announcements(chat.services) == []


def test_a_learner_can_opt_out_of_channel_announcements(chat: FakeChat) -> None:
    join_cohort(chat, ["ada"], announce_badges=True)
    chat.send("ada", "/privacy announce off")
    assert "First Steps" in complete(chat, "ada", "m01")  # still told in the reply itself
    assert pending_announcements(chat.services) == []


def test_grants_backfilled_more_than_two_days_late_are_never_announced(chat: FakeChat) -> None:
    join_cohort(chat, ["ada"], announce_badges=True)
    complete(chat, "ada", "m01")
    _forget_awards(chat)
    chat.clock.advance(days=3)
    assert reconcile(chat.services).granted
    assert pending_announcements(chat.services) == []


def test_badges_lists_all_twelve_and_cohort_holders(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo"])
    complete(chat, "ada", "m01")
    replies = chat.send("bo", "/badges")
    for badge in chat.services.curriculum.badges:
        assert badge.name in replies
    assert len(chat.services.curriculum.badges) == 13
    assert "Held by: Ada" in replies.text.replace("_", "")
