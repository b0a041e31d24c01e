"""The slash commands: each builds the core's `/name args` text and hands it to a flow."""

from __future__ import annotations

from typing import Any, Literal

import discord
from discord import app_commands

from bot.adapters.discord import texts
from bot.adapters.discord.choices import (
    lesson_choices,
    module_choices,
    quiz_choices,
    section_choices,
    track_choices,
    track_or_default_choices,
    week_choices,
)
from bot.adapters.discord.deliver import NO_PINGS
from bot.adapters.discord.flows import THREAD_PARENTS, run_command, start_interview, start_quiz

TARGET_MAX = 100
"""Longest `/quiz` target, module, `/privacy` args: Discord's client refuses longer input."""
LINK_MAX = 500
NOTE_MAX = 500
ARGS_MAX = 300


def _joined(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


ProjectAction = Literal["submit", "list", "capstone", "pending", "approve", "changes"]


def project_text(
    action: str | None, module: str | None, link: str | None, learner: Any, note: str | None
) -> str:
    """The core's `/project ...` text; the learner is given by id (what the core looks up)."""
    who = str(learner.id) if learner is not None else None
    if action == "submit":
        return _joined("/project submit", module, link, note)
    if action in ("approve", "changes"):
        return _joined(f"/project {action}", who, module, note if action == "changes" else None)
    if action == "list":
        return _joined("/project list", who)
    return _joined("/project", action)


def register_commands(tree: app_commands.CommandTree[Any]) -> None:
    """Add every tutor command to `tree` (the runtime client's and the sync CLI's)."""

    @tree.command(name="ask", description=texts.ASK)
    @app_commands.describe(question=texts.ASK_QUESTION)
    async def ask(
        interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 1000]
    ) -> None:
        await run_command(interaction, f"/ask {question}")

    @tree.command(name="quiz", description=texts.QUIZ)
    @app_commands.describe(target=texts.QUIZ_TARGET)
    @app_commands.autocomplete(target=quiz_choices)
    async def quiz(
        interaction: discord.Interaction[Any],
        target: app_commands.Range[str, 1, TARGET_MAX] | None = None,
    ) -> None:
        await start_quiz(interaction, (target or "").strip())

    @tree.command(name="interview", description=texts.INTERVIEW)
    @app_commands.describe(focus=texts.INTERVIEW_FOCUS)
    async def interview(
        interaction: discord.Interaction[Any],
        focus: app_commands.Range[str, 1, TARGET_MAX] | None = None,
    ) -> None:
        await start_interview(interaction, (focus or "").strip())

    @tree.command(name="progress", description=texts.PROGRESS)
    @app_commands.describe(learner=texts.PROGRESS_LEARNER)
    async def progress(
        interaction: discord.Interaction[Any], learner: discord.User | None = None
    ) -> None:
        who = str(learner.id) if learner is not None else None
        await run_command(interaction, _joined("/progress", who), ephemeral=True)

    @tree.command(name="roadmap", description=texts.ROADMAP)
    @app_commands.describe(week=texts.ROADMAP_WEEK, track=texts.ROADMAP_TRACK)
    @app_commands.autocomplete(week=week_choices)
    @app_commands.autocomplete(track=track_choices)
    async def roadmap(
        interaction: discord.Interaction[Any],
        week: app_commands.Range[int, 1, 52] | None = None,
        track: app_commands.Range[str, 1, TARGET_MAX] | None = None,
    ) -> None:
        await run_command(interaction, _joined("/roadmap", track, str(week) if week else None))

    @tree.command(name="lesson", description=texts.LESSON)
    @app_commands.describe(module=texts.LESSON_MODULE, section=texts.LESSON_SECTION)
    @app_commands.autocomplete(module=lesson_choices, section=section_choices)
    async def lesson(
        interaction: discord.Interaction[Any],
        module: app_commands.Range[str, 1, TARGET_MAX],
        section: app_commands.Range[str, 1, TARGET_MAX] | None = None,
    ) -> None:
        await run_command(interaction, _joined("/lesson", module, section))

    @tree.command(name="track", description=texts.TRACK)
    @app_commands.describe(name=texts.TRACK_NAME)
    @app_commands.autocomplete(name=track_or_default_choices)
    async def track(
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, TARGET_MAX] | None = None,
    ) -> None:
        await run_command(interaction, _joined("/track", name))

    @tree.command(name="badges", description=texts.BADGES)
    async def badges(interaction: discord.Interaction[Any]) -> None:
        await run_command(interaction, "/badges")

    _register_more(tree)


def _register_more(tree: app_commands.CommandTree[Any]) -> None:
    """Projects, cohorts, privacy and help."""

    @tree.command(name="project", description=texts.PROJECT)
    @app_commands.describe(
        action=texts.PROJECT_ACTION,
        module=texts.PROJECT_MODULE,
        link=texts.PROJECT_LINK,
        learner=texts.PROJECT_LEARNER,
        note=texts.PROJECT_NOTE,
    )
    @app_commands.autocomplete(module=module_choices)
    async def project(
        interaction: discord.Interaction[Any],
        action: ProjectAction | None = None,
        module: app_commands.Range[str, 1, TARGET_MAX] | None = None,
        link: app_commands.Range[str, 1, LINK_MAX] | None = None,
        learner: discord.User | None = None,
        note: app_commands.Range[str, 1, NOTE_MAX] | None = None,
    ) -> None:
        await run_command(interaction, project_text(action, module, link, learner, note))

    @tree.command(name="cohort", description=texts.COHORT)
    @app_commands.guild_only()
    @app_commands.describe(args=texts.COHORT_ARGS)
    async def cohort(
        interaction: discord.Interaction[Any],
        args: app_commands.Range[str, 1, ARGS_MAX] | None = None,
    ) -> None:
        creating = (args or "").split()[:1] == ["create"]
        if creating and getattr(interaction.channel, "type", None) not in THREAD_PARENTS:
            await interaction.response.send_message(
                texts.COHORT_TEXT_CHANNEL, ephemeral=True, allowed_mentions=NO_PINGS
            )
            return
        await run_command(interaction, _joined("/cohort", args))

    @tree.command(name="privacy", description=texts.PRIVACY)
    @app_commands.describe(args=texts.PRIVACY_ARGS)
    async def privacy(
        interaction: discord.Interaction[Any],
        args: app_commands.Range[str, 1, TARGET_MAX] | None = None,
    ) -> None:
        await run_command(interaction, _joined("/privacy", args), ephemeral=True)

    @tree.command(name="new", description=texts.NEW)
    async def new(interaction: discord.Interaction[Any]) -> None:
        await run_command(interaction, "/new", ephemeral=True)

    @tree.command(name="help", description=texts.HELP)
    async def help_(interaction: discord.Interaction[Any]) -> None:
        await run_command(interaction, "/help", ephemeral=True)
