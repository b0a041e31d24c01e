"""The Discord adapter: slash commands, mentions and DMs, persistent buttons, broadcasts.

Import `bot.adapters.discord.runner.run_discord` to start it; nothing here connects at import.
"""
