"""Answers that answer: small talk, course questions from data, organisers, conversations.

These run on the fast hashing embedder: what they check does not depend on the model's
semantics (the real-model transcripts are in tests/integration/test_answers_real_model.py).
"""

from __future__ import annotations

from sqlmodel import select

from bot.testing import FakeChat
from storage.tables import AskedQuestion

COHORT = "/cohort create course-5w start:2025-12-22 day:mon time:09:00 tz:Europe/Berlin"


def asked(chat: FakeChat) -> list[AskedQuestion]:
    with chat.services.db.session() as s:
        return list(s.exec(select(AskedQuestion).order_by(AskedQuestion.id)))  # type: ignore[arg-type]


def test_help_typed_without_the_slash_shows_the_commands(chat: FakeChat) -> None:
    replies = chat.send("ada", "help")
    assert "`/quiz" in replies and "`/new`" in replies
    assert not asked(chat)


def test_greetings_and_thanks_get_a_short_friendly_reply_and_no_search(chat: FakeChat) -> None:
    assert "I'm MLOps Tutor" in chat.send("ada", "hi there!")
    assert "Glad it helped" in chat.send("ada", "thanks, that helped")
    assert not asked(chat)


def test_what_is_mlops_gets_the_definition(chat: FakeChat) -> None:
    replies = chat.send("ada", "what is mlops?")
    assert "*MLOps*: practices, roles and tools" in replies
    assert asked(chat)[-1].kind == "term"


def test_the_innovator_badge_question_gives_its_rule_and_my_progress(chat: FakeChat) -> None:
    replies = chat.send("ada", "how do I get the Innovator badge?")
    assert "*💡 Innovator*" in replies
    assert "10 acknowledged contributions" in replies.text or "ten" in replies.text.lower()
    assert "Your progress: 0/10 acknowledged contributions" in replies
    assert "Beginner Master" not in replies


def test_a_badge_named_without_the_word_badge_is_a_badge_question(chat: FakeChat) -> None:
    replies = chat.send("ada", "what do I need for Beginner Master?")
    assert "Beginner Master*" in replies and "Your progress" in replies


def test_words_that_happen_to_form_a_badge_name_are_not_a_badge_question(
    chat: FakeChat,
) -> None:
    for question in (
        "how is mlops different from data engineering",
        "what are the first steps in mlops",
        "how do i become an mlops expert",
    ):
        assert "Your progress" not in chat.send("bea", question), question


def test_this_week_for_a_cohort_learner_is_the_cohort_tracks_current_week(
    chat: FakeChat,
) -> None:
    chat.send_admin("coach", COHORT, thread=None)
    chat.send("ada", "/cohort join", thread=None)
    # The fake clock reads Mon 2026-01-05 09:00 UTC: the third Monday post (08:00 UTC) is out.
    replies = chat.send("ada", "what should I study this week?")
    assert "*Week 3* of *" in replies
    assert "your cohort's current week" in replies
    track = chat.services.curriculum.tracks["course-5w"]
    assert track.title in replies and track.weeks[2].title in replies


def test_without_a_cohort_this_week_says_which_track_it_uses(chat: FakeChat) -> None:
    replies = chat.send("ada", "what should I study this week?")
    assert "not in a cohort" in replies and "`roadmap-12w`" in replies


def test_an_asked_week_without_a_cohort_does_not_claim_to_be_week_1(chat: FakeChat) -> None:
    replies = chat.send("ada", "whats the deliverable for week 2")
    assert "*Week 2* of *" in replies and "`roadmap-12w`" in replies
    assert "week 1" not in replies.text.lower()


def test_week_5_of_the_roadmap_comes_from_the_roadmap_track(chat: FakeChat) -> None:
    replies = chat.send("ada", "what should I do in week 5 of the roadmap?")
    week = chat.services.curriculum.tracks["roadmap-12w"].weeks[4]
    assert f"*Week 5 — {week.title}*" in replies
    assert "interview" not in replies.text.lower()


def test_how_many_modules_says_24(chat: FakeChat) -> None:
    replies = chat.send("ada", "how many modules are there?")
    assert "*24 modules*" in replies and "beginner m01-m04" in replies


def test_how_long_the_whole_course_takes_is_computed_from_the_catalog(chat: FakeChat) -> None:
    modules = chat.services.curriculum.ordered_modules()
    low = sum(m.duration_hours[0] for m in modules)
    high = sum(m.duration_hours[1] for m in modules)
    replies = chat.send("ada", "how long does the whole course take?")
    assert f"about {low}-{high} hours" in replies


def test_whats_in_a_module_and_its_prerequisites(chat: FakeChat) -> None:
    assert "*m07 · Cloud Platforms for ML*" in chat.send("ada", "what's in module 7?")
    replies = chat.send("ada", "what do I need before m05?")
    assert "Before *m05" in replies and "`m01`" in replies and "`m04`" in replies


def test_a_question_that_names_a_module_asks_about_its_topic_not_its_overview(
    chat: FakeChat,
) -> None:
    assert "*m22 · " in chat.send("ada", "give me a quick overview of module 22")
    replies = chat.send("ada", "what are the dora metrics from m22")
    assert "*m22 · " not in replies and asked(chat)[-1].kind != "course"


def test_a_certificate_question_goes_to_the_organisers_and_is_logged_as_a_gap(
    chat: FakeChat,
) -> None:
    replies = chat.send("ada", "do we get a certificate at the end?")
    assert "cohort organisers" in replies
    row = asked(chat)[-1]
    assert row.declined and row.kind == "organiser"


def test_an_invoice_or_a_payment_in_ml_work_is_a_course_question_not_the_organisers(
    chat: FakeChat,
) -> None:
    for question in (
        "should we build our own invoice OCR model or just use textract?",
        "why would i pay for sagemaker when i could run mlflow + kserve on our own k8s?",
    ):
        assert "cohort organisers" not in chat.send("ada", question)
        assert asked(chat)[-1].kind != "organiser"
    assert "cohort organisers" in chat.send("ada", "the invoice i got has the wrong company name")
    assert "cohort organisers" in chat.send("ada", "can i get an extension on the capstone?")
    assert "cohort organisers" in chat.send(
        "ada", "can i switch to the next cohort in march without paying again"
    )
    assert "cohort organisers" in chat.send(
        "ada", "can a colleague join our cohort, what's the cost"
    )


def test_a_problem_told_with_last_week_or_a_one_on_one_is_searched_not_routed(
    chat: FakeChat,
) -> None:
    for question in (
        "i ran about 30 training runs last week and the best score is lost in a notebook",
        "our gpu sits at 10% utilization what do i do",
        "my director's first 1:1 was full of jargon about platform teams",
        "why would i discount future benefits in the business case",
    ):
        chat.send("ada", question)
        assert asked(chat)[-1].kind not in ("course", "organiser"), question
    chat.send("ada", "what should i study this week?")
    assert asked(chat)[-1].kind == "course"


def test_an_organiser_faq_entry_is_answered_in_that_cohort(chat: FakeChat) -> None:
    chat.send_admin("coach", COHORT, thread=None)
    added = chat.send_admin(
        "coach", "/cohort faq add Do we get a certificate? | Yes: a PDF after week 5.", thread=None
    )
    assert "Added FAQ entry" in added
    chat.send("ada", "/cohort join", thread=None)
    replies = chat.send("ada", "Do we get a certificate?")
    assert "Yes: a PDF after week 5." in replies and "Coach" in replies
    assert asked(chat)[-1].kind == "cohort_faq"
    assert "cohort organisers" in chat.send("bo", "Do we get a certificate?")


def test_only_admins_add_cohort_faq_entries(chat: FakeChat) -> None:
    chat.send_admin("coach", COHORT, thread=None)
    refused = chat.send("ada", "/cohort faq add When? | Now.", thread=None)
    assert "Only cohort admins" in refused


def test_two_console_users_do_not_share_a_conversation(chat: FakeChat) -> None:
    console = FakeChat(chat.services, platform="console", channel="console")
    console.send("ada", "What is data drift?", thread=None)
    console.send("bo", "and how do I detect it?", thread=None)
    ada, bo = asked(chat)
    assert ada.thread_key == bo.thread_key
    assert bo.search_text is None  # bo's question was not merged with ada's


def test_new_starts_a_fresh_conversation(chat: FakeChat) -> None:
    chat.send("ada", "What is data drift?")
    assert "Fresh start" in chat.send("ada", "/new")
    learner = chat.services.learners.find("fake", "w1", "ada")
    assert learner is not None and learner.id is not None
    assert chat.services.questions.conversation(learner.id, "fake:w1:general:t1") == []


def test_near_miss_off_topic_messages_are_declined_like_the_written_exemplars(
    chat: FakeChat,
) -> None:
    # Both share words with the course ("drift", "container"); the exemplars of
    # declines/offtopic.yaml are closer than any course phrasing.
    for message in (
        "how do you drift a rear wheel drive car",
        "what does it cost to ship a container from shanghai to rotterdam",
    ):
        assert "I can only answer questions about the MLOps course" in chat.send("ada", message)
    assert "*Data drift*" in chat.send("ada", "what is data drift?")


def test_a_fact_from_a_sections_details_follows_its_answer_with_the_section_cited(
    chat: FakeChat,
) -> None:
    section = chat.services.curriculum.answers["m06"].sections[2]
    assert section.anchor == "monitoring-fundamentals"
    replies = chat.send("ada", "where do I store the prediction log? parquet in object storage?")
    assert section.answer.split(".")[0] in replies.text.replace("\n", " ")
    assert f"• {section.details[0]}" in replies
    cited = replies.citations()
    assert ("lessons/m06.md", "monitoring-fundamentals") in [(c.source, c.anchor) for c in cited]


def test_how_do_i_start_is_about_the_course_only_when_nothing_else_follows(
    chat: FakeChat,
) -> None:
    # The sourdough question goes to the course search (the real model declines it, see
    # tests/integration/test_answers_real_model.py), not to "where you are in the course".
    assert "/quiz m01" not in chat.send("ada", "how do I start a sourdough starter for bread?")
    assert "/quiz m01" in chat.send("ada", "how do I start?")


def test_a_week_or_a_duration_in_passing_does_not_make_a_course_question(chat: FakeChat) -> None:
    for message in (
        "my pet canary stopped singing this week, should I see a vet?",
        "any good deals on tvs this week",
        "how long does it take to retrain a model on a gpu",
    ):
        replies = chat.send("ada", message)
        assert "roadmap-12w" not in replies and "hours" not in replies, message
    assert "`roadmap-12w`" in chat.send("ada", "what are we covering this week?")
    assert "hours" in chat.send("ada", "how long does it take?")


def test_where_do_i_start_after_a_described_problem_is_searched_not_the_course_plan(
    chat: FakeChat,
) -> None:
    described = "p50 latency looks fine but p99 keeps spiking since monday, where do i even start"
    assert "/quiz m01" not in chat.send("ada", described)
    assert "/quiz m01" in chat.send("ada", "where do i even start?")
