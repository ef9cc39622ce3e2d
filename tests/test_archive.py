"""The documents index as an archive (generator/site/archive.py): English titles beside the originals,
the dates the document pages show (inferred ones marked so), language, outlet, people and places;
readable without JavaScript, paged, and one compact JSON of the whole archive for the filters."""

from __future__ import annotations

import json
from dataclasses import replace

import lxml.html
import pytest
from conftest import IDS, REPO

from generator.entities.events import group_events
from generator.model.document import Document
from generator.model.settings import load_settings
from generator.pipeline.run import load_context, process
from generator.site.archive import ARCHIVE_JSON, FIELDS, INDEX_PAGE_SIZE, archive_json, entries, filters, index_pages
from generator.stages.ingest import discover

INFERRED = {IDS[0], IDS[2]}  # undated in their text; 3 July 2020 from 001, the dated report of their event


@pytest.fixture(scope="module")
def seeds() -> tuple[list[Document], dict]:
    settings = load_settings(REPO)
    context = load_context(settings, history={})
    documents = [d for d in (process(p, context) for p in discover(settings.documents_dir)) if isinstance(d, Document)]
    event_of = {d.doc_id: event for event in group_events(documents) for d in event.documents}
    return documents, event_of


def select(node, path: str) -> list:
    """Elements by a path of class names and tags, as CSS writes it: ".ms-doc-en a" (no cssselect here)."""
    xpath = "."
    for step in path.split():
        tag, _, name = step.partition(".")
        has_class = f"[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" if name else ""
        xpath += f"//{tag or '*'}{has_class}"
    return node.xpath(xpath)


def rows_of(tree) -> dict:
    return {li.get("data-ms-id"): li for li in select(tree, "li.ms-doc")}


def rows(html_path) -> dict[str, lxml.html.HtmlElement]:
    return rows_of(lxml.html.fromstring(html_path.read_bytes()))


def text(row, path: str) -> str:
    found = select(row, path)
    return " ".join(found[0].text_content().split()) if found else ""


def test_built_index_shows_the_english_title_beside_the_original_for_the_five(built_site):
    listed = rows(built_site.root / "site" / "documents" / "index.html")
    assert sorted(listed) == IDS
    for record in built_site.corpus("site")["documents"]:
        row = listed[record["id"]]
        english = select(row, ".ms-doc-en a")[0]
        assert " ".join(english.text_content().split()) == record["title"]["en"]
        assert english.get("href") == f"../documents/{record['id']}/"
        original = select(row, ".ms-doc-orig")[0]
        assert (original.get("lang"), original.get("dir")) == (record["language"], "rtl")
        assert " ".join(original.text_content().split()) == record["title"]["original"]
        assert text(row, ".ms-doc-about").startswith({"ar": "Arabic", "fa": "Persian"}[record["language"]])
        if record["outlet"]:
            assert record["outlet"] in text(row, ".ms-doc-about")


def test_index_dates_agree_with_the_document_pages_inferred_marked(built_site):
    """000 and 002 state no date; their pages (and the timeline) give the event's date, inferred: so does the index."""
    listed = rows(built_site.root / "site" / "documents" / "index.html")
    for record in built_site.corpus("site")["documents"]:
        row, doc_id = listed[record["id"]], record["id"]
        page = lxml.html.fromstring((built_site.root / "site" / "documents" / doc_id / "index.html").read_bytes())
        shown = [t.get("datetime") for t in select(page, ".ms-facts time")]
        in_index = [t.get("datetime") for t in select(row, ".ms-doc-date time")]
        assert in_index == shown[:1], doc_id
        assert ("inferred" in text(row, ".ms-doc-date")) == (doc_id in INFERRED) == record["event"]["date_inferred"]
    assert text(listed[IDS[0]], ".ms-doc-date") == "2020-07-03 inferred"
    assert text(listed[IDS[4]], ".ms-doc-date") == "undated"
    assert list(listed) == [IDS[3], IDS[1], IDS[0], IDS[2], IDS[4]]  # newest first by the date shown; undated last


def test_index_names_people_and_places_and_is_readable_without_javascript(built_site):
    html = (built_site.root / "site" / "documents" / "index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    form = select(tree, "form.ms-archive-filters")[0]
    # drawn in place (no shift when scripts show it); without scripts the `no-js` rule hides it and the
    # list below is the index
    assert form.get("hidden") is None
    assert (
        ".no-js .ms-archive-filters { display: none; }"
        in (REPO / "overrides" / "assets" / "stylesheets" / "archive.css").read_text()
    )
    assert {s.get("name") for s in select(form, "select")} == {"language", "outlet", "year", "person", "place", "sort"}
    assert "People: Khalifa Haftar, Fathi Bashagha" in text(rows_of(tree)[IDS[4]], ".ms-doc-about")
    assert "Places: Tripoli" in text(rows_of(tree)[IDS[1]], ".ms-doc-about")
    assert "assets/javascripts/archive.js" in html


def test_untranslated_and_english_documents_are_said_plainly(seeds):
    documents, event_of = seeds
    untranslated = replace(documents[1], english=replace(documents[1].english, status="missing", title=None))
    english = replace(
        documents[3],
        analysis=replace(documents[3].analysis, language="en", direction="ltr", title="Libya and Turkey sign"),
        english=replace(documents[3].english, status="original", title="Libya and Turkey sign"),
    )
    listed = entries([untranslated, english], event_of)
    page = index_pages(listed, filters(listed))["documents/index.md"]
    tree = lxml.html.fromstring(page[page.index("<ol") : page.index("</ol>") + 5])
    by_id = rows_of(tree)
    assert text(by_id[untranslated.doc_id], ".ms-doc-en") == "untranslated"
    original = select(by_id[untranslated.doc_id], ".ms-doc-orig")[0]  # the original is the link, in its language
    assert original.get("lang") == "ar" and select(original, "a")[0].get("href").endswith(f"{untranslated.doc_id}/")
    link = select(by_id[english.doc_id], ".ms-doc-en a")[0]
    assert (link.text_content(), link.get("lang")) == ("Libya and Turkey sign", "en")
    assert not select(by_id[english.doc_id], ".ms-doc-orig")


def test_pages_stay_bounded_and_the_json_holds_the_whole_archive(seeds):
    documents, event_of = seeds
    many = [
        replace(d, source=replace(d.source, doc_id=f"x{n:04d}"))
        for n in range(INDEX_PAGE_SIZE * 2 + 7)
        for d in [documents[n % len(documents)]]
    ]
    listed = entries(many, event_of)
    pages = index_pages(listed, filters(listed))
    assert list(pages) == ["documents/index.md", "documents-list/2.md", "documents-list/3.md"]
    assert [page.count('<li class="ms-doc"') for page in pages.values()] == [INDEX_PAGE_SIZE, INDEX_PAGE_SIZE, 7]
    assert 'start="101"' in pages["documents-list/2.md"] and "Documents 201–207 of 207" in pages["documents-list/3.md"]
    data = json.loads(archive_json(listed))
    assert len(data["documents"]) == len(many) and tuple(data["fields"]) == FIELDS


def test_archive_json_resolves_every_name_and_filters_like_the_page(built_site):
    data = json.loads((built_site.root / "site" / ARCHIVE_JSON).read_text(encoding="utf-8"))
    at = {name: n for n, name in enumerate(data["fields"])}
    records = {r["id"]: r for r in built_site.corpus("site")["documents"]}
    assert [row[at["id"]] for row in data["documents"]] == [IDS[3], IDS[1], IDS[0], IDS[2], IDS[4]]
    for row in data["documents"]:
        record = records[row[at["id"]]]
        assert row[at["english"]] == record["title"]["en"] and row[at["language"]] == record["language"]
        people = {data["entities"][n][0] for n in row[at["people"]]}
        named = {e["id"] for e in record["entities"] if e["type"] == "person"}
        assert people == named
        assert all(data["entities"][n][2] == "place" for n in row[at["places"]])
    persian = [row[at["id"]] for row in data["documents"] if row[at["language"]] == "fa"]
    assert persian == [IDS[4]]
    assert data["languages"] == {"ar": ["Arabic", "rtl"], "fa": ["Persian", "rtl"]}
