"""`mlops-tutor slack ...`: the app manifest for api.slack.com, adapted to this deployment."""

from __future__ import annotations

import typer

from bot.cli import common

slack_app = typer.Typer(help="Slack app set-up helpers.", no_args_is_help=True)


@slack_app.callback()
def slack() -> None:
    """Slack app set-up helpers."""


@slack_app.command("manifest")
def manifest(
    url: str | None = typer.Option(
        None, help="Public base URL for HTTP mode (https://host); omit for Socket Mode."
    ),
    prefix: str | None = typer.Option(
        None, help="Command prefix (default: TUTOR_SLACK_COMMAND_PREFIX), e.g. tutor-."
    ),
) -> None:
    """Print the app manifest to paste into api.slack.com/apps -> Create New App."""
    from bot.adapters.slack.manifest import manifest_yaml
    from bot.adapters.slack.settings import SlackConfigError, load_slack_settings

    try:
        cfg = (
            load_slack_settings() if prefix is None else load_slack_settings(command_prefix=prefix)
        )
    except SlackConfigError as exc:
        common.fail(str(exc))
    if url is not None and not url.startswith("https://"):
        common.fail("--url: Slack needs a public https:// URL")
    common.out.print(manifest_yaml(prefix=cfg.command_prefix, url=url), markup=False)
