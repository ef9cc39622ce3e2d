"""Issue 16, search that scales: the two options measured on a generated synthetic project.

(a) Pagefind's chunked index written from the dataset (generator/site/search_pages.py): build
time, size, and the bytes a reader's first query downloads in Chromium (script, worker,
WebAssembly, entry, metadata, the index chunks and the shown results' fragments).
(b) Entries for Material's lunr search written from the same data (titles, article text, folded
forms, names found by): build time and size; lunr has no chunks, so a first query downloads it all.

    .venv/bin/python bench/search_bench.py GENERATED_PROJECT BUILT_SEED_SITE [QUERY ...]
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from generator.site.search_index import folded_variants  # noqa: E402
from generator.site.search_pages import SEARCH_DIR, site_records, write_search_index  # noqa: E402


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def lunr_entries(site: Path) -> bytes:
    """Option (b): one lunr entry per record, its text the shown words, their folded forms and the names."""
    docs = []
    for record in site_records(site):
        text = "".join(json.loads(record.meta["pieces"]))
        hidden = " ".join(folded_variants(text))
        docs.append({"location": record.url.lstrip("/"), "title": record.meta["title"], "text": f"{text} {hidden}"})
    config = {"lang": ["en", "ar"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode()


SHOWN = "() => /matching|No matching/.test(document.querySelector('.ms-search__meta').textContent)"


def first_query_bytes(site: Path, queries: list[str]) -> dict[str, int]:
    """Bytes of the responses after each query typed on a fresh page (nothing loaded before)."""
    return {query: one_query_bytes(site, query) for query in queries}


def one_query_bytes(site: Path, query: str) -> int:
    from browser import browser_page

    with browser_page(site) as (page, base, _errors):
        sizes: dict[str, int] = {}
        page.on("requestfinished", lambda r: sizes.setdefault(r.url, r.sizes()["responseBodySize"]))
        page.goto(base)
        page.wait_for_load_state("networkidle")
        before = set(sizes)
        page.locator("#ms-search-input").fill(query)
        page.wait_for_function(SHOWN)
        page.wait_for_load_state("networkidle")
        return sum(size for url, size in sizes.items() if url not in before)


def main() -> None:
    generated, seed_site, queries = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or ["الوطیه", "Watiya", "تركيا"]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(seed_site, site, ignore=shutil.ignore_patterns(SEARCH_DIR))
        shutil.rmtree(site / "data")
        shutil.copytree(generated / "docs" / "data", site / "data")
        started = time.perf_counter()
        records = write_search_index(site)
        pagefind_s = time.perf_counter() - started
        started = time.perf_counter()
        lunr = lunr_entries(site)
        lunr_s = time.perf_counter() - started
        result = {
            "records": records,
            "pagefind_build_s": round(pagefind_s, 2),
            "pagefind_bytes": folder_bytes(site / SEARCH_DIR),
            "pagefind_files": sum(1 for p in (site / SEARCH_DIR).rglob("*") if p.is_file()),
            "pagefind_first_query_bytes": first_query_bytes(site, queries),
            "lunr_build_s": round(lunr_s, 2),
            "lunr_bytes": len(lunr),
            "lunr_gzip_bytes": len(gzip.compress(lunr, 6)),
        }
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
