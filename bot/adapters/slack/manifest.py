"""The shipped app manifest, adapted to a command prefix and to HTTP mode on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.core.command_names import CommandNaming

MANIFEST = Path(__file__).resolve().parent / "manifest.yaml"
EVENTS_PATH = "/slack/events"
REDIRECT_PATH = "/slack/oauth_redirect"


def load_manifest() -> dict[str, Any]:
    """The shipped manifest (Socket Mode, no prefix) as data."""
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def adapted_manifest(*, prefix: str = "", url: str | None = None) -> dict[str, Any]:
    """The manifest with prefixed commands and, given a public base URL, HTTP mode.

    Args:
        prefix: Put before every command name (`tutor-` gives `/tutor-quiz`).
        url: The app's public base URL (https://host); turns Socket Mode off and sets the
            request URLs of commands, events, interactivity and the OAuth redirect.
    """
    data = load_manifest()
    naming = CommandNaming(prefix)
    events_url = f"{url.rstrip('/')}{EVENTS_PATH}" if url else None
    info = data["display_information"]
    info["long_description"] = naming.text(info["long_description"])
    for command in data["features"]["slash_commands"]:
        command["command"] = naming.command(command["command"].lstrip("/"))
        if events_url:
            command["url"] = events_url
    if url and events_url:
        settings = data["settings"]
        settings["socket_mode_enabled"] = False
        settings["event_subscriptions"]["request_url"] = events_url
        settings["interactivity"]["request_url"] = events_url
        data["oauth_config"]["redirect_urls"] = [f"{url.rstrip('/')}{REDIRECT_PATH}"]
    return data


def manifest_yaml(*, prefix: str = "", url: str | None = None) -> str:
    """`adapted_manifest` as YAML text, ready to paste into api.slack.com/apps."""
    return yaml.safe_dump(
        adapted_manifest(prefix=prefix, url=url), sort_keys=False, allow_unicode=True
    )
