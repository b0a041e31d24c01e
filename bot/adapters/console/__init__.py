"""The terminal console: try the tutor with no tokens, interactively or from a pipe."""
