"""Commentary footnotes inside the commentary (issue 15): each commentary's footnotes are rendered by
the generator inside its own block (ids prefixed c1-, c2- …), before Provenance and "Cite this
page", never gathered at the end of the page; its words are searchable, its byline is not."""

from __future__ import annotations

import json

import lxml.html
from conftest import IDS

from generator.site.search_pages import site_records

FIRST = """---
author: Leila Haddad
date: 2026-11-20
title: Two accounts of one visit
---
Awj calls the government illegitimate.[^a] Euronews does not.[^b]

[^a]: Awj, paragraph 1.
[^b]: Euronews, paragraph 2.
"""
SECOND = "---\nauthor: Sam Reed\ndate: 2026-11-01\n---\nAn earlier note on the visit.[^a]\n\n[^a]: Its own footnote.\n"


def test_footnotes_render_inside_their_commentary_block(project):
    folder = project.root / "site_src" / "commentary"
    folder.mkdir()
    (folder / f"{IDS[2]}.md").write_text(FIRST, encoding="utf-8")
    (folder / f"{IDS[2]}--earlier.md").write_text(SECOND, encoding="utf-8")
    assert project.build() == 0
    page = project.root / "site" / "documents" / IDS[2] / "index.html"
    tree = lxml.html.fromstring(page.read_bytes())
    blocks = tree.xpath("//div[@class='ms-editorial']")
    assert len(blocks) == 2
    for block, count in zip(blocks, (1, 2), strict=True):  # in date order: Sam Reed's first
        notes = block.xpath(".//div[contains(@class, 'footnote')]//li[@id]")
        assert len(notes) == count
        targets = {a.get("href").lstrip("#") for a in block.xpath(".//a[contains(@class, 'footnote-ref')]")}
        assert targets == {li.get("id") for li in notes}  # each reference points into its own block
    everything = tree.xpath("//*")
    footnotes = tree.xpath("//div[contains(@class, 'footnote')]")
    provenance = everything.index(tree.get_element_by_id("provenance"))
    commentary = everything.index(tree.get_element_by_id("commentary"))
    assert all(commentary < everything.index(f) < provenance for f in footnotes)  # none after "Cite this page"
    # search indexes the article and its titles only (issue 16), not the editors' commentary
    record = next(r for r in site_records(project.root / "site") if r.url == f"/documents/{IDS[2]}/")
    assert "Awj calls the government illegitimate." not in "".join(json.loads(record.meta["pieces"]))
