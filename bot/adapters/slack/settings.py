"""Settings only the Slack adapter reads (the tokens themselves live in `bot.settings`)."""

from __future__ import annotations

import re

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.command_names import CommandNaming

COMMANDS = (
    "ask",
    "quiz",
    "interview",
    "lesson",
    "progress",
    "roadmap",
    "track",
    "badges",
    "project",
    "cohort",
    "privacy",
    "new",
    "help",
)
"""The slash commands the app registers (the manifest declares the same, in this order)."""
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")


class SlackConfigError(Exception):
    """The Slack settings cannot work; the message starts with the setting's name."""


class SlackSettings(BaseSettings):
    """Slack adapter settings, from the environment or `.env`."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    admin_ids: str = Field(default="", validation_alias="TUTOR_SLACK_ADMIN_IDS")
    command_prefix: str = Field(default="", validation_alias="TUTOR_SLACK_COMMAND_PREFIX")
    client_id: str | None = Field(default=None, validation_alias="SLACK_CLIENT_ID")
    client_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_CLIENT_SECRET")
    api_url: str = Field(
        default="https://slack.com/api/",
        validation_alias="TUTOR_SLACK_API_URL",
        description="Slack Web API base URL (a proxy, or a fake Slack in integration tests).",
    )

    @field_validator("api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"expected an http(s) URL, got {value[:60]}")
        return value if value.endswith("/") else value + "/"

    @field_validator("admin_ids")
    @classmethod
    def _user_ids(cls, value: str) -> str:
        bad = [v for v in _split(value) if not _USER_ID.match(v)]
        if bad:
            raise ValueError(f"expected comma-separated user ids like U0123ABCD, got {bad[0]}")
        return value

    @field_validator("command_prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        if value and not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,20}", value):
            raise ValueError("expected up to 21 lowercase letters, digits, - or _ (e.g. tutor-)")
        return value

    @property
    def admins(self) -> frozenset[str]:
        """The Slack user ids that are cohort admins whatever their workspace role."""
        return frozenset(_split(self.admin_ids))

    @property
    def oauth(self) -> bool:
        """Multi-workspace install mode: both OAuth credentials are set."""
        return bool(self.client_id and self.client_secret)

    @property
    def naming(self) -> CommandNaming:
        """How Slack users type the tutor's commands (with the configured prefix)."""
        return CommandNaming(self.command_prefix)

    def command(self, name: str) -> str:
        """The slash command as registered in Slack: `/` + prefix + name."""
        return self.naming.command(name)


def load_slack_settings(**overrides: object) -> SlackSettings:
    """Read the adapter settings; raise SlackConfigError naming the first bad setting."""
    try:
        return SlackSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else "settings"
        field = SlackSettings.model_fields.get(name)
        env = str(field.validation_alias) if field and field.validation_alias else name
        raise SlackConfigError(f"{env}: {err['msg']}") from None


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]
