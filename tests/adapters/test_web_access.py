"""Dashboard access rules: one-time links, signed cookies, CSRF, cohort scoping, rate limits.

Each refusal has its status and changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.web.security import (
    SESSION_COOKIE,
    RateLimiter,
    SecretKeyMissing,
    secret_for,
)
from bot.core.instructor import access
from bot.testing import make_services
from storage.repositories.cohort_faq import CohortFaqRepository
from tests.adapters.dashboard_world import World, build_world, client, csrf, sign_in


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    services = make_services(tmp_path)
    yield build_world(services)
    services.close()


def submitted(world: World, user: str = "ada", chat_name: str = "a") -> int:
    chat = world.a if chat_name == "a" else world.b
    chat.send(user, f"/project submit m01 https://github.com/{user}/m01")
    learner = world.services.learners.find("fake", "w1", user)
    assert learner is not None and learner.id is not None
    row = world.services.projects.latest(learner.id, "m01")
    assert row is not None and row.id is not None
    return row.id


def status_of(world: World, submission_id: int) -> str:
    row = world.services.projects.get(submission_id)
    assert row is not None
    return row.status


def test_only_admins_get_a_link_and_it_is_ephemeral(world: World) -> None:
    refused = world.a.send("ada", "/cohort dashboard")
    assert "Only cohort admins" in refused and "signin" not in refused.text
    assert "/signin?t=" in world.link(world.a, "ann")


def test_a_link_signs_in_once_and_shows_only_its_cohorts(world: World) -> None:
    web = client(world.services)
    assert sign_in(web, world.link(world.a, "ann")).status_code == 303
    home = web.get("/")
    assert home.status_code == 200 and "#general" in home.text and "#other" not in home.text
    cookie = web.cookies.get(SESSION_COOKIE)
    assert cookie and "ada" not in cookie


def test_the_session_cookie_is_httponly_samesite_and_secure_behind_tls(world: World) -> None:
    done = sign_in(client(world.services, tls=True), world.link(world.a, "ann"))
    header = done.headers["set-cookie"]
    assert done.status_code == 303
    assert "HttpOnly" in header and "SameSite=lax" in header and "Secure" in header
    plain = sign_in(client(world.services), world.link(world.a, "ann"))
    assert "Secure" not in plain.headers["set-cookie"]


def test_an_expired_link_is_refused_with_410(world: World) -> None:
    link = world.link(world.a, "ann")
    world.a.clock.advance(minutes=15, seconds=1)
    web = client(world.services)
    assert sign_in(web, link).status_code == 410
    assert SESSION_COOKIE not in web.cookies
    assert web.get("/").status_code == 401


def test_a_link_still_works_just_before_it_expires(world: World) -> None:
    link = world.link(world.a, "ann")
    world.a.clock.advance(minutes=14, seconds=59)
    assert sign_in(client(world.services), link).status_code == 303


def test_a_reused_link_is_refused_with_410(world: World) -> None:
    link = world.link(world.a, "ann")
    assert sign_in(client(world.services), link).status_code == 303
    second = client(world.services)
    again = sign_in(second, link)
    assert again.status_code == 410 and "already used" in again.text
    assert second.get("/").status_code == 401


def test_an_unknown_token_is_refused_with_403(world: World) -> None:
    web = client(world.services)
    assert sign_in(web, "http://x/signin?t=" + "A" * 43).status_code == 403
    assert web.get("/").status_code == 401


def test_a_link_for_another_cohort_does_not_open_this_one(world: World) -> None:
    a_id, b_id = world.cohort("general").id, world.cohort("other").id
    web = client(world.services)
    assert sign_in(web, world.link(world.b, "bob")).status_code == 303
    assert web.get(f"/cohorts/{b_id}").status_code == 200
    for path in ("", "/questions", "/gaps", "/projects"):
        assert web.get(f"/cohorts/{a_id}{path}").status_code == 404


def test_a_forged_or_tampered_cookie_is_refused_with_401(world: World) -> None:
    web = client(world.services)
    sign_in(web, world.link(world.a, "ann"))
    real = web.cookies[SESSION_COOKIE]
    assert web.get("/").status_code == 200
    forged = client(world.services)
    forged.cookies.set(SESSION_COOKIE, real[:-3] + ("AAA" if not real.endswith("AAA") else "BBB"))
    assert forged.get("/").status_code == 401
    other_key = client(world.services, secret="another-key")
    other_key.cookies.set(SESSION_COOKIE, real)
    assert other_key.get("/").status_code == 401


def test_a_form_without_its_csrf_token_is_refused_with_403_and_changes_nothing(
    world: World,
) -> None:
    sid = submitted(world)
    cid = world.cohort("general").id
    web = client(world.services)
    sign_in(web, world.link(world.a, "ann"))
    url = f"/cohorts/{cid}/projects/{sid}/review"
    assert web.post(url, data={"decision": "approve"}).status_code == 403
    assert web.post(url, data={"decision": "approve", "csrf": "wrong"}).status_code == 403
    assert status_of(world, sid) == "submitted"
    assert web.post(f"/cohorts/{cid}/schedule", data={"action": "pause"}).status_code == 403
    assert not world.cohort("general").paused
    token = csrf(web)
    assert web.post(url, data={"decision": "approve", "csrf": token}).status_code == 303
    assert status_of(world, sid) == "approved"


def test_another_cohorts_ids_in_urls_are_404_and_change_nothing(world: World) -> None:
    theirs = submitted(world, "cy", "b")
    world.b.send("cy", "how do I bake sourdough bread at home?")
    a_id, b_id = world.cohort("general").id, world.cohort("other").id
    cy = world.services.learners.find("fake", "w1", "cy")
    assert cy is not None
    web = client(world.services)
    sign_in(web, world.link(world.a, "ann"))
    token = csrf(web)
    posts = {
        f"/cohorts/{a_id}/projects/{theirs}/review": {"decision": "approve"},
        f"/cohorts/{b_id}/projects/{theirs}/review": {"decision": "approve"},
        f"/cohorts/{b_id}/schedule": {"action": "pause"},
        f"/cohorts/{a_id}/learners/{cy.id}/delete": {"confirm": "DELETE"},
        f"/cohorts/{a_id}/learners/{cy.id}/export": {},
    }
    for url, data in posts.items():
        assert web.post(url, data={**data, "csrf": token}).status_code == 404, url
    assert web.get(f"/cohorts/{a_id}/learners/{cy.id}").status_code == 404
    assert web.get(f"/cohorts/{a_id}/learners/abc").status_code == 404
    assert status_of(world, theirs) == "submitted"
    assert not world.cohort("other").paused
    assert world.services.learners.find("fake", "w1", "cy") is not None
    gaps_b = web.post(f"/cohorts/{b_id}/gaps/1/answer", data={"csrf": token, "answer": "x" * 9})
    assert gaps_b.status_code == 404
    assert b_id is not None and CohortFaqRepository(world.services.db).active(b_id) == []


def test_sign_in_is_rate_limited_with_429(world: World) -> None:
    web = client(world.services, limiter=RateLimiter(limit=3, window=300, now=lambda: 0.0))
    for _ in range(3):
        assert sign_in(web, "http://x/signin?t=" + "B" * 43).status_code == 403
    assert sign_in(web, world.link(world.a, "ann")).status_code == 429
    assert web.get("/").status_code == 401


def test_the_dashboard_needs_a_secret_key_except_on_loopback() -> None:
    assert (
        secret_for(None, "127.0.0.1") and secret_for(None, "::1") and secret_for(None, "localhost")
    )
    assert secret_for("configured", "0.0.0.0") == "configured"
    with pytest.raises(SecretKeyMissing, match="TUTOR_SECRET_KEY"):
        secret_for(None, "0.0.0.0")


def test_operator_links_cover_the_cohorts_named(world: World) -> None:
    a_id = world.cohort("general").id
    assert a_id is not None
    link = access.issue_link(world.services, None, [a_id])
    web = client(world.services)
    assert sign_in(web, link).status_code == 303
    assert "#general" in web.get("/").text and "#other" not in web.get("/").text


def test_logs_hold_routes_not_tokens_or_learner_data(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.adapters.web.app")
    link = world.link(world.a, "ann")
    web = client(world.services)
    sign_in(web, link)
    cid = world.cohort("general").id
    web.get(f"/cohorts/{cid}")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    token = link.rsplit("=", 1)[1]
    assert "GET /signin 200" in logged and "GET /cohorts/{cid} 200" in logged
    assert token not in logged and "Ada" not in logged and "ada" not in logged


def test_healthz_reports_database_and_index(world: World) -> None:
    health = client(world.services).get("/healthz")
    assert health.status_code == 200
    assert health.json()["database"] == "ok" and health.json()["index"].startswith("ok")


def test_htmx_reviews_swap_in_a_notice_and_need_the_csrf_header(world: World) -> None:
    sid = submitted(world)
    cid = world.cohort("general").id
    web = client(world.services)
    sign_in(web, world.link(world.a, "ann"))
    url = f"/cohorts/{cid}/projects/{sid}/review"
    hx = {"HX-Request": "true"}
    assert web.post(url, data={"decision": "approve"}, headers=hx).status_code == 403
    assert status_of(world, sid) == "submitted"
    with_token = {**hx, "X-CSRF-Token": csrf(web)}
    no_note = web.post(url, data={"decision": "changes", "note": " "}, headers=with_token)
    assert "the note is required" in no_note.text and "Back to the list" in no_note.text
    assert status_of(world, sid) == "submitted"
    done = web.post(url, data={"decision": "approve"}, headers={**hx, "X-CSRF-Token": csrf(web)})
    assert done.status_code == 200 and f'id="project-{sid}"' in done.text
    assert "Project approved." in done.text and status_of(world, sid) == "approved"


def test_admin_export_and_delete_need_confirmation(world: World) -> None:
    cid = world.cohort("general").id
    world.a.send("bo", "/project submit m01 https://github.com/bo/m01")
    bo = world.services.learners.find("fake", "w1", "bo")
    assert bo is not None and bo.id is not None
    web = client(world.services)
    sign_in(web, world.link(world.a, "ann"))
    token = csrf(web)
    exported = web.post(f"/cohorts/{cid}/learners/{bo.id}/export", data={"csrf": token})
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    assert exported.json()["learner"]["user_id"] == "bo"
    assert "project_submission" in exported.json()["tables"]
    url = f"/cohorts/{cid}/learners/{bo.id}/delete"
    unconfirmed = web.post(url, data={"csrf": token, "confirm": "yes"})
    assert unconfirmed.status_code == 303 and "done=confirm" in unconfirmed.headers["location"]
    assert world.services.learners.find("fake", "w1", "bo") is not None
    assert web.post(url, data={"csrf": token, "confirm": "DELETE"}).status_code == 303
    assert world.services.learners.find("fake", "w1", "bo") is None
    assert web.get(f"/cohorts/{cid}/learners/{bo.id}").status_code == 404


def test_every_page_of_a_signed_in_cohort_renders(world: World) -> None:
    submitted(world)
    world.a.send("bo", "who won the football world cup in 1998?")
    cid = world.cohort("general").id
    ada = world.services.learners.find("fake", "w1", "ada")
    assert ada is not None
    web = client(world.services)
    sign_in(web, world.link(world.a, "ann"))
    pages = ["/", f"/cohorts/{cid}", f"/cohorts/{cid}/questions", f"/cohorts/{cid}/gaps"]
    pages += [f"/cohorts/{cid}/projects", f"/cohorts/{cid}/learners/{ada.id}", "/lessons/m01"]
    for page in pages:
        assert web.get(page).status_code == 200, page
    assert web.get(f"/cohorts/{cid}?sort=streak&dir=desc").status_code == 200
    assert web.get("/lessons/nope").status_code == 404
