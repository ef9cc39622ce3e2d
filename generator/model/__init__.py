"""Plain data passed between stages: documents, entities, the build report, settings. Imports nothing of ours above it."""
