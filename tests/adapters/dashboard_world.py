"""Two cohorts run through chat, and a dashboard client signed in the way an admin would.

Cohort A lives in #general (admin ann, learners ada and bo, approval required); cohort B lives
in #other (admin bob, learner cy). Sign-in links come from `/cohort dashboard` in chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from httpx import Response
from starlette.testclient import TestClient

from bot.adapters.web.app import build_app
from bot.adapters.web.security import RateLimiter
from bot.bootstrap import Services
from bot.testing import FakeChat
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort

LINK = re.compile(r"https?://\S+/signin\?t=[\w-]+")


@dataclass
class World:
    services: Services
    a: FakeChat
    b: FakeChat

    def cohort(self, channel: str) -> Cohort:
        found = CohortRepository(self.services.db).by_channel("fake", "w1", channel)
        assert found is not None
        return found

    def link(self, chat: FakeChat, admin: str) -> str:
        """The sign-in link `/cohort dashboard` gives this admin in this chat's channel."""
        reply = chat.send_admin(admin, "/cohort dashboard")
        assert reply.items[0].ephemeral
        found = LINK.search(reply.text)
        assert found, reply.text
        return found.group(0)


def build_world(services: Services) -> World:
    a, b = FakeChat(services), FakeChat(services, channel="other")
    a.send_admin("ann", "/cohort create roadmap-12w start:2026-01-05 time:10:00")
    a.send_admin("ann", "/cohort approval on")
    for user in ("ada", "bo"):
        a.send(user, "/cohort join")
    b.send_admin("bob", "/cohort create course-5w start:2026-01-05")
    b.send_admin("bob", "/cohort approval on")
    b.send("cy", "/cohort join")
    return World(services, a, b)


def client(
    services: Services,
    *,
    limiter: RateLimiter | None = None,
    secret: str = "test-secret-key",
    tls: bool = False,
) -> TestClient:
    app = build_app(services, secret=secret, secure_cookies=tls, limiter=limiter)
    base = "https://testserver" if tls else "http://testserver"
    return TestClient(app, base_url=base, follow_redirects=False)


def sign_in(web: TestClient, link: str) -> Response:
    """Open the link, press Sign in; returns the answer to the POST."""
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = web.get("/" + path)
    assert page.status_code == 200
    pre = re.search(r'name="pre" value="([^"]+)"', page.text)
    token = re.search(r'name="t" value="([^"]+)"', page.text)
    assert pre and token
    return web.post("/signin", data={"t": token.group(1), "pre": pre.group(1)})


def csrf(web: TestClient, path: str = "/") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', web.get(path).text)
    assert found
    return found.group(1)
