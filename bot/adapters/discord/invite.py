"""The invite URL: the scopes and the permissions the tutor needs, nothing more."""

from __future__ import annotations

import re

import discord

SCOPES = ("bot", "applications.commands")
_SNOWFLAKE = re.compile(r"\d{17,20}")


def needed_permissions() -> discord.Permissions:
    """See and answer in channels and threads, open threads, embed cards, attach images.

    Permissions integer 309237697536 (README, "Run on Discord")."""
    return discord.Permissions(
        view_channel=True,
        send_messages=True,
        send_messages_in_threads=True,
        create_public_threads=True,
        embed_links=True,
        attach_files=True,
    )


def invite_url(client_id: str) -> str:
    """The OAuth2 URL that adds the bot with its commands; raises ValueError on a bad id."""
    if not _SNOWFLAKE.fullmatch(client_id.strip()):
        raise ValueError(client_id)
    return (
        f"https://discord.com/oauth2/authorize?client_id={client_id.strip()}"
        f"&scope={'+'.join(SCOPES)}&permissions={needed_permissions().value}"
    )
