"""The slash commands: each builds the core's `/name args` text and hands it to a flow."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands

from bot.adapters.discord import texts
from bot.adapters.discord.deliver import NO_PINGS
from bot.adapters.discord.flows import THREAD_PARENTS, run_command, start_interview, start_quiz
from bot.adapters.discord.markdown import clip

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient
    from curriculum.catalog.models import Curriculum

MAX_CHOICES = 25
CHOICE_NAME = 100
TARGET_MAX = 100
"""Longest `/quiz` target, module, `/privacy` args: Discord's client refuses longer input."""
LINK_MAX = 500
NOTE_MAX = 500
ARGS_MAX = 300


def _curriculum(interaction: discord.Interaction[Any]) -> Curriculum:
    client: TutorClient = interaction.client
    return client.services.curriculum


def _matches(current: str, *names: str) -> bool:
    key = current.strip().casefold()
    return not key or any(key in name.casefold() for name in names)


async def module_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Modules m01..m24 with their titles, filtered by what was typed."""
    return [
        app_commands.Choice(name=clip(f"{m.id} · {m.title}", CHOICE_NAME), value=m.id)
        for m in _curriculum(interaction).ordered_modules()
        if _matches(current, m.id, m.title)
    ][:MAX_CHOICES]


async def quiz_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Modules first, then review, stop and the level mixes; sections can be typed."""
    extras = [
        app_commands.Choice(name=label, value=value)
        for value, label in texts.QUIZ_EXTRAS
        if _matches(current, value)
    ]
    modules = await module_choices(interaction, current)
    return (modules + extras)[:MAX_CHOICES] if current else (extras + modules)[:MAX_CHOICES]


async def week_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[int]]:
    """The weeks of the configured roadmap track, with their titles."""
    client: TutorClient = interaction.client
    track = client.services.curriculum.tracks.get(client.services.settings.default_track)
    weeks = track.weeks if track else []
    return [
        app_commands.Choice(name=clip(f"Week {w.week}: {w.title}", CHOICE_NAME), value=w.week)
        for w in weeks
        if _matches(current, str(w.week), w.title)
    ][:MAX_CHOICES]


def _joined(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


ProjectAction = Literal["submit", "list", "approve", "changes"]


def project_text(
    action: str | None, module: str | None, link: str | None, learner: Any, note: str | None
) -> str:
    """The core's `/project ...` text; the learner is given by id (what the core looks up)."""
    who = str(learner.id) if learner is not None else None
    if action == "submit":
        return _joined("/project submit", module, link, note)
    if action in ("approve", "changes"):
        return _joined(f"/project {action}", who, module, note if action == "changes" else None)
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
    async def progress(interaction: discord.Interaction[Any]) -> None:
        await run_command(interaction, "/progress", ephemeral=True)

    @tree.command(name="roadmap", description=texts.ROADMAP)
    @app_commands.describe(week=texts.ROADMAP_WEEK)
    @app_commands.autocomplete(week=week_choices)
    async def roadmap(
        interaction: discord.Interaction[Any], week: app_commands.Range[int, 1, 52] | None = None
    ) -> None:
        await run_command(interaction, _joined("/roadmap", str(week) if week else None))

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

    @tree.command(name="help", description=texts.HELP)
    async def help_(interaction: discord.Interaction[Any]) -> None:
        await run_command(interaction, "/help", ephemeral=True)
