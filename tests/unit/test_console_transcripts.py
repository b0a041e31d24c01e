"""The console as a team trial, through a pipe: numbered buttons, admins, files, reading well."""

from __future__ import annotations

import getpass
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.console.broadcast import ConsoleBroadcaster
from bot.adapters.console.render import render
from bot.adapters.console.repl import run_console
from bot.bootstrap import Services, bootstrap, shipped_curriculum
from bot.core.broadcast import Destination
from bot.core.clock import FakeClock
from bot.core.reply import Reply
from bot.settings import Settings
from knowledge.embeddings import HashingEmbedder
from knowledge.service import Knowledge


def console_services(tmp_path: Path, **settings: object) -> Services:
    config = Settings(
        data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/t.db", quiz_seed=7, **settings
    )
    curriculum = shipped_curriculum()
    knowledge = Knowledge.build(tmp_path, embedder=HashingEmbedder(), curriculum=curriculum)
    return bootstrap(
        config, clock=FakeClock(), curriculum=curriculum, auto_upgrade=True, knowledge=knowledge
    )


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    built = console_services(tmp_path, console_user="ada", console_admins="ada")
    yield built
    built.close()


def session(services: Services, *lines: str, save_to: Path | None = None) -> str:
    out = io.StringIO()
    run_console(services, io.StringIO("\n".join(lines) + "\n"), out, save_to=save_to)
    return out.getvalue()


def test_answer_buttons_are_shown_and_a_typed_number_presses_them(services: Services) -> None:
    services.knowledge.ensure_ingested(services.curriculum)
    shown = session(services, "/ask what is data drift?", "1")
    assert "1) 👍 Helpful   2) 👎 Not helpful" in shown
    assert "answer with a number from 1 to 2" not in shown
    assert "Thanks, your feedback is noted" in shown.split("you> 1")[1]
    assert "No quiz is running" not in shown


def test_inside_a_quiz_a_number_after_an_answer_rates_the_answer_not_the_quiz(
    services: Services,
) -> None:
    services.knowledge.ensure_ingested(services.curriculum)
    shown = session(services, "/quiz m01", "/ask what is data drift?", "1", "/quiz")
    after = shown.split("you> 1")[1]
    assert "Thanks, your feedback is noted" in after
    assert "Right" not in after.split("you> /quiz")[0]
    assert "Not quite" not in after.split("you> /quiz")[0]
    assert "question 1 of 5" in after


def test_a_quiz_choice_typed_as_a_number_still_answers_the_quiz(services: Services) -> None:
    shown = session(services, "/quiz m01", "1")
    assert "(type a number from 1 to" in shown
    after = shown.split("you> 1")[1]
    assert "Right" in after or "Not quite" in after


def test_lesson_pages_turn_with_typed_numbers(services: Services) -> None:
    shown = session(services, "/lesson m01", "1", "1")
    assert "1) 📖 Start reading" in shown
    assert "section 1/" in shown and "› *Key terms*" not in shown
    assert "Key terms · section 2/" in shown


def test_console_admins_come_from_a_setting_not_from_being_at_the_console(
    tmp_path: Path,
) -> None:
    learner = console_services(tmp_path / "a", console_user="eve", console_admins="coach")
    refused = session(learner, "/cohort create course-5w start:2026-11-30")
    assert "Only cohort admins" in refused
    learner.close()
    coach = console_services(tmp_path / "b", console_user="coach", console_admins="coach, lee")
    assert "This channel now follows" in session(coach, "/cohort create course-5w start:2026-11-30")
    coach.close()
    default = console_services(tmp_path / "c", console_user=getpass.getuser())
    assert "This channel now follows" in session(
        default, "/cohort create course-5w start:2026-11-30"
    )
    default.close()


def test_files_say_how_to_save_them_and_are_named_per_user(
    services: Services, tmp_path: Path
) -> None:
    shown = session(services, "/privacy export", "/progress")
    assert "start the console with --save-files DIR to save it" in shown
    assert "(1 record in 1 table:" in shown
    saved = session(services, "/progress", save_to=tmp_path / "files")
    assert (tmp_path / "files" / "progress-ada.png").exists()
    assert "saved" in saved and "--save-files" not in saved


def test_a_scheduled_post_reprints_the_prompt() -> None:
    import asyncio

    out = io.StringIO()
    broadcaster = ConsoleBroadcaster(out, prompt="you> ")
    asyncio.run(broadcaster.post(Destination("console", "local", "console"), Reply.text("Week 1")))
    assert out.getvalue().endswith("Week 1\n\nyou> ")


def test_markdown_is_rendered_lines_wrap_and_plurals_read_well(services: Services) -> None:
    reply = Reply.text("*Bold* and `code` and _soft_; " + "word " * 40)
    wrapped = render(reply, width=40)
    assert all(len(line) <= 40 for line in wrapped.splitlines())
    assert "*" not in wrapped and "`" not in wrapped and "_soft_" not in wrapped
    shown = session(
        services, "/help", "/cohort create roadmap-12w start:2026-11-30", "/cohort digest maybe"
    )
    assert "in this thread" not in shown
    assert "Usage: /cohort digest on or /cohort digest off" in shown
    assert "late-policy" not in shown.split("you> /cohort digest maybe")[1]


def test_code_inside_emphasis_loses_its_backticks_too() -> None:
    shown = render(Reply.text("_Quiz yourself with `/quiz m01`._ *Bold `x`* `a_b`"))
    assert shown == "Quiz yourself with /quiz m01. Bold x a_b"
