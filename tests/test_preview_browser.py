"""The live preview never hangs: `microsite serve` on a copy of the project, an editor's page broken
and fixed while Chromium shows it, and one rebuild per save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, artifact, require_chromium
from conftest import REPO, make_project

STARTUP_SECONDS = 120  # a cold generation and MkDocs build on a slow machine; never a speed check
CHANGE_SECONDS = 60  # from a save to the browser showing it (seconds in practice)


@dataclass
class Preview:
    base: str
    about: Path  # site_src/pages/about.md of the served copy
    log: Path  # the server's output

    def builds(self) -> int:
        return self.log.read_text(encoding="utf-8", errors="replace").count("Building documentation")

    def quiet(self) -> bool:
        """Nothing logged for 2 s: no save is waiting for its build (seen at once, or in 0.5 s where polled)."""
        return time.time() - self.log.stat().st_mtime > 2


def restore(path: Path, text: str) -> None:
    """Write `text` back unless it is there: a write is a save, and a save is a build."""
    if path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """Status and text of a page; a hanging request fails the test (the bug this file is about)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s: {what}"
        time.sleep(0.2)


def _answers(url: str) -> bool:
    try:
        return fetch(url)[0] == 200
    except OSError:  # not listening yet
        return False


def shows_the_page(url: str) -> bool:
    """The page itself, not the error page (which is served with status 200 too)."""
    status, text = fetch(url)
    return status == 200 and 'id="preview-error"' not in text


@contextmanager
def serving(root: Path, ready: str = "about/") -> Iterator[Preview]:
    """`microsite serve` on the project at `root`, until `ready` answers."""
    port = free_port()
    log = root.parent / "serve.log"
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/"}  # served at the root, not the Pages path
    command = [sys.executable, "-m", "generator.cli", "--root", str(root), "serve"]
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"], stdout=output, stderr=output, cwd=REPO, env=env
        )
    try:
        base = f"http://127.0.0.1:{port}/"

        def started() -> bool:
            assert server.poll() is None, log.read_text(encoding="utf-8", errors="replace")[-3000:]
            return _answers(base + ready)

        wait_until(started, STARTUP_SECONDS, "the preview starts")
        yield Preview(base, root / "site_src" / "pages" / "about.md", log)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    with serving(make_project(tmp_path_factory.mktemp("preview") / "project").root) as started:
        yield started


def test_a_broken_link_shows_an_error_page_and_the_fix_brings_the_page_back(preview):
    require_chromium()
    from playwright.sync_api import sync_playwright

    original = preview.about.read_text(encoding="utf-8")
    broken = original.rstrip("\n") + "\n\nSee [the missing page](missing-page.md).\n"
    line = broken.count("\n")  # the link is on the last line
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(preview.base + "about/")
            assert page.locator("h1").first.inner_text().startswith("About this site")
            preview.about.write_text(broken, encoding="utf-8")
            # The page reloads by itself (MkDocs' live reload) into the error page.
            page.wait_for_selector("#preview-error", timeout=CHANGE_SECONDS * 1000)
            problem = page.locator("li.problem").first
            assert problem.locator(".file").inner_text() == "site_src/pages/about.md"
            assert problem.locator(".line").inner_text() == str(line)
            assert "missing-page.md" in problem.locator(".reason").inner_text()
            page.screenshot(path=str(artifact("preview-error.png")), full_page=True)
            text = fetch(preview.base + "about/")[1]  # answered at once, not held until a fix
            assert 'id="preview-error"' in text and "site_src/pages/about.md" in text and "livereload" in text
            preview.about.write_text(original, encoding="utf-8")
            page.wait_for_selector("h1:has-text('About this site')", timeout=CHANGE_SECONDS * 1000)
            assert page.locator("#preview-error").count() == 0
            assert page.url == preview.base + "about/"
        finally:
            restore(preview.about, original)
            browser.close()
    wait_until(lambda: shows_the_page(preview.base + "about/"), CHANGE_SECONDS, "the page is served again")


def test_one_save_rebuilds_once(preview):
    original = preview.about.read_text(encoding="utf-8")
    wait_until(lambda: shows_the_page(preview.base + "about/"), CHANGE_SECONDS, "the preview shows the page")
    wait_until(preview.quiet, CHANGE_SECONDS, "no build pending")
    before = preview.builds()
    try:
        preview.about.write_text(original + "\nOne save, one rebuild.\n", encoding="utf-8")
        wait_until(lambda: "One save, one rebuild." in fetch(preview.base + "about/")[1], CHANGE_SECONDS, "rebuilt")
        # A second build would follow at once (the generator's writes to docs/, or the build's own reads
        # of site_src/, seen by the watcher): a short wait shows there is none.
        time.sleep(3)
        assert preview.builds() == before + 1, preview.log.read_text(encoding="utf-8", errors="replace")[-3000:]
    finally:
        restore(preview.about, original)


def test_a_preview_started_with_a_broken_page_serves_the_error_until_the_fix(tmp_path: Path):
    """`make serve` while a file is broken: the last good pages are served with the error page
    (not a server that refuses to start), and the fix brings the page."""
    project = make_project(tmp_path / "project")
    assert project.generate().fatal == []  # a good build first: docs/ as the editor last had it
    about = project.root / "site_src" / "pages" / "about.md"
    original = about.read_text(encoding="utf-8")
    about.write_text(original + "\n[[entity:nobody-at-all]]\n", encoding="utf-8")
    with serving(project.root, ready="sitemap.xml") as preview:  # pages are the error page
        text = fetch(preview.base + "about/")[1]
        assert 'id="preview-error"' in text and "nobody-at-all" in text and "site_src/pages/about.md" in text
        assert "serving the last good pages" in preview.log.read_text(encoding="utf-8")
        about.write_text(original, encoding="utf-8")
        wait_until(lambda: shows_the_page(preview.base + "about/"), CHANGE_SECONDS, "the fix is served")
        assert "About this site" in fetch(preview.base + "about/")[1]
