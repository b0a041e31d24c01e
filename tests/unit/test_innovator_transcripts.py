"""Innovator from community activity: only substantive messages acknowledged by others count."""

from __future__ import annotations

from bot.core.activity import MessageDeleted, MessagePosted, ReactionAdded
from bot.core.progress import pending_announcements, reconcile
from bot.core.progress.records import build_record
from bot.testing import FakeChat
from curriculum.badges import progress_toward
from tests.unit.test_badges_transcripts import held, join_cohort

TOPICS = [
    "feature stores",
    "drift detection",
    "canary releases",
    "model registries",
    "data contracts",
    "shadow deployments",
    "experiment tracking",
    "batch inference",
    "alert fatigue",
    "rollback plans",
    "GPU scheduling",
    "schema validation",
    "blue green deploys",
    "label quality",
    "cost dashboards",
]


def substantive(n: int) -> str:
    topic = TOPICS[n % len(TOPICS)]
    return (
        f"Here is what I learned about {topic} this week: start small, write down the failure "
        f"modes you expect, and test the {topic} setup on real traffic before trusting it ({n})."
    )


def post(chat: FakeChat, user: str, n: int, text: str | None = None, **extra: object) -> str:
    message_id = f"{user}-{n}"
    chat.router.observe(
        MessagePosted(
            platform=chat.platform,
            workspace="w1",
            channel=str(extra.pop("channel", chat.channel)),
            message_id=message_id,
            user=user,
            text=text if text is not None else substantive(n),
            display_name=user.title(),
            **extra,  # type: ignore[arg-type]
        )
    )
    return message_id


def react(chat: FakeChat, author: str, message_id: str, by: str) -> None:
    chat.router.observe(
        ReactionAdded(chat.platform, "w1", chat.channel, message_id, author, by, "thumbsup")
    )


def _innovator_progress(chat: FakeChat, user: str) -> tuple[int, int]:
    learner = chat.services.learners.find(chat.platform, "w1", user)
    assert learner is not None
    badge = next(b for b in chat.services.curriculum.badges if b.id == "innovator")
    record = build_record(chat.services, learner)
    found = progress_toward(badge, record, chat.services.curriculum)
    return found.done, found.total


def test_ten_acknowledged_contributions_over_three_days_earn_innovator(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo", "cy"])
    n = 0
    for _day in range(4):
        for _ in range(3):
            n += 1
            message_id = post(chat, "ada", n)
            react(chat, "ada", message_id, "bo" if n % 2 else "cy")
        reconcile(chat.services)
        if n < 10:
            assert "innovator" not in held(chat, "ada")
        chat.clock.advance(days=1)
    assert "innovator" in held(chat, "ada")
    assert "You earned it on 2026-01-08" in chat.send("ada", "/badges")


def test_self_reactions_one_word_spam_and_bots_earn_nothing(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo"])
    for day in range(5):
        for i in range(10):
            own = post(chat, "ada", day * 100 + i)
            react(chat, "ada", own, "ada")  # self-reaction
            short = post(chat, "bo", day * 100 + i, text="agreed")
            react(chat, "bo", short, "ada")  # acknowledged, but one word
        chat.clock.advance(days=1)
    post(chat, "robot", 1, is_bot=True)
    reconcile(chat.services)
    assert "innovator" not in held(chat, "ada") and "innovator" not in held(chat, "bo")
    assert chat.services.learners.find(chat.platform, "w1", "robot") is None
    assert _innovator_progress(chat, "ada") == (0, 10)


def test_daily_cap_duplicates_deletions_and_other_channels_do_not_count(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo"])
    for i in range(12):  # one day: only 3 count
        react(chat, "ada", post(chat, "ada", i), "bo")
    chat.clock.advance(days=1)
    for i in range(12, 15):  # near-duplicates of day one's messages
        react(chat, "ada", post(chat, "ada", i, text=substantive(i - 12)), "bo")
    for i in range(15, 18):  # not a cohort channel
        react(chat, "ada", post(chat, "ada", i, channel="random"), "bo")
    chat.clock.advance(days=1)
    for i in range(18, 21):  # then deleted
        message_id = post(chat, "ada", i)
        react(chat, "ada", message_id, "bo")
        chat.router.observe(MessageDeleted(chat.platform, "w1", chat.channel, message_id, "ada"))
    reconcile(chat.services)
    assert "innovator" not in held(chat, "ada")
    assert _innovator_progress(chat, "ada") == (3, 10)
    assert "Innovator 3/10 acknowledged contributions (1/3 days)" in chat.send("ada", "/progress")


def test_replies_from_other_learners_acknowledge_a_contribution(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo"])
    for day in range(4):
        for i in range(3):
            n = day * 10 + i
            message_id = post(chat, "ada", n)
            post(chat, "bo", n, reply_to_user="ada", reply_to_message=message_id, thread="t")
        chat.clock.advance(days=1)
    reconcile(chat.services)
    assert "innovator" in held(chat, "ada")


def test_the_acknowledgement_itself_grants_and_queues_the_announcement(chat: FakeChat) -> None:
    join_cohort(chat, ["ada", "bo"], announce_badges=True)
    for day in range(4):
        for i in range(3):
            react(chat, "ada", post(chat, "ada", day * 10 + i), "bo")
        chat.clock.advance(days=1)
    assert "innovator" in held(chat, "ada")
    pending = [reply.plain for _, reply in pending_announcements(chat.services)]
    assert pending == ["🏅 Ada earned 💡 *Innovator* — Contribute to community discussions"]
