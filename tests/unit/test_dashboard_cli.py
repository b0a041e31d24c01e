"""The dashboard's serving seams: links point at the port served, no key off loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.adapters.web.security import SecretKeyMissing
from bot.adapters.web.server import make_server
from bot.cli.dashboard import dashboard_app
from bot.core.instructor import access
from bot.testing import FakeChat, make_services
from tests.adapters.dashboard_world import client, sign_in


def test_links_point_at_the_port_the_dashboard_serves(chat: FakeChat) -> None:
    make_server(chat.services, "127.0.0.1", 18099)
    assert access.issue_link(chat.services, None, []).startswith("http://127.0.0.1:18099/signin?t=")


def test_a_public_url_wins_for_links(chat: FakeChat) -> None:
    chat.services.settings = chat.services.settings.model_copy(
        update={"dashboard_url": "https://tutor.example.org"}
    )
    make_server(chat.services, "127.0.0.1", 18099)
    assert access.issue_link(chat.services, None, []).startswith("https://tutor.example.org/signin")


def test_serving_beyond_loopback_needs_the_secret_key(chat: FakeChat) -> None:
    with pytest.raises(SecretKeyMissing, match="TUTOR_SECRET_KEY"):
        make_server(chat.services, "0.0.0.0", 18099)


def test_dashboard_link_prints_a_link_that_signs_in_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = make_services(tmp_path)
    FakeChat(services).send_admin("ann", "/cohort create roadmap-12w start:2026-01-05")
    monkeypatch.chdir(tmp_path)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/t.db", "TUTOR_DATA_DIR": str(tmp_path)}
    printed = CliRunner().invoke(dashboard_app, ["link", "--cohort", "1"], env=env)
    assert printed.exit_code == 0, printed.output
    link = printed.output.strip()
    assert link.startswith("http://127.0.0.1:8080/signin?t=")
    web = client(services)
    assert sign_in(web, link).status_code == 303 and "#general" in web.get("/").text
    assert sign_in(client(services), link).status_code == 410
    wrong = CliRunner().invoke(dashboard_app, ["link", "--cohort", "99"], env=env)
    assert wrong.exit_code == 2 and "there is no cohort 99" in wrong.output
    services.close()


def test_dashboard_refuses_to_serve_beyond_loopback_without_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/t.db", "TUTOR_DATA_DIR": str(tmp_path)}
    refused = CliRunner().invoke(dashboard_app, ["--host", "0.0.0.0", "--port", "0"], env=env)
    assert refused.exit_code == 2 and "TUTOR_SECRET_KEY" in refused.output
