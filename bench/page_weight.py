"""What a reader's browser pays (issue 16): Lighthouse performance on mobile and the bytes a page load
downloads, for the home page, the documents index, a document page and the map page of a built site.

Lighthouse is the npm package pinned in bench/package.json and package-lock.json, installed into
bench/node_modules by `npm ci --prefix bench` (`make bench` does it; so does `ensure_lighthouse`), and
runs headless in Debian's Chromium (CHROME_PATH) with its default mobile settings: a phone-sized
screen, 4× CPU slowdown and a slow 4G network, simulated. The site is served on 127.0.0.1 by a small
server that compresses text with gzip, as GitHub Pages does, so that the score is not that of a server
without compression. Bytes are every response of the load (HTML, CSS, JS, fonts, images, JSON, the
map's frame and whatever a script fetches before the page is idle), as Lighthouse's network log
records them: decoded (what the target is judged on) and on the wire (gzip).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
HEADING = "## Page weight and Lighthouse (issue 16)"
MIN_SCORE = 95  # Lighthouse performance on mobile, every page measured
MAX_DOCUMENT_KIB = 400  # bytes a document page load downloads, decoded, at any corpus size
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".geojson", ".webmanifest"}
PAGES = ("Home", "Documents index", "A document", "Map")
SEARCH_QUERIES = ("Watiya", "الوطية", "آکار")  # issue 16's cross-script queries, in Latin, Arabic and Persian letters
MAX_FIRST_SEARCH_KB = 300  # a reader's first query at 5,000 documents (KB = 1,000 bytes)
TOP_OPPORTUNITIES = 3  # and as many of the largest downloads, per page
MIN_SAVING_MS = 50  # opportunities Lighthouse estimates to save less are not reported


def ensure_lighthouse() -> Path:
    """bench/node_modules/.bin/lighthouse, installed from the lock file first if it is missing."""
    if not LIGHTHOUSE.is_file():
        subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"Chromium not found at {CHROMIUM}: install Debian's chromium or set CHROME_PATH")
    return LIGHTHOUSE


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files; text compressed with gzip when the browser accepts it (as GitHub Pages serves)."""

    def do_GET(self) -> None:  # http.server's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # http.server's signature
        pass


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """The base URL of `site` served on a free port of 127.0.0.1, for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_paths(site: Path) -> dict[str, str]:
    """The four pages measured; the document page is the one with the largest HTML (the worst case)."""
    documents = sorted(site.glob("documents/*/index.html"), key=lambda p: (-p.stat().st_size, str(p)))
    if not documents:
        raise SystemExit(f"no document page in {site}/documents/: nothing to measure")
    document = documents[0].parent.relative_to(site).as_posix() + "/"
    return dict(zip(PAGES, ("", "documents/", document, "map/"), strict=True))


def lighthouse_report(url: str) -> dict:
    """One Lighthouse run (performance only, mobile) on `url`: its JSON report."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--chrome-flags=--headless=new --no-sandbox",
            "--only-categories=performance",
            "--form-factor=mobile",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
        ]
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
        if done.returncode != 0 or not output.is_file():
            raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
        return json.loads(output.read_text(encoding="utf-8"))


def summary(report: dict, base: str) -> dict:
    """Score, bytes and what Lighthouse would fix first, from one report."""
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    largest = sorted(requests, key=lambda r: -r.get("resourceSize", 0))[:TOP_OPPORTUNITIES]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "kib": sum(r.get("resourceSize", 0) for r in requests) / 1024,
        "gzip_kib": sum(r.get("transferSize", 0) for r in requests) / 1024,
        "requests": len(requests),
        "lcp": audits["largest-contentful-paint"]["displayValue"],
        "tbt": audits["total-blocking-time"]["displayValue"],
        "largest": [(r["url"].removeprefix(base) or "/", r.get("resourceSize", 0) / 1024) for r in largest],
        "opportunities": opportunities(audits),
    }


def opportunities(audits: dict) -> list[tuple[str, float]]:
    """Lighthouse's failed opportunities worth reporting, the largest estimated saving (ms) first."""
    found = [
        (audit["title"], audit["details"].get("overallSavingsMs") or 0)
        for audit in audits.values()
        if (audit.get("details") or {}).get("type") == "opportunity"
        and (audit.get("score") or 0) < 0.9
        and (audit["details"].get("overallSavingsMs") or 0) >= MIN_SAVING_MS
    ]
    return sorted(found, key=lambda item: -item[1])[:TOP_OPPORTUNITIES]


def measure_page(url: str, base: str, runs: int) -> dict:
    """`runs` Lighthouse runs on one page: the run with the median score."""
    summaries = sorted((summary(lighthouse_report(url), base) for _ in range(runs)), key=lambda s: s["score"])
    middle = summaries[len(summaries) // 2]
    return {
        **middle,
        "scores": [s["score"] for s in summaries],
        "median_score": statistics.median(s["score"] for s in summaries),
    }


def measure_site(site: Path, documents: int, runs: int) -> dict:
    """The four pages of one built site (Lighthouse installed: see `measure`)."""
    with served(site) as base:
        pages = {
            name: {"path": path, **measure_page(base + path, base, runs)} for name, path in page_paths(site).items()
        }
    return {"documents": documents, "runs": runs, "pages": pages, "first_search": first_search_bytes(site)}


def first_search_bytes(site: Path) -> dict[str, int]:
    """Bytes each query of SEARCH_QUERIES downloads on a fresh page (see `first_query_bytes`)."""
    return {query: first_query_bytes(site, query) for query in SEARCH_QUERIES}


SEARCH_SHOWN = "() => /matching|No matching/.test(document.querySelector('.ms-search__meta').textContent)"


def first_query_bytes(site: Path, query: str) -> int:
    """Bytes of the responses after `query` is typed on the home page of a fresh browser (nothing loaded
    for search before): Pagefind's script, worker, WebAssembly, entry, index chunks, results' fragments."""
    sys.path.insert(0, str(BENCH.parent / "tests"))
    from browser import browser_page  # the tests' Chromium page (Playwright): only when measuring

    with browser_page(site) as (page, base, _errors):
        sizes: dict[str, int] = {}

        def record(request: Any) -> None:
            sizes.setdefault(request.url, request.sizes()["responseBodySize"])

        page.on("requestfinished", record)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        before = set(sizes)
        page.locator("#ms-search-input").fill(query)
        page.wait_for_function(SEARCH_SHOWN)
        page.wait_for_load_state("networkidle")
        page.remove_listener("requestfinished", record)  # a late request must not ask a closed browser
        return sum(size for url, size in sizes.items() if url not in before)


def chromium_version() -> str:
    done = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return done.stdout.split(" built on ")[0].strip() or "Chromium"


def lighthouse_version() -> str:
    lock = json.loads((BENCH / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/lighthouse"]["version"]


def row(name: str, values: list[str]) -> str:
    return f"| {name} | ".replace("|  |", "| |") + " | ".join(values) + " |"


def figures_table(sizes: list[dict]) -> str:
    lines = [row("", [f"{s['documents']:,} documents" for s in sizes]), "|---" * (len(sizes) + 1) + "|"]
    for page in PAGES:
        measured = [size["pages"][page] for size in sizes]
        lines.append(row(f"{page}: Lighthouse performance (mobile)", [f"{m['median_score']:g}" for m in measured]))
        weights = [f"{m['kib']:,.0f} KiB / {m['gzip_kib']:,.0f} KiB" for m in measured]
        lines.append(row(f"{page}: downloaded, decoded / gzip", weights))
    lines.append(row("A reader's first search: downloaded (the largest of the queries)", [
        f"{max(s['first_search'].values()) / 1000:,.0f} KB" for s in sizes]))  # fmt: skip
    return "\n".join(lines)


def targets_table(sizes: list[dict]) -> str:
    lines = ["| target | measured | met |", "|---|---|---|"]
    for size in sizes:
        scores = [size["pages"][page]["median_score"] for page in PAGES]
        met = all(score >= MIN_SCORE for score in scores)
        lines.append(
            f"| Lighthouse performance at least {MIN_SCORE} on mobile, home / documents index / document / map "
            f"({size['documents']:,} documents) | {' / '.join(f'{s:g}' for s in scores)} | {yes(met)} |"
        )
    weights = [size["pages"]["A document"]["kib"] for size in sizes]
    lines.append(
        f"| A document page downloads at most {MAX_DOCUMENT_KIB} KiB, decoded (every size) | "
        f"{', '.join(f'{w:,.0f} KiB' for w in weights)} | {yes(max(weights) <= MAX_DOCUMENT_KIB)} |"
    )
    largest = max(sizes, key=lambda size: size["documents"])
    first = max(largest["first_search"].values()) / 1000
    lines.append(
        f"| A reader's first search downloads at most {MAX_FIRST_SEARCH_KB} KB ({largest['documents']:,} documents) | "
        f"{first:,.0f} KB | {yes(first <= MAX_FIRST_SEARCH_KB)} |"
    )
    return "\n".join(lines)


def yes(met: bool) -> str:
    return "yes" if met else "**no**"


def findings(size: dict) -> str:
    """Per page: its largest downloads and Lighthouse's main opportunities (the largest corpus measured)."""
    lines = []
    for page in PAGES:
        measured = size["pages"][page]
        largest = ", ".join(f"`{url}` {kib:,.0f} KiB" for url, kib in measured["largest"])
        fixes = "; ".join(f"{title} ({ms / 1000:.1f} s)" for title, ms in measured["opportunities"]) or "none"
        lines.append(
            f"- **{page}** (`/{measured['path']}`, {measured['requests']} requests, LCP {measured['lcp']}, "
            f"TBT {measured['tbt']}): largest {largest}. Lighthouse's opportunities: {fixes}."
        )
    return "\n".join(lines)


def section(result: dict, measured_on: str, date: str) -> str:
    sizes = result["sizes"]
    runs = sizes[0]["runs"]
    return f"""{HEADING}

Measured by `make bench` or, alone, `bench/run.py --only lighthouse` on {date}, on: {measured_on}.
Lighthouse {result["lighthouse"]} (bench/package-lock.json) in {result["chromium"]}, headless, mobile
defaults (simulated slow 4G and 4× CPU slowdown), performance only; the median score of {runs} run{"s" * (runs > 1)}
per page. The site is built as `make site` builds it and served on 127.0.0.1 with gzip, as GitHub Pages
serves it. Bytes are every response the page load fetched (HTML, CSS, JS, fonts, images, JSON, the map's
frame, any search index a script fetches on load), decoded and on the wire; the document page is the one
with the largest HTML; its map's frame is fetched when the reader scrolls near it, after the load measured.
A reader's first search: the bytes downloaded once each of {", ".join(f"«{q}»" for q in SEARCH_QUERIES)} is
typed in the search box of a page that has fetched nothing for search yet (Chromium, decoded).

{figures_table(sizes)}

{targets_table(sizes)}

What each page loads and what Lighthouse would fix first ({sizes[-1]["documents"]:,} documents; estimated
seconds saved on a phone):

{findings(sizes[-1])}
"""


def measure(sites: list[tuple[int, Path]], runs: int) -> dict:
    """Every built site given (document count, site folder): the part's JSON result."""
    ensure_lighthouse()
    return {
        "lighthouse": lighthouse_version(),
        "chromium": chromium_version(),
        "sizes": [measure_site(site, documents, runs) for documents, site in sites],
    }
