"""Platform adapters: transport, raw event -> Incoming, Reply -> native rendering."""
