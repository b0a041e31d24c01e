"""Serve the dashboard with uvicorn: alone, beside the bot in one asyncio loop, or in a thread
beside the console."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import uvicorn

from bot.adapters.web.app import build_app
from bot.adapters.web.security import secret_for

if TYPE_CHECKING:
    from bot.bootstrap import Services


def make_server(services: Services, host: str, port: int) -> uvicorn.Server:
    """A uvicorn server for the dashboard; SecretKeyMissing when it may not start."""
    if port:  # sign-in links made from now on (`/cohort dashboard`) point at this server
        services.settings = services.settings.model_copy(
            update={"dashboard_host": host, "dashboard_port": port}
        )
    cfg = services.settings
    key = cfg.secret_key.get_secret_value() if cfg.secret_key else None
    secret = secret_for(key, host)
    secure = cfg.dashboard_base.startswith("https://")
    app = build_app(services, secret=secret, secure_cookies=secure)
    config = uvicorn.Config(
        app, host=host, port=port, access_log=False, log_level="warning", proxy_headers=True
    )
    return uvicorn.Server(config)


async def serve_dashboard(services: Services, host: str, port: int) -> None:
    """Run until cancelled (as one task of `mlops-tutor run`)."""
    await make_server(services, host, port).serve()


def start_in_thread(services: Services, host: str, port: int) -> Callable[[], None]:
    """Serve in a background thread (beside the console); returns a function that stops it."""
    server = make_server(services, host, port)
    thread = threading.Thread(
        target=lambda: asyncio.run(server.serve()), name="dashboard", daemon=True
    )
    thread.start()

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=5)

    return stop
