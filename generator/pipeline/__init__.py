"""Orchestration: one build (run, cache, parallel workers, git history)."""
