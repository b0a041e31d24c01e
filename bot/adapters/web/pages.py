"""The dashboard's pages (GET): cohorts, overview, questions, gaps, projects, learner, lesson."""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bot import metrics
from bot.adapters.web import texts
from bot.adapters.web.security import PRE_COOKIE
from bot.core.clock import as_utc
from bot.core.cohort.learners import learners_of
from bot.core.instructor import gaps, learner, overview, questions
from bot.core.projects import review
from storage.repositories.cohorts import CohortRepository

if TYPE_CHECKING:
    from bot.adapters.web.app import Dashboard

SORTS = {
    "name": lambda r: r.name.casefold(),
    "position": lambda r: r.position,
    "modules": lambda r: r.modules_completed,
    "active": lambda r: as_utc(r.last_active).timestamp() if r.last_active else 0.0,
    "streak": lambda r: r.streak,
    "projects": lambda r: r.projects_pending,
    "reviews": lambda r: r.reviews_due,
}


def local_time(value: datetime | None, zone: str = "UTC") -> str:
    """A stored UTC time shown in the cohort's zone."""
    from zoneinfo import ZoneInfo

    if value is None:
        return "—"
    return as_utc(value).astimezone(ZoneInfo(zone)).strftime("%d %b %Y %H:%M")


def _int(request: Request, name: str) -> int:
    from bot.adapters.web.app import Refused

    raw = request.path_params.get(name, "")
    if not str(raw).isdigit() or len(str(raw)) > 12:
        raise Refused(404, texts.NOT_FOUND)
    return int(raw)


async def healthz(dash: Dashboard, request: Request) -> Response:
    """Database and index reachable: 200, else 503 with what failed."""
    checks: dict[str, str] = {}
    try:
        with dash.services.db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    try:
        checks["index"] = f"ok ({dash.services.knowledge.store.count()} chunks)"
    except Exception as exc:
        checks["index"] = f"unreachable: {type(exc).__name__}"
    healthy = all(v.startswith("ok") for v in checks.values())
    return JSONResponse(
        {"status": "ok" if healthy else "failing", **checks}, status_code=200 if healthy else 503
    )


async def metrics_page(dash: Dashboard, request: Request) -> Response:
    return Response(metrics.render(), media_type=metrics.CONTENT_TYPE)


async def signin_page(dash: Dashboard, request: Request) -> Response:
    """Show a button that signs in (a POST: link previews cannot use up the link)."""
    pre = secrets.token_urlsafe(24)
    token = request.query_params.get("t", "")[:100]
    response = dash.page(request, "signin.html", token=token, pre=pre)
    response.set_cookie(
        PRE_COOKIE,
        pre,
        max_age=900,
        httponly=True,
        samesite="strict",
        secure=dash.secure_cookies,
        path="/signin",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


async def cohorts_page(dash: Dashboard, request: Request) -> Response:
    _, scope = dash.session(request)
    svc = dash.services
    repo = CohortRepository(svc.db)
    rows = []
    for cohort_id in sorted(scope.cohort_ids):
        cohort = repo.get(cohort_id)
        if cohort is None:
            continue
        rows.append(
            {
                "cohort": cohort,
                "track": svc.curriculum.tracks[cohort.track_id].title,
                "week": overview.current_week(svc, cohort),
                "weeks": len(svc.curriculum.tracks[cohort.track_id].weeks),
                "members": len(learners_of(svc, cohort)),
                "next": overview.next_post(svc, cohort),
            }
        )
    return dash.page(request, "cohorts.html", rows=rows)


async def overview_page(dash: Dashboard, request: Request) -> Response:
    _, scope = dash.session(request)
    cohort = dash.cohort(scope, _int(request, "cid"))
    svc = dash.services
    sort = request.query_params.get("sort", "name")
    sort = sort if sort in SORTS else "name"
    desc = request.query_params.get("dir") == "desc"
    members = sorted(overview.members(svc, cohort), key=SORTS[sort], reverse=desc)
    people = learners_of(svc, cohort)
    modules = overview.track_modules(svc, cohort)
    done = overview.completion(svc, cohort, people)
    results = overview.module_results(svc, cohort)
    chart = {
        "labels": [r.module_id for r in results],
        "pass_rate": [r.pass_rate for r in results],
        "average": [r.average_score for r in results],
    }
    return dash.page(
        request,
        "overview.html",
        cohort=cohort,
        tab="overview",
        track=svc.curriculum.tracks[cohort.track_id],
        members=members,
        sort=sort,
        desc=desc,
        heat_modules=modules,
        heat_people=people,
        done=done,
        results=results,
        chart_json=json.dumps(chart),
        weeks=overview.timeline(svc, cohort),
        next_post=overview.next_post(svc, cohort),
    )


async def questions_page(dash: Dashboard, request: Request) -> Response:
    _, scope = dash.session(request)
    cohort = dash.cohort(scope, _int(request, "cid"))
    found = questions.missed(dash.services, cohort)
    return dash.page(
        request,
        "questions.html",
        cohort=cohort,
        tab="questions",
        missed=found,
        never=[q for q in found if q.never_right],
    )


async def gaps_page(dash: Dashboard, request: Request) -> Response:
    _, scope = dash.session(request)
    cohort = dash.cohort(scope, _int(request, "cid"))
    return dash.page(
        request,
        "gaps.html",
        cohort=cohort,
        tab="gaps",
        groups=gaps.open_gaps(dash.services, cohort),
    )


async def projects_page(dash: Dashboard, request: Request) -> Response:
    _, scope = dash.session(request)
    cohort = dash.cohort(scope, _int(request, "cid"))
    queue = review.pending(dash.services, cohort)
    modules = dash.services.curriculum.modules
    return dash.page(
        request, "projects.html", cohort=cohort, tab="projects", queue=queue, modules=modules
    )


async def learner_page(dash: Dashboard, request: Request) -> Response:
    from bot.adapters.web.app import Refused

    _, scope = dash.session(request)
    cohort = dash.cohort(scope, _int(request, "cid"))
    learner_id = _int(request, "lid")
    person = next((p for p in learners_of(dash.services, cohort) if p.id == learner_id), None)
    if person is None:
        raise Refused(404, texts.NOT_FOUND)
    badges = {b.id: f"{b.emoji} {b.name}" for b in dash.services.curriculum.badges}
    return dash.page(
        request,
        "learner.html",
        cohort=cohort,
        tab="overview",
        h=learner.history(dash.services, person),
        badges=badges,
        delete_word=texts.DELETE_WORD,
    )


async def lesson_page(dash: Dashboard, request: Request) -> Response:
    from bot.adapters.web.app import Refused

    dash.session(request)
    lesson = dash.services.curriculum.lessons.get(request.path_params.get("lesson", ""))
    if lesson is None:
        raise Refused(404, texts.NOT_FOUND)
    return dash.page(request, "lesson.html", lesson=lesson)


ROUTES: list[tuple[str, str, Any]] = [
    ("/healthz", "GET", healthz),
    ("/metrics", "GET", metrics_page),
    ("/signin", "GET", signin_page),
    ("/", "GET", cohorts_page),
    ("/cohorts/{cid}", "GET", overview_page),
    ("/cohorts/{cid}/questions", "GET", questions_page),
    ("/cohorts/{cid}/gaps", "GET", gaps_page),
    ("/cohorts/{cid}/projects", "GET", projects_page),
    ("/cohorts/{cid}/learners/{lid}", "GET", learner_page),
    ("/lessons/{lesson}", "GET", lesson_page),
]
