"""Autocomplete for the slash commands' options: modules, lessons and their sections, tracks and
their weeks, read from the loaded curriculum (so new content needs no re-sync), 25 at most."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.adapters.discord import texts
from bot.adapters.discord.inbound import PLATFORM, WORKSPACE, from_interaction
from bot.adapters.discord.markdown import clip
from bot.core.ask.course import position
from bot.core.context import Request
from bot.core.handlers.roadmap import find_track
from bot.core.lesson import texts as lesson_texts
from bot.core.lesson.pages import chapters
from bot.core.lesson.service import find_lesson

if TYPE_CHECKING:
    from bot.adapters.discord.bot import TutorClient
    from curriculum.catalog.models import Curriculum, Lesson, Track

MAX_CHOICES = 25
CHOICE_NAME = 100


def _client(interaction: discord.Interaction[Any]) -> TutorClient:
    client: TutorClient = interaction.client
    return client


def _curriculum(interaction: discord.Interaction[Any]) -> Curriculum:
    return _client(interaction).services.curriculum


def _matches(current: str, *names: str) -> bool:
    key = current.strip().casefold()
    return not key or any(key in name.casefold() for name in names)


def _choice(name: str, value: str) -> app_commands.Choice[str]:
    return app_commands.Choice(name=clip(name, CHOICE_NAME), value=value)


async def module_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Modules m01..m24 with their titles, filtered by what was typed."""
    return [
        _choice(f"{m.id} · {m.title}", m.id)
        for m in _curriculum(interaction).ordered_modules()
        if _matches(current, m.id, m.title)
    ][:MAX_CHOICES]


async def quiz_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Modules first, then review, stop and the level mixes; sections can be typed."""
    extras = [
        _choice(label, value) for value, label in texts.QUIZ_EXTRAS if _matches(current, value)
    ]
    modules = await module_choices(interaction, current)
    return (modules + extras)[:MAX_CHOICES] if current else (extras + modules)[:MAX_CHOICES]


def _lessons_in_order(cur: Curriculum) -> list[Lesson]:
    """Module lessons in course order, then the electives, then the rest (the interview guide)."""
    modules = [cur.lessons[m.id] for m in cur.ordered_modules() if m.id in cur.lessons]
    rest = sorted((x for x in cur.lessons.values() if x not in modules), key=lambda x: x.id)
    return modules + rest


async def lesson_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Every lesson (modules, electives, the interview guide) with its title."""
    return [
        _choice(f"{x.id} · {x.title}", x.id)
        for x in _lessons_in_order(_curriculum(interaction))
        if _matches(current, x.id, x.title)
    ][:MAX_CHOICES]


async def section_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """The sections of the lesson picked in `module`, numbered as `/lesson` numbers them."""
    lesson = find_lesson(_curriculum(interaction), str(interaction.namespace.module or ""))
    if lesson is None:
        return []
    return [
        _choice(f"{n}. {c.title}", c.anchor)
        for n, c in enumerate(chapters(lesson, lesson_texts.INTRO), start=1)
        if _matches(current, str(n), c.title, c.anchor)
    ][:MAX_CHOICES]


async def track_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """The tracks with their titles and length."""
    return [
        _choice(texts.TRACK_CHOICE.format(id=t.id, title=t.title, n=len(t.weeks)), t.id)
        for t in _curriculum(interaction).tracks.values()
        if _matches(current, t.id, t.title)
    ][:MAX_CHOICES]


async def track_or_default_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """`/track`: the tracks, and `default` to go back to the tutor's default."""
    default = [_choice(texts.TRACK_DEFAULT, "default")] if _matches(current, "default") else []
    return (await track_choices(interaction, current) + default)[:MAX_CHOICES]


def _own_track(interaction: discord.Interaction[Any]) -> Track | None:
    """The learner's track as `/roadmap` picks it: cohort, chosen, or the default."""
    svc = _client(interaction).services
    learner = svc.learners.find(PLATFORM, WORKSPACE, str(interaction.user.id))
    if learner is None or learner.id is None:
        return svc.curriculum.tracks.get(svc.settings.default_track)
    found = position(Request(from_interaction(interaction), learner, svc))
    return found.track if found else None


async def week_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[int]]:
    """The weeks of the track given in `track`, else of the learner's own track."""
    given = str(getattr(interaction.namespace, "track", None) or "")
    track = find_track(_curriculum(interaction), given) if given else None
    if track is None:
        track = await asyncio.to_thread(_own_track, interaction)
    weeks = track.weeks if track else []
    return [
        app_commands.Choice(name=clip(f"Week {w.week}: {w.title}", CHOICE_NAME), value=w.week)
        for w in weeks
        if _matches(current, str(w.week), w.title)
    ][:MAX_CHOICES]
