"""MkDocs hooks for live preview: `mkdocs serve` watches site_src/ and regenerates docs/.

For `mkdocs build` nothing happens here: `microsite build` generates before MkDocs runs.
"""
from __future__ import annotations

import logging
from pathlib import Path

from generator.config import load_settings
from generator.pipeline import generate

log = logging.getLogger("mkdocs.plugins.microsite")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).parent / "site_src"))
    return server


def on_pre_build(config) -> None:
    if _serving:
        report = generate(load_settings(Path(config.config_file_path).parent))
        log.info("regenerated docs/: %s file(s) written in %.2f s", report.written, report.seconds)
