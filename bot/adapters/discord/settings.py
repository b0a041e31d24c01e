"""Settings only the Discord adapter reads (`TUTOR_DISCORD_*`); the token is `DISCORD_TOKEN`."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class DiscordSettings(BaseSettings):
    """How the Discord client is built.

    Attributes:
        sharded: use `AutoShardedClient` (from about 1,000 servers).
        guild_ids: servers `mlops-tutor discord sync` targets when `--guild` is not given
            (guild commands update at once; global ones can take up to an hour).
        message_content: ask for the privileged message-content intent (needed to read
            follow-ups without a mention and to measure contributions).
        members: ask for the privileged server-members intent (optional).
    """

    model_config = SettingsConfigDict(
        env_prefix="TUTOR_DISCORD_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    sharded: bool = False
    guild_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    message_content: bool = True
    members: bool = False

    @field_validator("guild_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value
