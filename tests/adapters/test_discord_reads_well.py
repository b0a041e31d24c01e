"""Item 13 of issue 15 on Discord: every message of a learner's and an admin's session reads
well. The real discord.py client runs against the fake Discord, which refuses what Discord
refuses (2,000 characters, embed and button limits, pings); these tests read what got through."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from tests.adapters.discord_world import APP_ID
from tests.adapters.fake_discord import BOT_ID, Course, DiscordHarness, all_text, buttons

TUTOR = f"<@{BOT_ID}>"
CREATE = "create course-5w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"
PLURALS = "records|tables|minutes|attempts|questions|modules|weeks|days|cards|cohort memberships"
WORDING = {
    "a (s) plural": re.compile(r"\(s\)"),
    "a plural after 1": re.compile(rf"(?<![\d/.,])\b1 (?:{PLURALS})\b"),
    "a stray dash ending a line": re.compile(r" -$", re.MULTILINE),
    "a choice range from 1 to 0": re.compile(r"number from 1 to 0"),
    "Slack wording": re.compile(r"\bSlack\b|\bworkspace\b|Block Kit"),
}
"""Defects of the tutor's own wording (lesson text may well talk about Slack workspaces)."""
MARKDOWN = {
    "a file path": re.compile(r"\b(?:lessons|catalog|seeds)/[\w./#-]+"),
    "Slack escaping": re.compile(r"&(?:lt|gt|amp);"),
    "a Slack link or ping": re.compile(r"<(?:https?://[^>|\s]*\||!(?:channel|here|everyone))"),
    "a Slack emoji code": re.compile(r"(?<![\w`:]):[a-z][a-z0-9_+-]*:(?![\w`])"),
    "a GitHub table": re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE),
    "Slack bold (italic on Discord)": re.compile(
        r"(?<![\\\w*])\*(?![\s*])[^*\n]+(?<![\s*\\])\*(?![\w*])"
    ),
}
"""Markdown of another dialect, or a place only the repository knows."""
HELP_DUMP = "Commands:"


def bot_messages(h: DiscordHarness) -> list[dict[str, Any]]:
    """Everything the tutor posted, public or ephemeral, in channels, threads and DMs."""
    return [m for m in h.world.messages.values() if m["author"]["id"] == str(APP_ID)]


def shown(message: dict[str, Any]) -> str:
    """What a reader sees of a message: content, embeds and button labels."""
    parts = [message.get("content") or ""]
    for e in message.get("embeds") or []:
        parts += [e.get("title") or "", e.get("description") or ""]
        parts += [f"{f['name']}\n{f['value']}" for f in e.get("fields") or []]
    parts += [b.get("label") or "" for b in buttons(message)]
    return "\n".join(p for p in parts if p)


def outside_code(text: str) -> str:
    """The text without code blocks and spans, and without Discord's `**bold**` markers."""
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    return re.sub(r"`[^`\n]*`", " ", text).replace("**", "")


def defects(text: str, checks: dict[str, re.Pattern[str]] | None = None) -> list[str]:
    prose = outside_code(text)
    found = (checks or WORDING | MARKDOWN).items()
    return [name for name, pattern in found if pattern.search(prose)]


def named_commands(text: str) -> set[str]:
    """The commands a message tells the reader to type (`/quiz m01` names `quiz`); a typo
    echoed back ("I don't know the command `/qiuz`") is not one."""
    return set(re.findall(r"(?<!the command )`/([a-z][a-z-]*)", text))


def assert_reads_well(h: DiscordHarness, c: Course) -> None:
    assert c.world.refusals == []
    assert not any(it.thinking for it in c.world.interactions.values())
    synced = set(c.world.commands)
    for message in bot_messages(h):
        text = shown(message)
        assert not defects(text), (defects(text), text[:600])
        missing = named_commands(text) - synced
        assert not missing, (missing, text[:300])


def live_question(h: DiscordHarness, thread: int) -> dict[str, Any] | None:
    asked = [
        m for m in h.seen(thread)
        if buttons(m) and not buttons(m)[0].get("disabled")
        and buttons(m)[0]["custom_id"].startswith("tutor:quiz.answer:")
    ]  # fmt: skip
    return asked[-1] if asked else None


async def quiz_all_wrong(h: DiscordHarness, c: Course, target: str) -> int:
    """`/quiz target` in #general, every question answered wrong, by button or by typing."""
    await h.slash(c.ada, c.general, "quiz", target=target)
    thread = int(h.world.threads_of(c.general)[-1]["id"])
    cur = h.client.services.curriculum
    while "Best score on" not in h.texts(thread):
        question = live_question(h, thread)
        if question is None:  # a short-answer question: typed
            await h.say(c.ada, thread, "no idea at all")
            continue
        qid = buttons(question)[0]["custom_id"].split(":")[3]
        right = cur.question(qid).canonical_answer()  # type: ignore[union-attr]
        wrong = next(b for b in buttons(question) if b["label"] != right)
        await h.press(c.ada, int(question["id"]), wrong["custom_id"])
    return thread


async def learner_session(h: DiscordHarness, c: Course) -> dict[str, Any]:
    """Ada's day: she asks, quizzes, reads, checks where she stands and types a typo."""
    seen: dict[str, Any] = {}
    await h.slash(c.coach, c.general, "cohort", args=CREATE)
    await h.slash(c.ada, c.general, "cohort", args="join")
    await h.say(c.ada, c.general, f"{TUTOR} what is concept drift? @everyone")
    seen["asked"] = int(h.world.threads_of(c.general)[-1]["id"])
    seen["ask"] = await h.slash(c.ada, c.general, "ask", question="How does DVC version data?")
    seen["quiz"] = await quiz_all_wrong(h, c, "m01")
    for name in ("progress", "track", "roadmap", "badges", "help", "new"):
        seen[name] = await h.slash(c.ada, c.general, name)
    seen["export"] = await h.slash(c.ada, c.general, "privacy", args="export")
    seen["lesson"] = await h.slash(c.ada, c.general, "lesson", module="m01")
    page = h.seen(c.general)[-1]
    for label in ("📖 Start reading", "Next ▶", "Next ▶", "Next ▶", "◀ Previous"):
        button = next(b for b in buttons(page) if b["label"] == label)
        await h.press(c.ada, int(page["id"]), button["custom_id"])
        page = h.world.messages[int(page["id"])]
    dm = int((await h.client.http.start_private_message(c.ada))["id"])
    seen["dm"] = dm
    await h.say(c.ada, dm, "/qiuz m01")
    await h.say(c.ada, dm, "help")
    return seen


async def admin_session(h: DiscordHarness, c: Course) -> dict[str, Any]:
    """Coach reviews a project and runs the cohort, with one mistyped setting."""
    seen: dict[str, Any] = {}
    await h.slash(c.coach, c.general, "cohort", args=CREATE)
    await h.slash(c.coach, c.general, "cohort", args="approval on")
    await h.slash(c.ada, c.general, "cohort", args="join")
    await h.slash(
        c.ada, c.general, "project", action="submit", module="m01", link="https://x.org/ada"
    )
    seen["pending"] = it = await h.slash(c.coach, c.general, "project", action="pending")
    item = next(m for m in it.followups if buttons(m))
    approve = next(b for b in buttons(item) if b["label"] == "Approve")
    seen["approved"] = await h.press(c.coach, int(item["id"]), approve["custom_id"])
    for args in ("post-now", "status", "report", "digest maybe"):
        seen[args] = await h.slash(c.coach, c.general, "cohort", args=args)
    seen["list"] = await h.slash(c.coach, c.general, "project", action="list", learner=c.ada)
    return seen


def test_every_message_of_a_learners_session_reads_well(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            seen = await learner_session(h, c)
            assert_reads_well(h, c)
            assert "@everyone" in h.world.channels[seen["asked"]]["name"]  # shown, no ping
            assert "Sources" in str([m["embeds"] for m in h.seen(seen["asked"])])
            assert "Progress for Ada" in all_text(seen["progress"])
            assert "Fresh start" in all_text(seen["new"]) and h.private(seen["new"])

    asyncio.run(scenario())


def test_every_message_of_an_admins_session_reads_well(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            seen = await admin_session(h, c)
            assert_reads_well(h, c)
            assert "Approved Ada's project" in all_text(seen["approved"])
            assert "https://x.org/ada" in all_text(seen["list"])
            assert "Ada's project submissions" in all_text(seen["list"])

    asyncio.run(scenario())


def test_a_mistake_gets_one_usage_line_not_the_whole_help(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            await h.slash(c.coach, c.general, "cohort", args=CREATE)
            wrong: list[str] = [
                all_text(await h.slash(c.coach, c.general, "cohort", args="digest maybe")),
                all_text(await h.slash(c.ada, c.general, "privacy", args="export eve")),
                all_text(await h.slash(c.ada, c.general, "lesson", module="m99")),
            ]
            dm = int((await h.client.http.start_private_message(c.ada))["id"])
            await h.say(c.ada, dm, "/qiuz m01")
            wrong.append(h.texts(dm).split("\n", 1)[1])
            assert "Did you mean `/quiz m01`?" in wrong[-1]
            for text in wrong:
                assert HELP_DUMP not in text and text.count("\n") <= 1, text

    asyncio.run(scenario())


def test_citations_on_discord_name_the_section_and_the_lesson_command(tmp_path: Path) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            thread = await quiz_all_wrong(h, c, "m01")
            sources = [
                e["description"] for m in h.seen(thread) for e in m["embeds"]
                if e.get("title") == "Sources"
            ]  # fmt: skip
            assert len(sources) == 5
            assert all("· read it: `/lesson m01 " in s for s in sources), sources
            assert not any(".md" in s for s in sources)

    asyncio.run(scenario())


def test_every_lesson_page_is_one_discord_message_without_raw_markdown(tmp_path: Path) -> None:
    """Pages turn in place only when a page is one message; lesson tables are GitHub markdown,
    which Discord shows as raw pipes."""
    from bot.adapters.discord.render import render
    from bot.core.lesson import texts
    from bot.core.lesson.pages import chapters, paginate
    from bot.core.lesson.service import page_reply
    from bot.testing import make_services

    cur = make_services(tmp_path).curriculum
    for lesson in cur.lessons.values():
        parts = chapters(lesson, texts.INTRO)
        for index, chapter in enumerate(parts):
            for page in range(len(paginate(chapter.markdown))):
                [message] = render(page_reply(lesson, parts, index, page))
                assert len(message.content) <= 2000 and not message.files
                found = defects(message.content, MARKDOWN)
                assert not found, (found, lesson.id, index, page, message.content)
