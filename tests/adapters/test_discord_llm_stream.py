"""A model's answer streamed into Discord: the deferred "thinking…" response of `/ask`, and a
"💭 thinking…" message in a mention's thread, edited as the answer arrives, then replaced.

The real discord.py client runs against the fake Discord (which answers 429 to a sixth edit
within 5 s, refuses content over 2000 characters and any send or edit that could ping); the
model is the real langchain provider class talking to a local server that speaks the
provider's streaming protocol at a model's pace.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.discord import texts
from bot.bootstrap import Services
from bot.core import texts as core_texts
from bot.testing import make_services
from knowledge.llm.answerer import COURSE_ANSWER_ID
from tests.adapters.discord_limits import EditRateLimit
from tests.adapters.discord_world import Interaction
from tests.adapters.fake_discord import BOT_ID, Course, DiscordHarness, all_text, buttons
from tests.llm.servers import PROTOCOLS, ProviderServer, Scripted
from tests.llm.tutor import config_for, provider_env

TUTOR = f"<@{BOT_ID}>"
QUESTION = "How does DVC version a dataset that is too big for Git?"
ANSWER = (
    "DVC keeps the data in its cache and commits a small pointer file to Git instead. "
    "Run `dvc push` to upload the data to the remote, and `dvc pull` to fetch it back."
)


def reply(text: str = ANSWER, **kw: Any) -> Scripted:
    """The model's JSON reply, streamed in 8 chunks a quarter second apart."""
    kw = {"chunks": 8, "delay": 0.25} | kw
    return Scripted(content=json.dumps({"answer": text, "used": [COURSE_ANSWER_ID]}), **kw)


@pytest.fixture(params=PROTOCOLS)
def model(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ProviderServer]:
    provider_env(monkeypatch)
    served = ProviderServer(request.param).start()
    yield served
    served.stop()


@pytest.fixture
def ollama(monkeypatch: pytest.MonkeyPatch) -> Iterator[ProviderServer]:
    provider_env(monkeypatch)
    served = ProviderServer("ollama").start()
    yield served
    served.stop()


def tutor(tmp_path: Path, model: ProviderServer) -> Services:
    return make_services(tmp_path, llm=config_for(model))


def edits_of(c: Course, it: Interaction) -> list[dict[str, Any]]:
    """The bodies of the bot's edits of the interaction's original response, in order."""
    path = f"/webhooks/{BOT_ID}/{it.token}/messages/@original"
    return [body for method, p, body in c.world.requests if method == "PATCH" and p == path]


def channel_edits(c: Course, channel: int) -> list[dict[str, Any]]:
    prefix = f"/channels/{channel}/messages/"
    return [b for m, p, b in c.world.requests if m == "PATCH" and p.startswith(prefix)]


def feedback(message: dict[str, Any]) -> list[str]:
    """The 👍/👎 buttons of an answer (their emoji)."""
    ours = [b for b in buttons(message) if b["custom_id"].startswith("tutor:answer.feedback:")]
    return [b["label"].split()[0] for b in ours]


def partials(edits: list[dict[str, Any]]) -> list[str]:
    """The answer-so-far texts shown while the model was writing."""
    shown = [e.get("content") or "" for e in edits]
    return [s.removesuffix(texts.STILL_WRITING) for s in shown if s.endswith(texts.STILL_WRITING)]


def test_ask_streams_the_answer_into_the_deferred_response_at_most_once_a_second(
    tmp_path: Path, model: ProviderServer
) -> None:
    model.script(reply())

    async def scenario() -> None:
        c = Course()
        c.world.edit_limit = EditRateLimit(limit=1, window=1.0)  # stricter than Discord's 5/5 s
        async with DiscordHarness(tmp_path, world=c.world, services=tutor(tmp_path, model)) as h:
            it = await h.slash(c.ada, c.general, "ask", question=QUESTION)
            assert it.callback == 5 and not it.thinking  # deferred: Discord said "thinking…"
            edits = edits_of(c, it)
            shown = partials(edits)
            assert len(shown) >= 2 and all(ANSWER.startswith(s) for s in shown)
            final = it.original
            assert final is not None and edits[-1]["content"] == final["content"]
            assert ANSWER in final["content"] and texts.STILL_WRITING not in final["content"]
            assert any(e.get("title") == "Sources" for e in final["embeds"])
            assert feedback(final) == ["👍", "👎"]
            assert it.followups == []  # one answer message, no second copy
            assert c.world.refusals == []

    asyncio.run(scenario())
    assert model.seen[-1].body.get("stream") is True


def test_a_provider_error_mid_stream_ends_as_the_course_answer(
    tmp_path: Path, model: ProviderServer
) -> None:
    model.script(reply(fail_after=4))

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, services=tutor(tmp_path, model)) as h:
            it = await h.slash(c.ada, c.general, "ask", question=QUESTION)
            shown = partials(edits_of(c, it))
            assert shown and all(ANSWER.startswith(s) for s in shown)  # it was streaming
            final = it.original
            assert final is not None and not it.thinking
            assert texts.STILL_WRITING not in final["content"]
            assert ANSWER not in final["content"] and "dvc" in final["content"].lower()
            assert feedback(final) == ["👍", "👎"]
            assert c.world.refusals == []

    asyncio.run(scenario())


def test_a_mention_streams_into_a_thinking_message_in_its_thread(
    tmp_path: Path, ollama: ProviderServer
) -> None:
    ollama.script(reply())

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, services=tutor(tmp_path, ollama)) as h:
            await h.say(c.ada, c.general, f"{TUTOR} {QUESTION}")
            thread = int(h.thread_of(c.general)["id"])
            posted = [m for m in h.seen(thread) if m["author"]["id"] == str(BOT_ID)]
            assert len(posted) == 1  # the placeholder became the answer
            (answer,) = posted
            edits = channel_edits(c, thread)
            path = f"/channels/{thread}/messages"
            first_post = next(b for m, p, b in c.world.requests if m == "POST" and p == path)
            assert first_post["content"] == texts.THINKING
            assert partials(edits) and all(ANSWER.startswith(s) for s in partials(edits))
            assert ANSWER in answer["content"] and answer["edited"]
            assert feedback(answer) == ["👍", "👎"]
            assert c.world.refusals == []

    asyncio.run(scenario())


def test_a_failing_model_leaves_no_thinking_message_in_the_thread(
    tmp_path: Path, ollama: ProviderServer
) -> None:
    ollama.script(reply(fail_after=3))

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, services=tutor(tmp_path, ollama)) as h:
            await h.say(c.ada, c.general, f"{TUTOR} {QUESTION}")
            thread = int(h.thread_of(c.general)["id"])
            shown = h.texts(thread)
            assert texts.THINKING not in shown and texts.STILL_WRITING not in shown
            assert "dvc" in shown.lower() and ANSWER not in shown
            assert c.world.refusals == []

    asyncio.run(scenario())


def test_what_the_model_writes_never_pings_nor_links_and_stays_within_2000_characters(
    tmp_path: Path, ollama: ProviderServer
) -> None:
    long = "@everyone read [your grade](https://evil.example/login). " + "Drift is change. " * 150
    ollama.script(reply(long, chunks=6, delay=0.3))

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, services=tutor(tmp_path, ollama)) as h:
            it = await h.slash(c.ada, c.general, "ask", question=QUESTION)
            shown = [e["content"] for e in edits_of(c, it)] + [all_text(it)]
            assert all("\\[your grade\\](https://evil" in s for s in shown if "grade" in s)
            assert len(it.followups) == 1  # the rest of the long answer
            assert "@everyone" in all_text(it)
            assert c.world.refusals == []  # the fake refuses > 2000 characters and pings

    asyncio.run(scenario())


def test_a_decline_never_calls_the_model_and_answers_as_before(
    tmp_path: Path, ollama: ProviderServer
) -> None:
    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, services=tutor(tmp_path, ollama)) as h:
            it = await h.slash(c.ada, c.general, "ask", question="What's a good lasagna recipe?")
            assert edits_of(c, it) == [] and len(it.followups) == 1 and not it.thinking
            await h.say(c.ada, c.general, f"{TUTOR} What's a good lasagna recipe?")
            thread = int(h.thread_of(c.general)["id"])
            assert texts.THINKING not in json.dumps(c.world.requests)
            assert h.texts(thread)

    asyncio.run(scenario())
    assert ollama.seen == []


def test_an_answer_that_cannot_be_saved_replaces_the_half_answer_with_the_apology(
    tmp_path: Path, ollama: ProviderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database fails while recording the answer: the core apologises, and that replaces
    the partial answer (it never stays as if it were the reply)."""
    ollama.script(reply())
    services = tutor(tmp_path, ollama)

    def unavailable(**_: Any) -> int:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(services.questions, "record", unavailable)

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, services=services) as h:
            it = await h.slash(c.ada, c.general, "ask", question=QUESTION)
            assert partials(edits_of(c, it))  # the answer was showing
            assert it.original is not None and it.followups == []
            assert it.original["content"] == core_texts.INTERNAL_ERROR_SAVED  # the learner row
            assert buttons(it.original) == [] and c.world.refusals == []

    asyncio.run(scenario())


def test_when_the_adapter_fails_after_the_model_wrote_the_half_answer_is_removed(
    tmp_path: Path, ollama: ProviderServer
) -> None:
    """The tree's error handler tells the user; no partial answer is left in the channel."""
    ollama.script(reply())

    async def scenario() -> None:
        c = Course()
        async with DiscordHarness(tmp_path, world=c.world, services=tutor(tmp_path, ollama)) as h:
            core = h.client.core

            async def lost_on_the_way(incoming: Any) -> Any:
                await core(incoming)
                raise ConnectionError("worker gone")

            h.client.core = lost_on_the_way  # type: ignore[method-assign]
            it = await h.slash(c.ada, c.general, "ask", question=QUESTION)
            assert partials(edits_of(c, it)) and it.deleted  # shown, then removed
            assert it.original is None and not h.texts(c.general)
            assert "did not work" in all_text(it) and not it.thinking
            assert c.world.refusals == []

    asyncio.run(scenario())
