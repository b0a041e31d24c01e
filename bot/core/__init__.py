"""The platform-neutral core: messages in, replies out. Never imports a chat SDK."""
