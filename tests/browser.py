"""Real-browser helpers: the built site served on localhost, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.progress import in_ci

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"  # screenshots; git-ignored
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def require_chromium() -> None:
    """In CI (CI=true, as .ci/run and CI services set it) the browser is installed by .ci/run and
    must be there: a missing one fails the test. Elsewhere the test is skipped."""
    if not Path(CHROMIUM).exists():
        if in_ci():
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium package")
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# A 1×1 transparent PNG: the stand-in for map tiles (this machine has no network).
BLANK_TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def tile_host() -> str:
    from generator.model.settings import load_settings

    return urlparse(load_settings(Path(__file__).resolve().parent.parent).tiles["url"]).hostname


@contextmanager
def browser_page(site: Path, viewport: dict | None = None) -> Iterator[tuple[object, str, list[str]]]:
    """A Playwright page on the served site; yields (page, base URL, errors).

    Errors collect console errors, uncaught exceptions and every request to a host other than
    the local server and the configured tile host (those are blocked); tile requests get a
    blank tile and are counted in `page.tile_requests`."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=viewport or {"width": 1400, "height": 1000})
        page = context.new_page()
        errors: list[str] = []
        page.tile_requests = []
        tiles, local = tile_host(), urlparse(base).netloc

        def route(request_route) -> None:
            url = urlparse(request_route.request.url)
            if url.netloc == local or url.scheme in ("data", "blob", "about"):
                request_route.continue_()
            elif url.hostname == tiles:
                page.tile_requests.append(request_route.request.url)
                request_route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
            else:
                errors.append(f"request to a forbidden host: {request_route.request.url}")
                request_route.abort()

        context.route("**/*", route)
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: (errors.append(f"dialog opened: {dialog.message}"), dialog.dismiss()))
        try:
            yield page, base, errors
        finally:
            context.close()
            browser.close()


def load_frames(page) -> None:
    """Bring every (lazy) iframe into view and wait until its map has put its markers in place, so that
    a screenshot or an accessibility check sees the drawn map."""
    for index in range(page.locator("iframe").count()):
        iframe = page.locator("iframe").nth(index)
        iframe.scroll_into_view_if_needed()
        frame = iframe.element_handle().content_frame()
        frame.wait_for_load_state("load")
        if frame.locator(".leaflet-container").count():
            frame.locator(".leaflet-marker-icon").first.wait_for(state="attached")
    page.evaluate("window.scrollTo(0, 0)")
