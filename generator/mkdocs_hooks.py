"""MkDocs hooks.

* Live preview: `mkdocs serve` watches site_src/ and regenerates docs/ before each build (for
  `mkdocs build`, `microsite build` has generated docs/ already); a failed build shows an error
  page in the browser until a save fixes it (preview.py).
* Progress: `mkdocs build` shows how many pages are read and written (progress.py: a bar on a
  terminal, plain lines in logs).
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

from generator.model.plurals import count
from generator.model.report import Progress, Report
from generator.model.settings import load_settings
from generator.pipeline.build import generate
from generator.preview import PROBLEMS_ENV, GenerationFailed, Preview, decode_problems, problems_of
from generator.progress import progress_for
from generator.site.search_index import fold_search_index
from generator.text.sanitise import sanitise, sanitise_front_matter

log = logging.getLogger("mkdocs.plugins.microsite")
_serving = False
_fresh = os.environ.pop("MICROSITE_DOCS_FRESH", "") == "1"
_preview: Preview | None = None  # once serving: the state of the last build
_progress: Progress | None = None  # when building: pages read and written
_pages = 0
_count = {"read": 0, "written": 0}


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    global _preview
    root = Path(config.config_file_path).parent
    _preview = Preview(root, load_settings(root).pages_dir)
    _preview.problems = decode_problems(os.environ.pop(PROBLEMS_ENV, ""))  # found before MkDocs started
    return _preview.install(server, builder, config.docs_dir)


def on_pre_build(config) -> None:
    global _fresh, _progress
    if _fresh:  # `microsite serve` generated docs/ just before starting MkDocs
        _fresh = False
        return
    if not _serving:
        _progress = progress_for()
        return
    root = Path(config.config_file_path).parent
    report = generate(load_settings(root))
    log_diagnostics(report)
    log.info("regenerated docs/: %s written in %.2f s", count(report.written, "file"), report.seconds)
    if report.fatal and _preview is not None:  # stop before MkDocs replaces the pages served
        raise GenerationFailed(problems_of(report.of("fatal"), root))


def on_files(files, config):
    global _pages
    _pages = len(files.documentation_pages())
    _count.update(read=0, written=0)
    if _progress:
        _progress("MkDocs reading pages", 0, _pages)
    return files


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
    if _progress:
        _progress("MkDocs reading pages", _counted("read"), _pages)
    # A hand-written page is known by its source file, not by its front matter, which the editor writes.
    if not os.path.lexists(_pages_dir(config.config_file_path) / page.file.src_uri):
        return html
    page.meta = sanitise_front_matter(page.meta)  # the templates read it after every page's content
    return sanitise(html)


@cache
def _pages_dir(config_file: str) -> Path:
    return load_settings(Path(config_file).parent).pages_dir


def on_post_page(output: str, page, config) -> str:
    if _progress:
        _progress("MkDocs writing pages", _counted("written"), _pages)
    return output


def _counted(what: str) -> int:
    _count[what] = min(_count[what] + 1, _pages)
    return _count[what]


def on_post_build(config) -> None:
    fold_search_index(Path(config.site_dir) / "search" / "search_index.json")
