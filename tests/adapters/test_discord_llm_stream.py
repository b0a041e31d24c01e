"""A model's answer streamed into a Discord interaction: edits of the "thinking…" response.

The unit tests drive `InteractionAnswerStream` with a recording interaction; the flow test
runs `/ask` through its real command callback (the recording fakes of `fake_discord`) with
the model a local server speaking OpenAI's streaming protocol.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.adapters.discord import stream, texts
from bot.adapters.discord.bot import TutorClient
from bot.adapters.discord.settings import DiscordSettings
from bot.adapters.discord.stream import InteractionAnswerStream
from bot.core.reply import Choice, Choices, Reply, Text
from bot.testing import make_services
from knowledge.llm.answerer import COURSE_ANSWER_ID
from tests.adapters.fake_discord import (
    BOT_ID,
    FakeChannel,
    FakeInteraction,
    FakeUser,
    Recorder,
    assert_no_pings,
)
from tests.llm.servers import ProviderServer
from tests.llm.tutor import config_for, provider_env

ADA = FakeUser(111_111_111_111_111_111, "Ada")
ANSWER = "DVC keeps the data in its cache and commits a *small pointer file* to Git instead."


class Interaction:
    """Records the edits and follow-ups of one deferred interaction."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.followup = self

    async def edit_original_response(self, **kwargs: Any) -> None:
        assert_no_pings(kwargs)
        self.calls.append(("edit", kwargs))

    async def send(self, **kwargs: Any) -> None:
        assert_no_pings(kwargs)
        self.calls.append(("followup", kwargs))


def feedback_reply(text: str) -> Reply:
    buttons = Choices("answer.feedback", (Choice("👍", "1:up"), Choice("👎", "1:down")))
    return Reply((Text(text), buttons))


def test_edits_follow_the_answer_within_the_rate_limit_then_the_reply_replaces_it() -> None:
    async def scenario() -> None:
        interaction = Interaction()
        sink = InteractionAnswerStream(interaction, interval=1.2, clock=lambda: 9.0)  # type: ignore[arg-type]
        sink.started()
        for text in ("DVC", "DVC keeps", "DVC keeps the data"):
            sink.partial(text)
        await sink.finish([feedback_reply(ANSWER)])
        (first, partial), (last, final) = interaction.calls
        assert (first, partial["content"]) == ("edit", "DVC" + texts.STILL_WRITING)
        assert last == "edit" and "**small pointer file**" in final["content"]
        assert isinstance(final["view"], discord.ui.View)

    asyncio.run(scenario())


def test_without_a_streamed_answer_replies_are_follow_ups_as_before() -> None:
    async def scenario() -> None:
        interaction = Interaction()
        sink = InteractionAnswerStream(interaction)  # type: ignore[arg-type]
        await sink.finish([feedback_reply("From the lesson: DVC stores a pointer.")])
        assert [kind for kind, _ in interaction.calls] == ["followup"]

    asyncio.run(scenario())


def test_ask_streams_the_model_answer_into_the_deferred_response(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider_env(monkeypatch)
    monkeypatch.setattr(stream, "UPDATE_SECONDS", 0.0)
    model = ProviderServer("openai").start()
    model.answer(json.dumps({"answer": ANSWER, "used": [COURSE_ANSWER_ID]}), chunks=6)

    async def scenario() -> None:
        services = make_services(tmp_path, llm=config_for(model))
        client = TutorClient(services, DiscordSettings(message_content=True, members=False))
        client._connection.user = FakeUser(BOT_ID, "Tutor", bot=True)  # type: ignore[assignment]
        channel = FakeChannel(Recorder())
        command = client.tree.get_command("ask")
        assert isinstance(command, discord.app_commands.Command)
        question = "How does DVC version a dataset that is too big for Git?"
        await command.callback(FakeInteraction(client, channel, ADA), question=question)  # type: ignore[arg-type]
        calls = channel.recorder.calls
        assert calls[0] == ("defer", {"thinking": True, "ephemeral": False})
        edits = [kw for kind, kw in calls if kind == "edit_original"]
        partials = [e["content"].removesuffix(texts.STILL_WRITING) for e in edits[:-1]]
        plain = ANSWER.replace("*", "")
        assert partials and all(plain.startswith(p.replace("*", "")) for p in partials)
        assert "**small pointer file**" in edits[-1]["content"]
        assert any(e.title == "Sources" for e in edits[-1].get("embeds", []))
        assert channel.recorder.of("followup") == []
        services.close()

    try:
        asyncio.run(scenario())
    finally:
        model.stop()
    assert model.seen[-1].body.get("stream") is True
