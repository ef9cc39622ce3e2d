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

from bench.page_weight import first_query_bytes  # noqa: E402
from generator.site.search_index import search_key  # noqa: E402
from generator.site.search_pages import SEARCH_DIR, site_records, write_search_index  # noqa: E402
from generator.text.normalise import WORD_RE  # noqa: E402


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def lunr_entries(site: Path) -> bytes:
    """Option (b): one lunr entry per record, its text the shown words, their folded forms and the names."""
    docs = []
    for record in site_records(site):
        text = "".join(json.loads(record.meta["pieces"]))
        hidden = " ".join(dict.fromkeys(search_key(word) for word in WORD_RE.findall(text)))  # folded forms
        docs.append({"location": record.url.lstrip("/"), "title": record.meta["title"], "text": f"{text} {hidden}"})
    config = {"lang": ["en", "ar"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode()


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
            "pagefind_first_query_bytes": {query: first_query_bytes(site, query) for query in queries},
            "lunr_build_s": round(lunr_s, 2),
            "lunr_bytes": len(lunr),
            "lunr_gzip_bytes": len(gzip.compress(lunr, 6)),
        }
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
