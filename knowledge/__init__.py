"""Knowledge: ingestion, retrieval and grounded answers (see issue 5)."""
