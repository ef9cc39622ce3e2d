"""Set-up honesty: every command and option explains itself, `inspect` says "not found" rather than
None, the commentary folder exists and is no commentary itself, and CI fails where a test cannot run."""

from __future__ import annotations

import argparse
import logging
import re
import subprocess
import sys
import time
import wsgiref.util
from pathlib import Path

import pytest
from browser import require_chromium
from conftest import REPO, make_project

from generator.cli import main as microsite
from generator.commands import parser
from generator.model.settings import load_settings
from generator.site.editorial import load_commentary


def walk(command: argparse.ArgumentParser, name: str = "microsite"):
    """Every (command, parser, action) of the command line, subcommands included."""
    for action in command._actions:
        yield name, command, action
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub_parser in action.choices.items():
                yield from walk(sub_parser, f"{name} {sub_name}")


def test_every_command_and_option_has_help():
    missing = [
        f"{name}: {'/'.join(action.option_strings) or action.dest}"
        for name, _, action in walk(parser())
        if not action.help or action.help == argparse.SUPPRESS
    ]
    assert not missing, missing
    undescribed = [name for name, command, _ in walk(parser()) if not command.description]
    assert not undescribed, sorted(set(undescribed))  # `microsite add --help` says what `add` does


def test_help_of_add_describes_the_command_and_every_option(capsys):
    with pytest.raises(SystemExit) as exit_code:
        microsite(["add", "--help"])
    assert exit_code.value.code == 0
    text = capsys.readouterr().out
    assert "import a .txt, .md or saved .html article" in text
    for option in ("--title", "--outlet", "--url", "--date", "--language"):
        line = next(line for line in text.splitlines() if line.strip().startswith(option))
        assert len(line.split(maxsplit=2)) == 3, line  # option, metavar, then its help


def test_inspect_says_not_found_instead_of_none(empty_project, capsys):
    path = empty_project.add(
        "plain.txt",
        "Turkish and Libyan officers discussed training at a meeting.\n\n"
        "The two delegations agreed to meet again to review the programme.\n",
    )
    assert microsite(["--root", str(empty_project.root), "inspect", str(path)]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert "date not found" in first and "outlet not found" in first, first
    assert not re.search(r"\bNone\b", out), out


def test_the_command_exits_with_mains_code_and_everything_it_printed(empty_project):
    """`microsite` ends with os._exit (issue 16: freeing a build's objects at exit cost 0.7 s at 1,000
    documents): the exit code is still main's and nothing printed is lost, piped or not."""
    command = [sys.executable, "-c", "from generator.cli import run; run()", "--root", str(empty_project.root)]
    piped = subprocess.run([*command, "inspect", "missing.txt"], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert piped.returncode == 1, piped.stderr
    assert piped.stdout.startswith("skipped: ") and piped.stdout.endswith("\n"), piped.stdout
    built = subprocess.run([*command, "generate"], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert built.returncode == 0 and "microsite: 0 documents published" in built.stderr, built.stderr


def test_the_commentary_folder_exists_with_a_readme_that_is_no_commentary():
    settings = load_settings(REPO)
    readme = settings.commentary_dir / "README.txt"
    assert settings.commentary_dir == REPO / "site_src" / "commentary"
    assert "<document id>.md" in readme.read_text(encoding="utf-8")
    found, errors, refused = load_commentary(settings.commentary_dir, settings.source_dir, settings.max_document_bytes)
    assert (found, errors, refused) == ({}, [], [])  # not a commentary, not an error


def test_the_generator_ignores_the_commentary_readme(empty_project):
    folder = empty_project.root / "site_src" / "commentary"
    folder.mkdir()
    (folder / "README.txt").write_bytes((REPO / "site_src" / "commentary" / "README.txt").read_bytes())
    report = empty_project.generate()
    assert not report.listed(), report.summary()


def test_browser_tests_fail_in_ci_and_are_skipped_elsewhere_when_chromium_is_missing(monkeypatch, tmp_path: Path):
    import browser

    monkeypatch.setattr(browser, "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium not found"):
        require_chromium()
    for outside_ci in ("", "false", "0"):
        monkeypatch.setenv("CI", outside_ci)
        with pytest.raises(pytest.skip.Exception):
            require_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require_chromium()


def test_ci_runs_the_tests_in_ci_mode():
    """.ci/run sets CI=true itself, so that running it anywhere fails where a browser test cannot run."""
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^export CI=true$", script, re.M)
    assert script.index("export CI=true") < script.index("make test")


def _get(app, path: str) -> tuple[str, bytes]:
    environ = {"PATH_INFO": path}
    wsgiref.util.setup_testing_defaults(environ)
    status: list[str] = []
    body = b"".join(app(environ, lambda code, headers: status.append(code)))
    return status[0], body


def test_the_preview_shows_mkdocs_own_errors_and_serves_on(tmp_path: Path):
    """`microsite serve` (tests/test_preview_browser.py runs it): a build MkDocs rejects becomes the
    error page, naming the editor's file; other files are served as before; a good build ends it."""
    from mkdocs.exceptions import Abort
    from mkdocs.livereload import LiveReloadServer

    from generator.preview import Preview, Problem

    pages, docs, site = tmp_path / "site_src" / "pages", tmp_path / "docs", tmp_path / "served"
    for folder in (pages, docs, site):
        folder.mkdir(parents=True)
    (pages / "about.md").write_text("# About\n", encoding="utf-8")
    (site / "style.css").write_text("body {}", encoding="utf-8")
    warning = "Doc file 'about.md' contains a link 'nowhere.md', but the target is not found among documentation files."
    failing = [True]

    def builder(config=None) -> None:
        if failing[0]:
            logging.getLogger("mkdocs.structure.pages").warning(warning)
            raise Abort("Aborted with 1 warnings in strict mode!")

    server = LiveReloadServer(builder=builder, host="127.0.0.1", port=0, root=str(site))
    try:
        preview = Preview(tmp_path, pages)
        preview.install(server, builder, str(docs))
        server.builder()  # does not raise: MkDocs' server goes on
        assert preview.problems == [Problem("site_src/pages/about.md", None, warning)]
        status, body = _get(server.get_app(), "/about/")
        assert status == "200 OK" and b'id="preview-error"' in body  # 200: see preview.Preview.app
        assert b"site_src/pages/about.md" in body and b"nowhere.md" in body
        assert b"livereload(" in body  # reloads by itself after the next build
        assert _get(server.get_app(), "/style.css") == ("200 OK", b"body {}")
        failing[0] = False
        server.builder()
        assert preview.problems == [] and _get(server.get_app(), "/style.css")[0] == "200 OK"
    finally:
        server.server_close()


def _wants_rebuild_after(server, change, seconds: float = 3.0) -> bool:
    """Whether MkDocs' server wants a rebuild after `change` (its private flag: what its build loop waits on)."""
    time.sleep(0.3)  # events of what came before
    with server._rebuild_cond:
        server._want_rebuild = False
    change()
    deadline = time.monotonic() + seconds
    while not server._want_rebuild and time.monotonic() < deadline:
        time.sleep(0.01)
    return server._want_rebuild


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_the_preview_is_told_of_a_save_at_once_and_not_of_its_own_reads_or_docs(tmp_path: Path):
    """Issue 16, preview at scale: MkDocs polls every half second; on Linux the kernel tells the preview of a
    change (inotify). Only changes count, as when polling: a build reads site_src/, and a read that
    rebuilt would rebuild for ever; docs/, which the generator writes, is not watched."""
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    from generator.preview import Preview

    pages, docs, site = tmp_path / "site_src" / "pages", tmp_path / "docs", tmp_path / "served"
    for folder in (pages, docs, site):
        folder.mkdir(parents=True)
    (pages / "about.md").write_text("# About\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda config=None: None, host="127.0.0.1", port=0, root=str(site))
    server.watch(str(docs)), server.watch(str(tmp_path / "mkdocs.yml"))  # as `mkdocs serve` does
    try:
        Preview(tmp_path, pages).install(server, server.builder, str(docs))
        assert not isinstance(server.observer, PollingObserver)
        server.observer.start()
        assert _wants_rebuild_after(server, lambda: (pages / "about.md").write_text("# About us\n", encoding="utf-8"))
        assert _wants_rebuild_after(server, lambda: (pages / "new.md").write_text("# New\n", encoding="utf-8"))
        assert _wants_rebuild_after(server, (pages / "new.md").unlink)
        assert _wants_rebuild_after(server, lambda: (tmp_path / "mkdocs.yml").write_text("site_name: y\n"))
        assert not _wants_rebuild_after(server, (pages / "about.md").read_bytes, seconds=1)
        assert not _wants_rebuild_after(server, lambda: (docs / "about.md").write_text("x"), seconds=1)
    finally:
        server.observer.stop()
        server.server_close()


@pytest.mark.parametrize("why", ["inotify cannot watch", "serve --poll"])
def test_where_the_kernel_tells_of_no_change_the_preview_polls_as_mkdocs_does(tmp_path: Path, monkeypatch, why):
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    from generator import preview

    (tmp_path / "site_src").mkdir()
    if why == "inotify cannot watch":  # e.g. out of inotify watches, or not Linux
        monkeypatch.setattr(preview, "_works", lambda observer_type, folder: False)
    server = LiveReloadServer(builder=lambda config=None: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        watching = preview.Preview(tmp_path, tmp_path / "site_src" / "pages", poll=why == "serve --poll")
        watching.install(server, server.builder, str(tmp_path))
        assert isinstance(server.observer, PollingObserver)
        assert list(server._watched_paths) == [str(tmp_path / "site_src")]
    finally:
        server.server_close()


def test_serve_poll_reaches_the_preview_in_mkdocs_process(tmp_path: Path, monkeypatch):
    """`microsite serve` becomes `mkdocs serve` (exec): the option travels in its environment."""
    from generator import cli
    from generator.preview import POLL_ENV

    project = make_project(tmp_path / "project")
    started: list[dict[str, str]] = []
    monkeypatch.setattr(cli.os, "execve", lambda path, argv, env: started.append(env))
    monkeypatch.setattr(cli.os, "chdir", lambda path: None)
    for options in (["--poll"], []):
        assert cli.main(["--root", str(project.root), "serve", *options]) == 0
    assert [env[POLL_ENV] for env in started] == ["1", ""]


def test_a_request_answered_404_during_a_build_does_not_fail_it():
    """MkDocs logs such a request as a warning, which strict mode would count against the build."""
    from generator.preview import requests_are_not_warnings

    def level(message: str) -> int:
        record = logging.LogRecord("mkdocs.livereload", logging.WARNING, __file__, 1, message, None, None)
        requests_are_not_warnings(record)
        return record.levelno

    assert level('[20:00:00] "GET /img/missing.png HTTP/1.1" code 404') == logging.INFO
    assert level("[20:00:00] Failed to render an error message!") == logging.WARNING
