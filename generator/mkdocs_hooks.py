"""MkDocs hooks.

* Live preview: `mkdocs serve` watches site_src/ and regenerates docs/ before each build (for
  `mkdocs build`, `microsite build` has generated docs/ already).
* Search: after every build, folded spellings are added to the search index (search_index.py).
* Hand-written pages (site_src/pages/): their rendered content is sanitised (sanitise.py), so
  editors' Markdown cannot run script or restyle the page. (Commentary and notes are sanitised
  by the generator, editorial.EditorsHtml.)
"""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

from generator.model.report import Report
from generator.model.settings import load_settings
from generator.pipeline.build import generate
from generator.site.search_index import fold_search_index
from generator.text.sanitise import sanitise, sanitise_front_matter

log = logging.getLogger("mkdocs.plugins.microsite")
_serving = False
_fresh = os.environ.pop("MICROSITE_DOCS_FRESH", "") == "1"


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).parent / "site_src"))
    return server


def on_pre_build(config) -> None:
    global _fresh
    if _fresh:  # `microsite serve` generated docs/ just before starting MkDocs
        _fresh = False
        return
    if _serving:
        report = generate(load_settings(Path(config.config_file_path).parent))
        log_diagnostics(report)
        log.info("regenerated docs/: %s file(s) written in %.2f s", report.written, report.seconds)


def log_diagnostics(report: Report) -> None:
    """The build's problems in the preview's log. Only a fatal one is logged as an error: mkdocs.yml
    is strict, and MkDocs stops at any warning, but docs/ was written despite the rest. A repeated
    report (nothing changed) was logged when it was new."""
    for diagnostic in report.listed():
        if diagnostic.severity == "fatal":
            log.error("%s (docs/ left as it was)", diagnostic)
        elif not report.unchanged:
            log.info("%s: %s", diagnostic.severity, diagnostic)


def on_page_content(html: str, page, config, files) -> str:
    # A hand-written page is known by its source file, not by its front matter, which the editor writes.
    if not os.path.lexists(_pages_dir(config.config_file_path) / page.file.src_uri):
        return html
    page.meta = sanitise_front_matter(page.meta)  # the templates read it after every page's content
    return sanitise(html)


@cache
def _pages_dir(config_file: str) -> Path:
    return load_settings(Path(config_file).parent).pages_dir


def on_post_build(config) -> None:
    fold_search_index(Path(config.site_dir) / "search" / "search_index.json")
