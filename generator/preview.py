"""The live preview (`microsite serve`): MkDocs' own server, made to show a failed build in the browser.

MkDocs' server (mkdocs/livereload) rebuilds when a watched file changes. When a rebuild raises, it
logs "the server will appear stuck" and every request then waits for a build that succeeds. Here
the builder never raises: a failed build is kept as its problems (file, line, reason), every page
request is answered with an error page naming them, and that page's live-reload script brings
the real page back as soon as a save fixes the build.

docs/ is not watched: the generator writes it during each build, and MkDocs would otherwise build
a second time after every save (site_src/ is watched instead, mkdocs.yml as MkDocs does). MkDocs
polls what it watches every half second (it must work where the file system sends no events); where
the kernel does (Linux's inotify), the preview is told of a save at once instead (`told_at_once`),
unless `microsite serve --poll` asks for polling: where a folder's changes are made elsewhere (a
network drive, a Windows folder under WSL), inotify can watch it and never be told of them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.model.document import Diagnostic
from generator.model.plurals import count
from generator.text.inputs import relative_path

log = logging.getLogger("mkdocs.plugins.microsite")
# `microsite serve` started on the last good docs/: the problems that stopped its generation.
PROBLEMS_ENV = "MICROSITE_PREVIEW_PROBLEMS"
# `microsite serve --poll`: watch site_src/ by polling, as MkDocs does (see `told_at_once`).
POLL_ENV = "MICROSITE_PREVIEW_POLL"
# MkDocs names a hand-written page by its path inside docs/, where site_src/pages/ is copied.
DOC_FILE_RE = re.compile(r"^Doc file '([^']+)'")


@dataclass(frozen=True)
class Problem:
    """Why the preview's last build failed: where (from the project folder) and why."""

    file: str | None
    line: int | None
    reason: str


class GenerationFailed(Exception):
    """The generator found fatal errors: raised by the hooks to stop MkDocs' build before it
    touches the pages served (the last good ones)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{count(len(problems), 'error')} in site_src/")
        self.problems = problems


def problems_of(diagnostics: Iterable[Diagnostic], root: Path) -> list[Problem]:
    """The generator's diagnostics as the error page lists them, each once."""
    found = [Problem(None if d.file is None else relative_path(d.file, root), d.line, d.message) for d in diagnostics]
    return list(dict.fromkeys(found))


def encode_problems(problems: list[Problem]) -> str:
    return json.dumps([[p.file, p.line, p.reason] for p in problems], ensure_ascii=False)


def decode_problems(text: str) -> list[Problem]:
    return [Problem(file, line, reason) for file, line, reason in json.loads(text or "[]")]


class Preview:
    """The state of the preview: the problems of the last build (none when it succeeded)."""

    def __init__(self, root: Path, pages_dir: Path, poll: bool = False):
        self.root, self.pages_dir, self.poll = root, pages_dir, poll
        self.problems: list[Problem] = []

    def install(self, server: Any, builder: Callable[..., None], docs_dir: str) -> Any:
        """Watch site_src/ instead of docs/; build without ever raising; answer with the error page."""
        with contextlib.suppress(KeyError):  # not watched (mkdocs serve --no-livereload)
            server.unwatch(docs_dir)
        if not self.poll:
            told_at_once(server, self.root / "site_src")
        server.watch(str(self.root / "site_src"))
        server.builder = self.guarded(builder)
        logging.getLogger("mkdocs.livereload").addFilter(requests_are_not_warnings)
        server.set_app(self.app(server.get_app(), server))
        return server

    def guarded(self, builder: Callable[..., None]) -> Callable[..., None]:
        def build(config: Any = None) -> None:
            warnings = _Warnings()
            logging.getLogger("mkdocs").addHandler(warnings)
            try:
                builder(config)
            except Exception as error:  # the server must go on, whatever the build did
                self.problems = self.failure(error, warnings.records)
                where = "; ".join(f"{p.file}:{p.line}" if p.line else p.file or p.reason for p in self.problems)
                log.error("build failed (%s): the browser shows the errors until a save fixes them", where)
            else:
                self.problems = []
            finally:
                logging.getLogger("mkdocs").removeHandler(warnings)

        return build

    def failure(self, error: Exception, records: list[logging.LogRecord]) -> list[Problem]:
        """The problems of a failed build: the generator's, else MkDocs' warnings, else the error."""
        if isinstance(error, GenerationFailed):
            return error.problems
        problems = [self.mkdocs_problem(record.getMessage()) for record in records]
        if problems:
            return problems
        traceback.print_exc()
        return [Problem(None, None, f"{type(error).__name__}: {error}")]

    def mkdocs_problem(self, message: str) -> Problem:
        """A warning of MkDocs' strict build, naming the editor's file where it is one."""
        found = DOC_FILE_RE.match(message)
        if found and (self.pages_dir / found[1]).is_file():
            return Problem(relative_path(self.pages_dir / found[1], self.root), None, message)
        return Problem(None, None, message)

    def app(self, served: Callable, server: Any) -> Callable:
        """MkDocs' WSGI application, but pages are the error page while the last build failed."""

        def respond(environ: dict, start_response: Callable) -> Iterable[bytes]:
            problems, path = self.problems, environ.get("PATH_INFO", "")
            if problems and path.startswith(server.mount_path) and path.endswith(("/", ".html")):
                page = with_live_reload(server, render_error_page(problems))
                headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(page)))]
                # 200, not 500: MkDocs logs any other status as a warning, which its strict mode
                # would count against the next build (the one that is to fix the error).
                start_response("200 OK", headers)
                return [page]
            return served(environ, start_response)

        return respond


def told_at_once(server: Any, folder: Path) -> bool:
    """Give MkDocs' server, before it starts, an observer the kernel tells of changes (inotify), its watches
    moved over, when one works on `folder` here; whether it did. (MkDocs' polling observer finds a save a
    quarter of a second later on average.) The server keeps its polling observer where none works."""
    observer = _changes_only_observer(folder)
    if observer is None or server.observer.is_alive():
        return False
    # MkDocs counts the watches of each path (private to MkDocs 1.6, as `with_live_reload` says).
    moved = [path for path, times in server._watched_paths.items() for _ in range(times)]
    for path in moved:
        server.unwatch(path)
    server.observer = observer
    for path in moved:
        server.watch(path)  # recursive, as MkDocs watches
    return True


def _changes_only_observer(folder: Path) -> Any | None:
    """An inotify observer told only of what polling finds (files made, changed, removed, moved), not of
    files opened or read: MkDocs rebuilds on any event, and a build reads site_src/. None where inotify
    cannot watch `folder` (not Linux, or out of watches)."""
    try:
        from watchdog import events
        from watchdog.observers.api import ObservedWatch
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux
        return None
    changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent]

    class ChangesOnly(InotifyObserver):
        def schedule(
            self,
            event_handler: events.FileSystemEventHandler,
            path: str | Path,
            *,
            recursive: bool = False,
            event_filter: list[type[events.FileSystemEvent]] | None = None,
            follow_symlink: bool = False,
        ) -> ObservedWatch:
            only = changes if event_filter is None else event_filter
            return super().schedule(
                event_handler, path, recursive=recursive, event_filter=only, follow_symlink=follow_symlink
            )

    return ChangesOnly() if _works(ChangesOnly, folder) else None


def _works(observer_type: Callable[[], Any], folder: Path) -> bool:
    """Whether an observer of `observer_type` can watch `folder` (inotify may be out of watches, or absent)."""
    from watchdog.events import FileSystemEventHandler

    observer = observer_type()
    try:
        observer.schedule(FileSystemEventHandler(), str(folder), recursive=True)
        observer.start()
    except OSError:
        return False
    finally:
        if observer.is_alive():
            observer.stop()
            observer.join()
    return True


class _Warnings(logging.Handler):
    """MkDocs' warnings and errors during one build (which its strict mode turns into a failure)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(("mkdocs.livereload", log.name)):  # requests; the hooks' own
            self.records.append(record)


def requests_are_not_warnings(record: logging.LogRecord) -> bool:
    """MkDocs' server logs a request answered otherwise than 200 (a 404 for a missing image) as a
    warning, which strict mode counts against the build running meanwhile: a page's request could
    fail a good build. Logged as information instead."""
    if record.levelno == logging.WARNING and record.getMessage().split("] ", 1)[-1].startswith('"'):
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def render_error_page(problems: list[Problem]) -> bytes:
    return _template().render(problems=problems, count=count).encode("utf-8")


def with_live_reload(server: Any, page: bytes) -> bytes:
    """The page with MkDocs' live-reload script, as MkDocs adds it to the pages it serves: the page
    reloads when the next build is done. (Private to MkDocs 1.6; pyproject.toml pins MkDocs below 2, and
    tests/test_preview_browser.py fails if it changes.)"""
    return bytes(server._inject_js_into_html(page, server._visible_epoch))


@cache
def _template() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # only when a build failed

    environment = Environment(
        loader=PackageLoader("generator", "templates"), autoescape=True, undefined=StrictUndefined
    )
    return environment.get_template("preview_error.html.j2")
