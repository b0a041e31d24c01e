"""Rendering neutral replies for Discord: markdown, message and embed limits, button views."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord

from bot.adapters.discord.buttons import ChoiceButton, parse_custom_id
from bot.adapters.discord.deliver import send_replies
from bot.adapters.discord.markdown import split_message, to_discord
from bot.adapters.discord.render import fit_embed, render
from bot.core.incoming import ButtonPress
from bot.core.reply import Choice, Choices, Citation, Image, ProgressBar, Reply, Text
from tests.adapters.fake_discord import Course, DiscordHarness


def test_slack_style_markdown_becomes_discord_markdown() -> None:
    assert to_discord("*Question 1/5* · _easy_") == "**Question 1/5** · _easy_"
    assert (
        to_discord("keep `*not bold*` and ```\n*block*\n```")
        == "keep `*not bold*` and ```\n*block*\n```"
    )
    assert to_discord("**already** 2 * 3 * 4") == "**already** 2 * 3 * 4"
    assert to_discord("~gone~ <https://x.org|the docs>") == "~~gone~~ the docs (https://x.org)"


def test_bold_around_a_code_span_stays_bold() -> None:
    """Lesson pitfalls read `*Skipping `dvc push`.*`: one bold span holding code."""
    assert to_discord("• *Skipping `dvc push`.* After `git pull`") == (
        "• **Skipping `dvc push`.** After `git pull`"
    )
    assert to_discord("*a `b` c* and `*d*`") == "**a `b` c** and `*d*`"


def test_a_github_table_becomes_one_bullet_per_row() -> None:
    """Discord shows GitHub tables as raw pipes."""
    two = "Map them:\n\n| Threat | Control |\n|---|---|\n| Tampering | Sign `models` |\n"
    assert to_discord(two) == "Map them:\n\n• **Tampering** — Sign `models`\n"
    three = (
        "| Aspect | Development | Production |\n|:--|---|--:|\n"
        "| Goal | best metric | reliable service |\n| Data | a snapshot | |"
    )
    assert to_discord(three) == (
        "• **Goal** — Development: best metric; Production: reliable service\n"
        "• **Data** — Development: a snapshot"
    )
    code = "```\n| a | b |\n|---|---|\n```"
    assert to_discord(code) == code


def test_long_text_is_split_within_2000_characters_at_line_breaks() -> None:
    text = "\n".join(f"line {i} " + "x" * 90 for i in range(60)) + "\n" + "y" * 4500
    chunks = split_message(text)
    assert all(0 < len(c) <= 2000 for c in chunks)
    assert "".join(c.replace("\n", "") for c in chunks) == text.replace("\n", "")
    messages = render(Reply.text(text))
    assert len(messages) == len(chunks) and all(len(m.content) <= 2000 for m in messages)


def test_a_long_reply_is_cut_between_paragraphs_so_a_heading_keeps_its_text() -> None:
    """`/badges` is longer than one message: its **Milestone** heading came last in the first
    message and its badges in the second."""
    first = "**Level**\n" + "\n".join(f"• badge {i} " + "x" * 80 for i in range(18))
    second = "**Milestone**\n" + "\n".join(f"• badge {i} " + "y" * 80 for i in range(5))
    chunks = split_message(f"{first}\n\n{second}")
    assert chunks == [first, second]


def test_a_code_block_cut_in_two_is_closed_and_reopened() -> None:
    """A cohort report's learner table is a code block; cut anywhere else it renders as text."""
    rows = "\n".join(f"learner {i:02d}".ljust(40) + "1/5  0  05 Jan  0" for i in range(70))
    chunks = split_message(f"**Learners**\n```\n{rows}\n```\ndone")
    assert len(chunks) >= 2 and all(len(c) <= 2000 for c in chunks)
    assert all(c.count("```") % 2 == 0 for c in chunks), chunks
    assert chunks[1].startswith("```\nlearner") and chunks[-1].endswith("```\ndone")


def test_citations_go_in_a_sources_embed_within_its_limits() -> None:
    many = tuple(
        Citation(f"Lesson {i} › " + "t" * 150, f"lessons/m{i:02d}.md", "a", "m01")
        for i in range(80)
    )
    out = render(Reply((Text("An answer."), *many)))
    embed = out[-1].embeds[0]
    assert out[0].content == "An answer." and embed.title == "Sources"
    assert len(embed.description or "") <= 4096 and "more" in (embed.description or "")
    assert len(embed) <= 6000


def test_citations_name_the_section_and_the_command_that_opens_it_not_a_file() -> None:
    reply = Reply(
        (
            Text("An answer."),
            Citation("MLOps Fundamentals › Key terms", "lessons/m01.md", "key-terms", "m01"),
            Citation("Elective: shift › Key terms", "lessons/e03.md", "key-terms"),
            Citation("Course FAQ", "faq/course.yaml", "q3"),
        )
    )
    lines = (render(reply)[-1].embeds[0].description or "").splitlines()
    assert lines == [
        "• **MLOps Fundamentals › Key terms** · read it: `/lesson m01 key-terms`",
        "• **Elective: shift › Key terms** · read it: `/lesson e03 key-terms`",
        "• **Course FAQ**",
    ]


def test_fit_embed_clips_fields_and_total() -> None:
    embed = discord.Embed(title="t" * 300, description="d" * 5000)
    for i in range(30):
        embed.add_field(name=f"f{i}" * 100, value="v" * 2000)
    fitted = fit_embed(embed)
    assert len(fitted.title or "") <= 256 and len(fitted.fields) <= 25
    assert all(len(f.name or "") <= 256 and len(f.value or "") <= 1024 for f in fitted.fields)
    assert len(fitted) <= 6000


def test_choices_become_persistent_buttons_five_per_row_at_most_25() -> None:
    options = tuple(Choice(f"option {i}", f"7:m01-q0{i % 10}:{i}") for i in range(30))
    view = render(Reply((Text("pick"), Choices("quiz.answer", options))))[-1].view
    assert view is not None and view.timeout is None and view.is_persistent()
    items = view.children
    assert len(items) == 25 and all(isinstance(i, ChoiceButton) for i in items)
    rows = [c["components"] for c in view.to_components()]
    assert len(rows) == 5 and all(len(r) == 5 for r in rows)
    assert parse_custom_id(items[0].custom_id) == ButtonPress("quiz.answer", "7:m01-q00:0")


def test_a_value_too_long_for_a_custom_id_is_dropped_not_sent() -> None:
    reply = Reply(
        (Text("x"), Choices("answer.feedback", (Choice("ok", "1:up"), Choice("long", "v" * 120))))
    )
    view = render(reply)[-1].view
    assert view is not None and [i.custom_id for i in view.children] == [
        "tutor:answer.feedback:1:up"
    ]


def test_progress_bars_and_an_image_render_as_a_card_with_the_png_attached() -> None:
    reply = Reply(
        (
            Text("*Progress for Ada*"),
            ProgressBar("Beginner", 2, 6),
            Image("card.png", b"\x89PNG", "a card"),
        ),
        ephemeral=True,
    )
    [out] = render(reply)
    assert out.content == "" and out.files[0].filename == "card.png"
    card = out.embeds[0]
    assert "**Progress for Ada**" in (card.description or "") and "2/6 Beginner" in (
        card.description or ""
    )
    assert card.image.url == "attachment://card.png"


def test_sending_never_allows_mentions(tmp_path: Path) -> None:
    """The fake Discord refuses any post whose allowed_mentions could ping."""

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world) as h:
            channel = h.client.get_channel(c.general)
            await send_replies(channel, [Reply.text("@everyone @here <@123> <@&456> look")])
            assert h.texts(c.general).startswith("@everyone") and c.world.refusals == []

    asyncio.run(scenario())


def test_learner_markdown_links_are_escaped_and_slack_links_show_their_address() -> None:
    """Item 10: only our own links could be links, and replies carry none."""
    assert (
        to_discord("[Your grade](https://evil.example)") == "\\[Your grade\\](https://evil.example)"
    )
    assert to_discord("\\[x](https://e.x)") == "\\\\\\[x\\](https://e.x)"
    assert to_discord("<https://evil.example|Your grade>") == "Your grade (https://evil.example)"
    assert to_discord("`[code](https://x)`") == "`[code](https://x)`"
