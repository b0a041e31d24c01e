"""Small command handlers: each takes a Request and returns replies."""
