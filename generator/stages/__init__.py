"""The per-document stages: ingest -> clean -> analyse (dates, summary) -> translations."""
