"""The dashboard's queries and forms on real SQLite and real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.testing import make_services
from tests.adapters.dashboard_world import World, build_world, client, csrf, sign_in
from tests.unit.test_quiz_transcripts import play


@pytest.fixture
def world(tmp_path: Path, database_url: str) -> Iterator[World]:
    services = make_services(tmp_path, database_url=database_url)
    yield build_world(services)
    services.close()


def test_every_page_and_form_works_on_each_database(world: World) -> None:
    play(world.a, "ada", "m01", right=True)
    play(world.a, "bo", "m01", right=False)
    world.a.send("ada", "/project submit m01 https://github.com/ada/m01")
    world.a.send("bo", "who won the football world cup in 1998?")
    cid = world.cohort("general").id
    ada = world.services.learners.find("fake", "w1", "ada")
    assert ada is not None and ada.id is not None
    web = client(world.services)
    assert sign_in(web, world.link(world.a, "ann")).status_code == 303
    for page in ("", "/questions", "/gaps", "/projects", f"/learners/{ada.id}"):
        assert web.get(f"/cohorts/{cid}{page}").status_code == 200, page
    token = csrf(web)
    row = world.services.projects.latest(ada.id, "m01")
    assert row is not None
    url = f"/cohorts/{cid}/projects/{row.id}/review"
    assert web.post(url, data={"csrf": token, "decision": "approve"}).status_code == 303
    gaps = web.get(f"/cohorts/{cid}/gaps").text
    key = gaps.split("/gaps/", 1)[1].split("/", 1)[0]
    answer = {"csrf": token, "question": "who won the world cup in 1998?", "answer": "France!"}
    assert web.post(f"/cohorts/{cid}/gaps/{key}/answer", data=answer).status_code == 303
    assert "France!" in world.a.send("bo", "who won the football world cup in 1998?")
    paused = web.post(f"/cohorts/{cid}/schedule", data={"csrf": token, "action": "pause"})
    assert paused.status_code == 303
    assert world.cohort("general").paused
    again = sign_in(client(world.services), world.link(world.a, "ann"))
    assert again.status_code == 303
