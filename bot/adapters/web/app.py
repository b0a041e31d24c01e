"""Build the dashboard's ASGI app: routes, templates, sessions, and the checks every page shares."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot import metrics
from bot.adapters.web import texts
from bot.adapters.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    RateLimiter,
    Session,
    SessionCodec,
    csrf_ok,
)
from bot.core.instructor.access import Scope, scope_of
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort

if TYPE_CHECKING:
    from bot.bootstrap import Services

log = logging.getLogger(__name__)
HERE = Path(__file__).parent


class Refused(Exception):
    """A request is refused with this status and message (rendered as a small page)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class Dashboard:
    """What the routes share: the services, the cookie codec, templates and limits."""

    services: Services
    codec: SessionCodec
    secure_cookies: bool
    limiter: RateLimiter
    templates: Environment

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        session = getattr(request.state, "session", None)
        body = self.templates.get_template(name).render(
            csrf=session.csrf if session else "",
            flash=texts.FLASH.get(request.query_params.get("done", ""), ""),
            **context,
        )
        return HTMLResponse(body, status_code=status)

    def session(self, request: Request) -> tuple[Session, Scope]:
        """The signed-in session and its scope, else Refused(401)."""
        session = self.codec.loads(request.cookies.get(SESSION_COOKIE))
        scope = scope_of(self.services, session.token_id) if session else None
        if session is None or scope is None:
            raise Refused(401, texts.SIGNED_OUT)
        request.state.session = session
        return session, scope

    async def checked_form(self, request: Request) -> tuple[Scope, dict[str, str]]:
        """A POST's session and fields, after the CSRF check (403 when it fails)."""
        session, scope = self.session(request)
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        given = fields.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
        if not csrf_ok(session.csrf, given):
            raise Refused(403, texts.BAD_FORM)
        return scope, fields

    def cohort(self, scope: Scope, cohort_id: int) -> Cohort:
        """A cohort of this session's scope, else Refused(404) (another cohort's id)."""
        cohort = CohortRepository(self.services.db).get(cohort_id)
        if cohort is None or cohort.id not in scope.cohort_ids:
            raise Refused(404, texts.NOT_FOUND)
        return cohort

    def new_session_cookie(self, response: Response, token_id: int) -> None:
        value = self.codec.dumps(Session(token_id, secrets.token_urlsafe(24)))
        response.set_cookie(
            SESSION_COOKIE,
            value,
            max_age=12 * 3600,
            httponly=True,
            samesite="lax",
            secure=self.secure_cookies,
            path="/",
        )


class AccessLog(BaseHTTPMiddleware):
    """Log method, route and status only: never query strings (tokens) or learner data."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        route = request.scope.get("route")
        path = getattr(route, "path", "?")
        log.info("%s %s %s", request.method, path, response.status_code)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


def build_app(
    services: Services, *, secret: str, secure_cookies: bool, limiter: RateLimiter | None = None
) -> Starlette:
    """The dashboard app for these services (tests and `mlops-tutor run` call the same)."""
    from bot.adapters.web import actions, pages

    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"])
    )
    templates.filters["local"] = pages.local_time
    dash = Dashboard(
        services, SessionCodec(secret), secure_cookies, limiter or RateLimiter(), templates
    )
    metrics.track_index_size(services.knowledge.store.count)

    def wrap(handler: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            try:
                response: Response = await handler(dash, request)
                return response
            except Refused as refused:
                return dash.page(request, "refused.html", refused.status, message=refused.message)

        return endpoint

    routes: list[BaseRoute] = [
        Route(path, wrap(fn), methods=[m]) for path, m, fn in pages.ROUTES + actions.ROUTES
    ]
    routes.append(Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"))
    return Starlette(routes=routes, middleware=[Middleware(AccessLog)])
