"""Grounded answers in chat: `/ask`, mentions, DMs and follow-ups in a thread."""
