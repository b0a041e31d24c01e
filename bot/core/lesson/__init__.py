"""`/lesson`: read the course in chat, a section at a time, paged."""
