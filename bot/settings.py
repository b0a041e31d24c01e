"""Settings from the environment and `.env`: `TUTOR_*` plus the platforms' customary names."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from storage.engine import mask_url


class SettingsError(Exception):
    """A setting is invalid; the message names the setting and what is expected."""


class Settings(BaseSettings):
    """Every setting of the tutor. See the README's "Settings" table."""

    model_config = SettingsConfigDict(
        env_prefix="TUTOR_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    data_dir: Path = Field(default=Path("var"), description="Where local data lives.")
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "TUTOR_DATABASE_URL"),
        description="SQLAlchemy URL; default sqlite:///<data_dir>/tutor.db.",
    )
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias="SLACK_SIGNING_SECRET"
    )
    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    chroma_url: str | None = Field(
        default=None, description="Chroma server URL (http://host:port); default: local Chroma."
    )
    embeddings: Literal["onnx", "torch"] = Field(
        default="onnx",
        description="Run the packaged MiniLM model in ONNX Runtime (lean) or torch.",
    )
    llm: str | None = Field(default=None, description="Optional provider:model for answers.")
    llm_base_url: str | None = Field(
        default=None, description="Base URL of the model server (Ollama, OpenAI-compatible)."
    )
    llm_timeout: float = Field(default=30.0, gt=0, le=600, description="Seconds per model call.")
    llm_concurrency: int = Field(default=4, ge=1, le=64, description="Model calls at once.")
    auto_ingest: bool = Field(default=True, description="Build the index at start when empty.")
    ask_per_minute: int = Field(default=6, ge=1, le=600)
    ask_per_day: int = Field(default=200, ge=1, le=100_000)
    default_track: str = Field(default="roadmap-12w", description="Track for /roadmap.")
    quiz_idle_minutes: int = Field(default=30, ge=1, le=7 * 24 * 60)
    review_daily_cap: int = Field(default=20, ge=1, le=500)
    quiz_seed: int | None = Field(
        default=None, description="Fixed shuffle seed for scripted sessions and tests."
    )
    console_user: str | None = Field(default=None, description="Console learner; default OS user.")
    console_admins: str | None = Field(
        default=None,
        description="Comma-separated console users with admin rights; default OS user.",
    )
    log_level: str = Field(default="WARNING")
    secret_key: SecretStr | None = Field(
        default=None, description="Signs dashboard session cookies; required off loopback."
    )
    dashboard_host: str = Field(default="127.0.0.1", description="Dashboard bind address.")
    dashboard_port: int = Field(default=8080, ge=0, le=65535)
    dashboard_url: str | None = Field(
        default=None,
        description="Public base URL of the dashboard for sign-in links (https:// sets Secure).",
    )

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:", "postgres:")):
            raise ValueError("expected a sqlite:/// or postgresql:// URL")
        return value

    @field_validator("chroma_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected http://host:port of a Chroma server")
        return value

    @field_validator("dashboard_url")
    @classmethod
    def _dashboard_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected the dashboard's public http(s):// base URL")
        return value.rstrip("/")

    @field_validator("llm")
    @classmethod
    def _provider_model(cls, value: str | None) -> str | None:
        if not value:
            return None
        if ":" not in value:
            raise ValueError("expected provider:model, e.g. ollama:llama3.1 or openai:gpt-4o-mini")
        return value

    @field_validator("llm_base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected http(s)://host:port of the model server")
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("expected one of DEBUG, INFO, WARNING, ERROR")
        return upper

    @property
    def effective_database_url(self) -> str:
        """The database URL in use (the SQLite default under data_dir when unset)."""
        return self.database_url or f"sqlite:///{self.data_dir / 'tutor.db'}"

    @property
    def dashboard_base(self) -> str:
        """Where sign-in links point: TUTOR_DASHBOARD_URL, else the local bind address."""
        return self.dashboard_url or f"http://{self.dashboard_host}:{self.dashboard_port}"

    def platforms(self) -> list[str]:
        """The chat platforms whose credentials are configured."""
        found = []
        if self.slack_bot_token:
            found.append("slack")
        if self.discord_token:
            found.append("discord")
        return found

    def masked(self) -> dict[str, str]:
        """Effective settings for display: secrets masked, URLs without passwords."""
        shown: dict[str, str] = {}
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            env = _env_name(name, field.validation_alias)
            if isinstance(value, SecretStr):
                shown[env] = "**** (set)" if value.get_secret_value() else "(unset)"
            elif value is None:
                shown[env] = "(unset)"
            else:
                shown[env] = str(value)
        shown["DATABASE_URL"] = mask_url(self.effective_database_url)
        return shown


def _env_name(name: str, alias: object) -> str:
    if isinstance(alias, str):
        return alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return f"TUTOR_{name.upper()}"


def load_settings(**overrides: object) -> Settings:
    """Read settings; raise SettingsError with one line naming the first bad setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "settings"
        env = (
            _env_name(field, Settings.model_fields[field].validation_alias)
            if (field in Settings.model_fields)
            else field
        )
        raise SettingsError(f"{env}: {err['msg']}") from None
