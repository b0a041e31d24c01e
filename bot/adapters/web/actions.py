"""The dashboard's forms (POST): sign in and out, schedule, gaps, project reviews, export/delete.

Every form needs a signed-in session and its CSRF token; ids from the URL must belong to the
session's cohorts. A refused request changes nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from bot.adapters.web import texts
from bot.adapters.web.pages import _int
from bot.adapters.web.security import PRE_COOKIE, SESSION_COOKIE, csrf_ok
from bot.core.cohort.learners import learners_of
from bot.core.instructor import gaps
from bot.core.instructor.access import Refusal, redeem
from bot.core.projects import review
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort, Learner

if TYPE_CHECKING:
    from bot.adapters.web.app import Dashboard


FINAL = {"approved", "changes", "answered", "dismissed"}
"""Outcomes after which the item leaves its list (others keep it: offer a way back)."""


def _back(path: str, done: str) -> Response:
    return RedirectResponse(f"{path}?done={done}", status_code=303)


def _done(request: Request, path: str, done: str, item: str) -> Response:
    """htmx swaps the item for a notice; without JavaScript, back to the page with a notice."""
    if request.headers.get("hx-request") != "true":
        return _back(path, done)
    notice = escape(texts.FLASH.get(done, ""))
    back = "" if done in FINAL else f' <a href="{path}">{escape(texts.BACK)}</a>'
    return HTMLResponse(
        f'<article class="card done" id="{item}"><p class="flash">{notice}{back}</p></article>'
    )


async def signin(dash: Dashboard, request: Request) -> Response:
    """Use the link's token once and start a session limited to its cohorts."""
    from bot.adapters.web.app import Refused

    client = request.client.host if request.client else "?"
    if not dash.limiter.allow(client):
        raise Refused(429, texts.TOO_MANY)
    form = await request.form()
    pre, token = form.get("pre"), form.get("t")
    if not isinstance(pre, str) or not csrf_ok(request.cookies.get(PRE_COOKIE, ""), pre):
        raise Refused(403, texts.BAD_FORM)
    scope = redeem(dash.services, token if isinstance(token, str) else "")
    if isinstance(scope, Refusal):
        raise Refused(410 if scope is not Refusal.UNKNOWN else 403, texts.LINK_REFUSED[scope])
    response = RedirectResponse("/", status_code=303)
    dash.new_session_cookie(response, scope.token_id)
    response.delete_cookie(PRE_COOKIE, path="/signin")
    return response


async def signout(dash: Dashboard, request: Request) -> Response:
    await dash.checked_form(request)
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


async def _cohort_form(
    dash: Dashboard, request: Request
) -> tuple[Cohort, dict[str, str], int | None]:
    scope, fields = await dash.checked_form(request)
    return dash.cohort(scope, _int(request, "cid")), fields, scope.actor_id


async def schedule(dash: Dashboard, request: Request) -> Response:
    """Pause, resume, skip or un-skip a week."""
    cohort, fields, _ = await _cohort_form(dash, request)
    assert cohort.id is not None
    repo, action = CohortRepository(dash.services.db), fields.get("action", "")
    week = int(fields["week"]) if fields.get("week", "").isdigit() else 0
    weeks = len(dash.services.curriculum.tracks[cohort.track_id].weeks)
    if action in ("pause", "resume"):
        repo.update(cohort.id, paused=action == "pause")
        return _back(f"/cohorts/{cohort.id}", "paused" if action == "pause" else "resumed")
    if action in ("skip", "unskip") and 1 <= week <= weeks:
        skipped = set(cohort.skipped_weeks)
        skipped = skipped | {week} if action == "skip" else skipped - {week}
        repo.update(cohort.id, skipped_weeks=sorted(skipped))
        return _back(f"/cohorts/{cohort.id}", f"{action}ped")
    return _back(f"/cohorts/{cohort.id}", "")


async def review_project(dash: Dashboard, request: Request) -> Response:
    """Approve, or request changes with a note (the learner reads it in chat)."""
    cohort, fields, actor = await _cohort_form(dash, request)
    assert cohort.id is not None
    done = review.decide(
        dash.services,
        cohort,
        _int(request, "sid"),
        approve=fields.get("decision") == "approve",
        note=fields.get("note", ""),
        reviewer_id=actor,
    )
    if done.outcome is review.Outcome.NOT_FOUND:
        from bot.adapters.web.app import Refused

        raise Refused(404, texts.NOT_FOUND)
    item = f"project-{_int(request, 'sid')}"
    return _done(request, f"/cohorts/{cohort.id}/projects", done.outcome.value, item)


async def _gap(
    dash: Dashboard, request: Request
) -> tuple[Cohort, gaps.GapGroup, dict[str, str], int | None]:
    from bot.adapters.web.app import Refused

    cohort, fields, actor = await _cohort_form(dash, request)
    group = gaps.find_group(dash.services, cohort, _int(request, "gid"))
    if group is None:
        raise Refused(404, texts.NOT_FOUND)
    return cohort, group, fields, actor


async def answer_gap(dash: Dashboard, request: Request) -> Response:
    """Write a cohort FAQ entry for a group of questions."""
    cohort, group, fields, actor = await _gap(dash, request)
    question = fields.get("question", "").strip()[:500]
    answer = fields.get("answer", "").strip()[:2000]
    if len(question) < 5 or len(answer) < 5:
        return _back(f"/cohorts/{cohort.id}/gaps", "answer_short")
    gaps.answer(dash.services, cohort, group, question, answer, actor)
    return _done(request, f"/cohorts/{cohort.id}/gaps", "answered", f"gap-{group.key}")


async def dismiss_gap(dash: Dashboard, request: Request) -> Response:
    cohort, group, _, actor = await _gap(dash, request)
    gaps.dismiss(dash.services, cohort, group, actor)
    return _done(request, f"/cohorts/{cohort.id}/gaps", "dismissed", f"gap-{group.key}")


async def _learner(dash: Dashboard, request: Request) -> tuple[Cohort, Learner, dict[str, str]]:
    from bot.adapters.web.app import Refused

    cohort, fields, _ = await _cohort_form(dash, request)
    learner_id = _int(request, "lid")
    person = next((p for p in learners_of(dash.services, cohort) if p.id == learner_id), None)
    if person is None:
        raise Refused(404, texts.NOT_FOUND)
    return cohort, person, fields


async def export_learner(dash: Dashboard, request: Request) -> Response:
    """Everything held about the learner, as a JSON download (the admin export)."""
    _, person, _ = await _learner(dash, request)
    assert person.id is not None
    document: dict[str, Any] = {
        "exported_at": dash.services.clock.now().isoformat(),
        "learner": {
            "platform": person.platform,
            "workspace": person.workspace,
            "user_id": person.user_id,
        },
        "tables": dash.services.privacy.export(person.id),
    }
    body = json.dumps(document, indent=2, sort_keys=True, default=str)
    return Response(
        body,
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="learner-{person.id}-export.json"',
            "Cache-Control": "no-store",
        },
    )


async def delete_learner(dash: Dashboard, request: Request) -> Response:
    """Delete everything held about the learner, once the admin typed DELETE."""
    cohort, person, fields = await _learner(dash, request)
    assert person.id is not None
    if fields.get("confirm", "").strip() != texts.DELETE_WORD:
        return _back(f"/cohorts/{cohort.id}/learners/{person.id}", "confirm")
    dash.services.privacy.delete(person.id)
    return _back(f"/cohorts/{cohort.id}", "deleted")


ROUTES: list[tuple[str, str, Any]] = [
    ("/signin", "POST", signin),
    ("/signout", "POST", signout),
    ("/cohorts/{cid}/schedule", "POST", schedule),
    ("/cohorts/{cid}/projects/{sid}/review", "POST", review_project),
    ("/cohorts/{cid}/gaps/{gid}/answer", "POST", answer_gap),
    ("/cohorts/{cid}/gaps/{gid}/dismiss", "POST", dismiss_gap),
    ("/cohorts/{cid}/learners/{lid}/export", "POST", export_learner),
    ("/cohorts/{cid}/learners/{lid}/delete", "POST", delete_learner),
]
