"""The Slack adapter: slack-bolt transport, payloads -> Incoming, Reply -> Block Kit."""
