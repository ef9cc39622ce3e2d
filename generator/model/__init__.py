"""Plain data passed between stages: documents, entities, the build report, settings.

Imports nothing of ours from a layer above it."""
