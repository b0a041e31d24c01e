"""The dashboard's serving seams: links point at the port served, no key off loopback."""

from __future__ import annotations

import pytest

from bot.adapters.web.security import SecretKeyMissing
from bot.adapters.web.server import make_server
from bot.core.instructor import access
from bot.testing import FakeChat


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
