"""Project submissions: `/project submit|list|approve|changes`."""
