"""The dashboard in a real browser: Debian's headless Chromium driven by Selenium.

An admin signs in with the link `/cohort dashboard` gave, reads the overview, sorts the members,
approves a project and answers a content gap; then a learner asks the same question in chat and
gets the instructor's answer. Screenshots of every page go to the test artifacts folder
(TEST_ARTIFACTS, default var/test-artifacts) and are checked not to be blank.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from bot.adapters.web.server import make_server
from bot.testing import make_services
from tests.adapters.dashboard_world import World, build_world
from tests.unit.test_quiz_transcripts import play

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "var/test-artifacts")) / "dashboard"
GAP = "who won the football world cup in 1998?"
INSTRUCTOR_ANSWER = "That is not part of the course: ask it in #random, we love football there."

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
        reason="needs Debian's chromium and chromium-driver (.ci/run installs them)",
    ),
]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    services = make_services(tmp_path)
    built = build_world(services)
    play(built.a, "ada", "m01", right=True)
    play(built.a, "bo", "m01", right=False)
    built.a.send("ada", "/project submit m01 https://github.com/ada/mlops-m01 ready for review")
    built.a.send("bo", GAP)
    yield built
    services.close()


@pytest.fixture
def base_url(world: World) -> Iterator[str]:
    server = make_server(world.services, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the dashboard did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def shoot(driver: object, name: str) -> Path:
    """Save a full-page screenshot and check it is not blank."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = driver.execute_script("return document.body.scrollHeight")  # type: ignore[attr-defined]
    width = driver.get_window_size()["width"]  # type: ignore[attr-defined]
    driver.set_window_size(width, max(600, min(int(height) + 140, 4000)))  # type: ignore[attr-defined]
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20, f"{path} looks blank"
    return path


def member_names(driver: object) -> list[str]:
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "#members tbody tr td:first-child")  # type: ignore[attr-defined]
    return [r.text for r in rows]


def test_an_instructor_reviews_and_answers_and_the_learner_gets_the_answer(
    world: World, base_url: str, browser: object
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    link = world.link(world.a, "ann").replace("http://127.0.0.1:8080", base_url)
    d.get(link)  # type: ignore[attr-defined]
    d.find_element(By.ID, "signin").click()  # type: ignore[attr-defined]
    assert "Your cohorts" in d.page_source and "#general" in d.page_source  # type: ignore[attr-defined]
    assert "#other" not in d.page_source  # type: ignore[attr-defined]
    shoot(d, "1-cohorts")

    d.find_element(By.LINK_TEXT, "#general").click()  # type: ignore[attr-defined]
    assert "Members" in d.page_source and "Weekly posts" in d.page_source  # type: ignore[attr-defined]
    assert member_names(d) == ["Ada", "Bo"]
    assert d.find_element(By.ID, "module-chart").size["height"] > 100  # type: ignore[attr-defined]
    shoot(d, "2-overview")
    d.find_element(By.CSS_SELECTOR, "th a[data-sort=name]").click()  # type: ignore[attr-defined]
    assert member_names(d) == ["Bo", "Ada"]

    d.find_element(By.LINK_TEXT, "Questions").click()  # type: ignore[attr-defined]
    assert "Most missed" in d.page_source and "m01-q" in d.page_source  # type: ignore[attr-defined]
    shoot(d, "3-questions")

    d.find_element(By.LINK_TEXT, "Projects").click()  # type: ignore[attr-defined]
    assert "github.com/ada/mlops-m01" in d.page_source  # type: ignore[attr-defined]
    shoot(d, "4-projects")
    d.find_element(By.CSS_SELECTOR, "button.approve").click()  # type: ignore[attr-defined]
    notice = d.find_element(By.CSS_SELECTOR, "article.done .flash")  # type: ignore[attr-defined]
    assert notice.text == "Project approved."  # swapped in place by htmx
    ada = world.services.learners.find("fake", "w1", "ada")
    assert ada is not None and ada.id is not None
    submission = world.services.projects.latest(ada.id, "m01")
    assert submission is not None and submission.status == "approved"

    d.find_element(By.LINK_TEXT, "Content gaps").click()  # type: ignore[attr-defined]
    assert GAP in d.page_source  # type: ignore[attr-defined]
    shoot(d, "5-gaps")
    d.find_element(By.CSS_SELECTOR, "article.gap textarea[name=answer]").send_keys(  # type: ignore[attr-defined]
        INSTRUCTOR_ANSWER
    )
    d.find_element(By.CSS_SELECTOR, "article.gap button.answer").click()  # type: ignore[attr-defined]
    notice = d.find_element(By.CSS_SELECTOR, "article.done .flash")  # type: ignore[attr-defined]
    assert notice.text.startswith("Saved as a cohort FAQ entry")
    shoot(d, "5b-gap-answered")
    d.refresh()  # type: ignore[attr-defined]
    assert GAP not in d.page_source  # type: ignore[attr-defined]

    d.find_element(By.LINK_TEXT, "Overview").click()  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, "th a[data-sort=modules]").click()  # type: ignore[attr-defined]
    assert member_names(d) == ["Bo", "Ada"]  # ascending: Ada's approval completed m01
    d.find_element(By.CSS_SELECTOR, "th a[data-sort=modules]").click()  # type: ignore[attr-defined]
    assert member_names(d) == ["Ada", "Bo"]
    d.find_element(By.LINK_TEXT, "Ada").click()  # type: ignore[attr-defined]
    assert "Modules and quizzes" in d.page_source and "approved" in d.page_source  # type: ignore[attr-defined]
    shoot(d, "6-learner")
    d.set_window_size(390, 844)  # type: ignore[attr-defined]
    d.find_element(By.LINK_TEXT, "Overview").click()  # type: ignore[attr-defined]
    shoot(d, "7-overview-phone")

    reply = world.a.send("ada", GAP, thread="t9")
    assert INSTRUCTOR_ANSWER in reply.text
    if os.environ.get("UPDATE_README_SCREENSHOT"):
        shutil.copy(ARTIFACTS / "2-overview.png", Path("docs/dashboard-overview.png"))
