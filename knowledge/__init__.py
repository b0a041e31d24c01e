"""Knowledge: ingestion, retrieval and grounded answers (see issue 5).

Entry point: `knowledge.service.Knowledge` (build, ensure_ingested, ingest, ask). Nothing heavy
is imported here: the model loads on the first embedding, Chroma connects on first use.
"""
