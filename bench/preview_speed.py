"""Issue 16, preview at scale: from an editor's save to the browser showing the change.

`microsite serve` runs on a generated project; Chromium (Playwright, Debian's Chromium) opens a
document page; each run then saves a change to that document's text (a new word at the end of its
first paragraph, as an editor fixing a typo would) and times until the page has reloaded, by the
preview's own live-reload script, showing the word. The server's start-up is not timed: its first build,
and the documents it then loads into memory for the next save (it logs when they are).
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
STARTUP_TIMEOUT = 600  # seconds: the server generates and builds the whole site before it serves
RELOAD_TIMEOUT_MS = 60_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def served_base(server: subprocess.Popen, log: Path) -> str:
    """The address the server announces ("Serving on …", under the site's path) once it serves."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        found = re.search(r"Serving on (http://\S+)", log.read_text(errors="replace"))
        if found:
            return found[1]
        if server.poll() is not None:
            raise SystemExit(f"microsite serve stopped:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.5)
    raise SystemExit(f"microsite serve did not start within {STARTUP_TIMEOUT} s")


def ready(server: subprocess.Popen, log: Path) -> None:
    """Until the server has loaded the documents into memory for the next save (its start-up, not timed)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while "in memory for the next save" not in log.read_text(errors="replace"):
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"microsite serve did not settle:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.5)


def edited(text: str, word: str) -> str:
    """`text` with `word` added at the end of its first paragraph of more than a few words."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if len(line.split()) > 8)
    lines[first] = f"{lines[first].rstrip()} {word}"
    return "\n".join(lines)


def save_to_reload(root: Path, doc_id: str, runs: int, env: dict[str, str]) -> dict:
    """Seconds from each save of `doc_id`'s source to its page reloaded with the change (median of `runs`)."""
    from playwright.sync_api import sync_playwright

    source = root / "site_src" / "documents" / f"{doc_id}.txt"
    original = source.read_text(encoding="utf-8")
    port = free_port()
    with tempfile.NamedTemporaryFile(prefix="microsite-serve-", suffix=".log") as log:
        address = f"127.0.0.1:{port}"
        command = [sys.executable, "-m", "generator.cli", "--root", str(root), "serve", "--dev-addr", address]
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"{served_base(server, Path(log.name))}documents/{doc_id}/"
            ready(server, Path(log.name))
            seconds = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page()
                page.goto(url, wait_until="load")
                for run in range(runs):
                    word = f"benchsave{run}x"
                    started = time.perf_counter()
                    with page.expect_event("load", timeout=RELOAD_TIMEOUT_MS):
                        source.write_text(edited(original, word), encoding="utf-8")
                    page.get_by_text(word).first.wait_for(
                        state="attached", timeout=RELOAD_TIMEOUT_MS
                    )  # not an earlier reload
                    seconds.append(time.perf_counter() - started)
                    time.sleep(1)  # let the server settle (it may still be writing its log)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
            source.write_text(original, encoding="utf-8")
    return {"save_to_reload_s": statistics.median(seconds), "save_to_reload_runs": seconds}
