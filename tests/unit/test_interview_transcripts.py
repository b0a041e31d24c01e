"""Mock interviews as chat transcripts: grading, hint / skip / stop, restarts, reviews, badge."""

from __future__ import annotations

from pathlib import Path

from bot.testing import FakeChat, Replies, make_services
from curriculum.catalog.interview import InterviewQuestion


def strong_answer(question: InterviewQuestion) -> str:
    """What a well-prepared candidate says: every key point, in their own sentences."""
    return " ".join(k.statement for k in question.key_points)


def answer(chat: FakeChat, user: str, text: str, thread: str = "t1") -> Replies:
    chat.send(user, text, thread=thread)
    return chat.send(user, "done", thread=thread)


def test_a_strong_answer_scores_high_with_the_sentences_that_covered_each_point(
    chat: FakeChat,
) -> None:
    started = chat.send("ada", "/interview one")
    assert "Question 1/1" in started and "`done`" in started.text
    question = chat.current_interview_question("ada")
    graded = answer(chat, "ada", strong_answer(question))
    assert "Score: 5.0/5" in graded or "Score: 3.8/5" in graded
    assert graded.text.count("✅") >= 3
    assert "you said: “" in graded and "Model answer:" in graded
    assert any(f in graded.text for f in question.follow_ups)
    assert "Interview finished" in graded


def test_a_copy_of_the_question_and_a_buzzword_list_score_low(chat: FakeChat) -> None:
    chat.send("bo", "/interview one")
    question = chat.current_interview_question("bo")
    copied = answer(chat, "bo", question.prompt)
    assert "Score: 0.0/5" in copied and copied.text.count("❌") == len(question.key_points)
    chat.send("bo", "/interview one", thread="t2")
    question = chat.current_interview_question("bo", "t2")
    buzzwords = ", ".join(k for p in question.key_points for k in p.keywords)
    listed = answer(chat, "bo", buzzwords, thread="t2")
    assert "Score: 0.0/5" in listed


def test_answers_over_several_messages_count_once(chat: FakeChat) -> None:
    started = chat.send("cy", "/interview week 4")
    question = chat.current_interview_question("cy")
    first, second = question.key_points[0].statement, question.key_points[1].statement
    assert "Noted" in chat.send("cy", first)
    assert "Noted" in chat.send("cy", second)
    graded = chat.send("cy", "done")
    assert "Score:" in graded and "Question 2/5" in graded
    again = chat.press("cy", "Done", started)
    assert again.items[0].ephemeral and "already counted" in again.text
    assert "Write your answer first" in chat.send("cy", "done")
    assert "question 2 of 5" in chat.send("cy", "/interview")  # resumes; nothing was skipped
    learner = chat.services.learners.find("fake", "w1", "cy")
    assert learner is not None and learner.id is not None
    assert len(chat.services.interviews.history(learner.id)) == 1


def test_hint_costs_half_a_point_skip_moves_on_and_stop_summarises(chat: FakeChat) -> None:
    chat.send("di", "/interview week 10")
    question = chat.current_interview_question("di")
    hint = chat.send("di", "hint")
    assert question.key_points[0].statement in hint and "−0.5" in hint.text
    graded = answer(chat, "di", strong_answer(question))
    assert "for 1 hint" in graded and ("Score: 4.5/5" in graded or "Score: 3.3/5" in graded)
    skipped = chat.send("di", "skip")
    assert "Skipped" in skipped and "Question 3/5" in skipped
    stopped = chat.send("di", "stop")
    assert "Interview stopped" in stopped and "(2 of 5 answered)" in stopped
    assert "skipped" in stopped and "📚 To read:" in stopped
    assert "No interview" not in chat.send("di", "what is drift?")  # the thread is free again


def test_interview_continues_after_a_restart(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    chat = FakeChat(services)
    chat.send("ed", "/interview")
    answer(chat, "ed", strong_answer(chat.current_interview_question("ed")))
    chat.send("ed", "Half of my second answer")
    services.close()

    restarted = FakeChat(make_services(tmp_path))
    resumed = restarted.send("ed", "/interview")
    assert "question 2 of 5" in resumed
    graded = restarted.send("ed", "done")
    assert "Score:" in graded and "Question 3/5" in graded
    restarted.services.close()


def test_missed_key_points_come_back_in_a_later_interview(chat: FakeChat) -> None:
    chat.send("fa", "/interview one")
    missed = chat.current_interview_question("fa")
    weak = answer(chat, "fa", "I am honestly not sure, I would probably google it at the time.")
    assert "will come back in a later `/interview`" in weak
    assert "Interview readiness" in chat.send("fa", "/progress")

    chat.clock.advance(days=2)
    assert "1 interview question with missed key points due again" in chat.send("fa", "/progress")
    later = chat.send("fa", "/interview", thread="t2")
    assert chat.current_interview_question("fa", "t2").id == missed.id
    assert "back for review" in later


def test_interview_ready_badge_after_15_strong_answers_across_6_weeks(chat: FakeChat) -> None:
    announced = ""
    for week in range(1, 7):
        thread = f"w{week}"
        chat.send("gil", f"/interview week {week}", thread=thread)
        for _ in range(3):
            question = chat.current_interview_question("gil", thread)
            replies = answer(chat, "gil", strong_answer(question), thread=thread)
        announced += chat.send("gil", "stop", thread=thread).text
        chat.clock.advance(hours=1)
    assert "Interview Ready" in announced
    progress = chat.send("gil", "/progress")
    assert "Interview Ready" in progress and "questions practised across" in progress
    assert replies.text


def test_help_lists_interview_practice(chat: FakeChat) -> None:
    assert "/interview" in chat.send("ada", "/help")


def test_an_interview_left_idle_ends_with_its_summary_and_frees_the_thread(chat: FakeChat) -> None:
    chat.send("hal", "/interview")
    answer(chat, "hal", strong_answer(chat.current_interview_question("hal")))
    chat.clock.advance(hours=13)
    later = chat.send("hal", "what is data drift?")
    assert "idle for over 12 hours" in later and "Interview stopped" in later
    assert "(1 of 5 answered)" in later
    assert "Noted" not in chat.send("hal", "what is concept drift?")
