"""The search index (issue 16): Pagefind's chunked index, written by `microsite build` after MkDocs
from the site's dataset (generator/site/search_pages.py), byte-identical for the same input, in
place of Material's whole-file lunr index."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.site.search_pages import SEARCH_DIR, record_page, scratch_folder, site_records, write_search_index


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_build_writes_a_chunked_index_and_no_whole_file_index(built_site):
    site = built_site.root / "site"
    assert (site / SEARCH_DIR / "pagefind.js").is_file() and list((site / SEARCH_DIR / "index").iterdir())
    assert not (site / "search" / "search_index.json").exists()
    assert not (site / SEARCH_DIR / "pagefind-ui.js").exists()  # Pagefind's own UI: the site has its own


def test_the_index_is_byte_identical_for_the_same_input(built_site, tmp_path):
    built: list[dict[str, bytes]] = []
    for run in ("one", "two"):
        shutil.copytree(built_site.root / "site" / "data", tmp_path / run / "data")
        write_search_index(tmp_path / run)
        built.append(files(tmp_path / run / SEARCH_DIR))
    assert built[0] == built[1]
    assert built[0] == files(built_site.root / "site" / SEARCH_DIR)  # and the same as the build's


def test_scratch_pages_go_to_memory_when_it_has_room_and_tmpdir_names_no_other_place(tmp_path, monkeypatch):
    """Issue 16: a thousand small files took 1.2 s to write on disk, 0.1 s in /dev/shm."""
    monkeypatch.delenv("TMPDIR", raising=False)
    memory = tmp_path / "shm"
    memory.mkdir()
    assert scratch_folder(1_000, memory) == str(memory)
    assert scratch_folder(shutil.disk_usage(memory).free, memory) is None  # no room for twice the pages
    assert scratch_folder(1_000, tmp_path / "none") is None  # no such folder (not Linux)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert scratch_folder(1_000, memory) is None  # the user's choice


def test_record_pages_escape_text_and_keep_metadata_in_attributes(built_site):
    record = site_records(built_site.root / "site")[0]
    page = record_page(record._replace(content="a <b> & c", meta={**record.meta, "title": 'x, "y" <z>'}))
    assert "<main data-pagefind-body>a &lt;b&gt; &amp; c</main>" in page
    assert 'data-title="x, &quot;y&quot; &lt;z&gt;"' in page and "title[data-title]" in page
