"""`mlops-tutor discord ...`: sync the slash commands, print the invite URL."""

from __future__ import annotations

import asyncio

import typer

from bot.cli import common

discord_app = typer.Typer(
    help="Discord: sync slash commands, invite the bot.", no_args_is_help=True
)


@discord_app.command("sync")
def sync(
    guild: list[int] = typer.Option(
        [],
        "--guild",
        help="Server id to sync to (instant; repeatable). Default: TUTOR_DISCORD_GUILD_IDS, "
        "else global (can take up to an hour to appear).",
    ),
    include_global: bool = typer.Option(
        False, "--global", help="Also sync globally (every server), even with server ids set."
    ),
    clear: bool = typer.Option(
        False, "--clear", help="Remove the commands (from the servers and/or globally) instead."
    ),
) -> None:
    """Register the slash commands with Discord (run once after install and after upgrades)."""
    from bot.adapters.discord.runner import DiscordConfigError, sync_commands
    from bot.adapters.discord.settings import DiscordSettings

    cfg = common.settings()
    guilds = guild or DiscordSettings().guild_ids
    try:
        results = asyncio.run(
            sync_commands(cfg.discord_token, guilds, include_global=include_global, clear=clear)
        )
    except DiscordConfigError as exc:
        common.fail(str(exc))
    except Exception as exc:  # network or Discord refusal: one line, no traceback
        common.fail(f"Discord sync failed: {type(exc).__name__}: {exc}")
    for done in results:
        where = f"server {done.guild}" if done.guild else "global"
        if clear:
            common.out.print(f"cleared the commands ({where})")
        else:
            names = ", ".join(done.names)
            common.out.print(f"synced {len(done.names)} commands ({where}): {names}")


@discord_app.command("invite")
def invite(
    client_id: str = typer.Option(
        ..., "--client-id", help="The application id (developer portal, General Information)."
    ),
) -> None:
    """Print the URL that adds the bot to a server with the scopes and permissions it needs."""
    from bot.adapters.discord import texts
    from bot.adapters.discord.invite import invite_url

    try:
        common.out.print(invite_url(client_id))
    except ValueError:
        common.fail(texts.ERR_BAD_CLIENT_ID)
