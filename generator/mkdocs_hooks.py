"""MkDocs hooks.

* Live preview: `mkdocs serve` watches site_src/ and regenerates docs/ before each build (for
  `mkdocs build`, `microsite build` has generated docs/ already); a failed build shows an error
  page in the browser until a save fixes it (preview.py).
* Progress: `mkdocs build` shows how many pages are read and written (progress.py: a bar on a
  terminal, plain lines in logs).
* Search: Pagefind's index is written after MkDocs by `microsite build` (site/search_pages.py).
* Hand-written pages (site_src/pages/): their rendered content is sanitised (sanitise.py), so
  editors' Markdown cannot run script or restyle the page. (Commentary and notes are sanitised
  by the generator, editorial.EditorsHtml.)
* Generated pages (every other page): rendered once. Their HTML blocks, which the generator's
  templates made and escaped, are set aside before Markdown and put back after it, so
  Markdown renders only headings and paragraphs (site/prerendered.py), and what remains of most
  document pages (headings between the blocks) once per build for all; their ids are added to
  the page's anchors, and every link of their HTML is checked (a broken one is a warning, which
  fails the strict build), which MkDocs never did for raw HTML. (Links in editors' commentary
  and notes are the generator's to check, naming the editor's file and line.)
* Writing: MkDocs writes each page and copies each file one after another; from the first write to
  the end of the build they are handed to threads (publish.BackgroundWrites).
"""

from __future__ import annotations

import copy
import logging
import os
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

import mkdocs.utils
from mkdocs.structure.toc import TableOfContents, get_toc

from generator.model.plurals import count
from generator.model.report import Progress, Report
from generator.model.settings import load_settings
from generator.pipeline.build import generate
from generator.preview import POLL_ENV, PROBLEMS_ENV, GenerationFailed, Preview, decode_problems, problems_of
from generator.progress import progress_for
from generator.site.prerendered import SetAside, broken_links, page_links, renders_alike_everywhere, set_aside
from generator.site.publish import BackgroundWrites
from generator.text.sanitise import sanitise, sanitise_front_matter

log = logging.getLogger("mkdocs.plugins.microsite")
_serving = False
_fresh = os.environ.pop("MICROSITE_DOCS_FRESH", "") == "1"
_preview: Preview | None = None  # once serving: the state of the last build
_progress: Progress | None = None  # when building: pages read and written
_pages = 0
_count = {"read": 0, "written": 0}
_set_aside: dict[str, tuple[str, SetAside, bool]] = {}  # generated page -> its Markdown, its blocks set
# aside, and whether Markdown rendered what remains on an earlier page (then given to it as "")
_residues: dict[str, Rendered] = {}  # what remains of pages, rendered once per build (prerendered.py)
_links: dict[str, list[str]] = {}  # generated page -> the links of its HTML
_writes = BackgroundWrites()
_MKDOCS_WRITE_FILE, _MKDOCS_COPY_FILE = mkdocs.utils.write_file, mkdocs.utils.copy_file


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving and dirty:  # `microsite serve` (cli.py): after a save, only the pages whose docs/ file changed
        logging.getLogger("mkdocs.commands.build").addFilter(_dirty_build_is_expected)


def _dirty_build_is_expected(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave other pages' navigation stale, and strict mode would
    stop on it. The preview accepts that: the generator rewrites every docs/ file a save changes (lists,
    entity pages), the navigation lists no document, and `microsite build` always builds everything."""
    return "'dirty' build" not in record.getMessage()


def on_serve(server, config, builder):
    global _preview
    root = Path(config.config_file_path).parent
    _preview = Preview(root, load_settings(root).pages_dir, poll=os.environ.pop(POLL_ENV, "") == "1")
    _preview.problems = decode_problems(os.environ.pop(PROBLEMS_ENV, ""))  # found before MkDocs started
    # `microsite serve` generated docs/ in the process it replaced: this one has no document in memory yet
    threading.Thread(target=_documents_at_hand, args=(root,), name="microsite-documents", daemon=True).start()
    return _preview.install(server, builder, config.docs_dir)


def _documents_at_hand(root: Path) -> None:
    from generator.pipeline.run import keep_documents_at_hand  # the pipeline's stages: not before serving

    started = time.perf_counter()
    try:
        kept = keep_documents_at_hand(load_settings(root))
    except Exception as error:  # only a head start: a save reads what it needs anyway
        log.debug("documents not loaded ahead of the first save: %s", error)
    else:
        log.info("%s in memory for the next save (%.1f s)", count(kept, "document"), time.perf_counter() - started)


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
    _set_aside.clear()
    _residues.clear()
    _links.clear()
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


def on_page_markdown(markdown: str, page, config, files) -> str:
    """A generated page's Markdown with its HTML blocks set aside (put back by on_page_content)."""
    if _hand_written(page, config):
        return markdown
    _links[page.file.src_uri] = page_links(markdown)
    aside = set_aside(markdown)
    if aside is None:  # nothing to set aside, or an element spans blank lines: Markdown renders it all
        return markdown
    rendered_before = aside.markdown in _residues
    _set_aside[page.file.src_uri] = (markdown, aside, rendered_before)
    if rendered_before:  # MkDocs' render would make a Markdown converter (its extensions) to render ""
        page.render = partial(_render_nothing, page)
    return "" if rendered_before else aside.markdown


def on_page_content(html: str, page, config, files) -> str:
    if _progress:
        _progress("MkDocs reading pages", _counted("read"), _pages)
    if not _hand_written(page, config):
        return _restored(html, page, config, files)
    page.meta = sanitise_front_matter(page.meta)  # the templates read it after every page's content
    return sanitise(html)


def _restored(html: str, page, config, files) -> str:
    """A generated page's HTML with its blocks back in place, and their ids among its anchors."""
    markdown, aside, rendered_before = _set_aside.pop(page.file.src_uri, (None, None, False))
    if aside is None:
        return html
    if rendered_before:
        html = _residues[aside.markdown].given_to(page)
    elif renders_alike_everywhere(aside.markdown):
        _residues[aside.markdown] = Rendered(html, copy.deepcopy(page.toc), frozenset(page.present_anchor_ids or ()))
    restored = aside.restore(html)
    if restored is None:  # Markdown moved a placeholder: render the page whole, as MkDocs would
        log.debug("%s: rendered whole by Markdown", page.file.src_uri)
        page.markdown = markdown
        vars(page).pop("render", None)  # MkDocs' own render, not `_render_nothing`
        page.render(config, files)
        return page.content
    page.present_anchor_ids = (page.present_anchor_ids or set()) | aside.anchor_ids()
    return restored


def _render_nothing(page, config, files) -> None:
    """What MkDocs' `Page.render` makes of "" (content, table of contents, title, anchors and links: none),
    without the Markdown converter it makes for each page (a tenth of MkDocs' build of a document page).
    tests/test_render_once.py compares the two."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:  # as MkDocs 1.6 does
        page.links_to_anchors = {}


@dataclass(frozen=True)
class Rendered:
    """What MkDocs' Markdown made of a page's Markdown: its HTML, table of contents and anchors."""

    html: str
    toc: TableOfContents
    anchors: frozenset[str]

    def given_to(self, page) -> str:
        """Its HTML, its table of contents and anchors set on `page` (rendered from "") as MkDocs would."""
        page.toc = copy.deepcopy(self.toc)
        page.present_anchor_ids = set(self.anchors)
        return self.html


def _hand_written(page, config) -> bool:
    """A hand-written page is known by its source file, not by its front matter, which the editor writes."""
    return os.path.lexists(_pages_dir(config.config_file_path) / page.file.src_uri)


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


def on_env(env, config, files):
    """Every link in the HTML of generated pages names a file, page and anchor of the site: all
    pages are rendered (their anchors known) and none is written yet."""
    targets = {("" if f.url == "./" else f.url): (f.page.present_anchor_ids if f.page else None) for f in files}
    for src_uri, links in sorted(_links.items()):
        page = files.get_file_from_path(src_uri).page
        for link in broken_links(
            page.url if page.url != "./" else "", links, targets, page.present_anchor_ids or set()
        ):
            log.warning("Generated page '%s' links to '%s', which is not in the site", src_uri, link)
    _writing_in_background(True)
    return env


def _writing_in_background(on: bool) -> None:
    """From here to the end of the build, the files MkDocs writes and copies (every page, every file
    of docs/) are handed to threads (publish.BackgroundWrites: one after another, each new file waited on
    the disk). MkDocs calls both functions through its `utils` module, so replacing them there is enough."""
    mkdocs.utils.write_file = _writes.write if on else _MKDOCS_WRITE_FILE
    mkdocs.utils.copy_file = _writes.copy if on else _MKDOCS_COPY_FILE


def on_post_build(config) -> None:
    _writing_in_background(False)
    _writes.finish()  # a failed write fails the build


def on_build_error(error) -> None:
    _writing_in_background(False)
    with suppress(Exception):  # the build's own error is the one reported
        _writes.finish()
