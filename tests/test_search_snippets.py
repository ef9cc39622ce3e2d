"""Search that reads well (issue 15): the built index holds each document's article, and none of the
page's labels, facts, provenance, removed lines, citation or links to other pages, which the
templates mark `data-search-exclude`. What readers search for among those (the names a document
is found by, every spelling of an entity) is in the entry unseen (`<span hidden>`)."""

from __future__ import annotations

import html
import json
import re

import pytest
from conftest import IDS

from generator.site.render import DATE_ROLES, EVIDENCE_SOURCES
from generator.site.search_index import add_keywords

HIDDEN_RE = re.compile(r"<span hidden>.*?</span>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
# Words of the page around the article: labels, facts, provenance, notes, the sidebar, navigation.
LABELS = [
    "Removed from the source",
    "Source document",
    "original title",
    "Named in this document",
    "Language",
    "Outlet",
    "right-to-left",
    "Source file",
    "Last updated",
    "Published from",
    "Download the source file",
    "Extractive summary",
    "Other reports of the same event",
    "Cite this page",
    "accessed",
    "Show English",
    "¶",
    "×",
    *EVIDENCE_SOURCES.values(),
    *DATE_ROLES.values(),
]


@pytest.fixture(scope="module")
def index(built_site) -> list[dict]:
    return json.loads((built_site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def corpus(built_site) -> dict[str, dict]:
    return {d["id"]: d for d in built_site.corpus("site")["documents"]}


def shown(entry: dict) -> str:
    """What a search result shows of an entry: its title and text, without what is hidden."""
    return html.unescape(TAG_RE.sub(" ", HIDDEN_RE.sub(" ", f"{entry['title']} {entry['text']}")))


def entries_of(index: list[dict], page: str) -> list[dict]:
    return [e for e in index if e["location"] == page or e["location"].startswith(page + "#")]


@pytest.mark.parametrize("doc_id", IDS)
def test_index_holds_the_article_text_in_both_languages(index, corpus, doc_id):
    text = " ".join(shown(e) for e in entries_of(index, f"documents/{doc_id}/"))
    record = corpus[doc_id]
    for paragraph in record["text"]["original"] + [p for p in record["text"]["en"] if p]:
        assert " ".join(paragraph.split()) in " ".join(text.split())
    assert " ".join(record["title"]["original"].split()) in " ".join(text.split())


@pytest.mark.parametrize("doc_id", IDS)
def test_index_holds_no_label_provenance_removed_line_or_navigation(index, corpus, doc_id):
    entries = entries_of(index, f"documents/{doc_id}/")
    assert {e["location"].partition("#")[2] for e in entries} <= {"", "summary", "text", "commentary"}
    text = " ".join(shown(e) for e in entries)
    assert [label for label in LABELS if label in text] == []
    record = corpus[doc_id]
    kept = " ".join([record["title"]["original"], *record["text"]["original"]])
    removed = [r["text"] for r in record["removed"] if len(r["text"]) >= 12 and r["text"] not in kept]
    assert [line for line in removed if line in text] == []
    for other in IDS:  # related coverage and links to other documents are not in the index
        assert other == doc_id or other not in text


def test_names_of_the_sidebar_and_the_outlet_stay_findable_unseen(index, corpus):
    root = next(e for e in index if e["location"] == f"documents/{IDS[4]}/")
    hidden = " ".join(HIDDEN_RE.findall(root["text"]))
    for entity in corpus[IDS[4]]["entities"]:
        assert entity["name_en"] in hidden or entity["name_en"] in root["text"]
        assert all(name in hidden or name in root["text"] for name in entity["names"])
    assert "نگاه نو" in root["text"]  # the outlet, shown only among the facts


def test_entity_entries_are_the_description_and_sentences_with_every_spelling_unseen(index):
    entries = entries_of(index, "entities/hulusi-akar/")
    text = " ".join(shown(e) for e in entries)
    for label in (
        "TurkishHulusi",
        "Arabic",
        "Persian",
        "Also written",
        "Letter forms",
        "Named in",
        "mention",
        "U+06A9",
    ):
        assert label not in text
    assert "Minister of National Defence of Turkey" in text  # the description
    assert "خلوصي آكار" in text  # a sentence of a document, in the original
    assert not any(e["location"].endswith("#most-often-named-with") for e in entries)  # navigation
    root = next(e for e in entries if e["location"] == "entities/hulusi-akar/")
    assert all(spelling in root["text"] for spelling in ("خلوصی آکار", "آکار", "Akar"))


def test_navigation_pages_are_not_in_the_index(index):
    locations = {e["location"].partition("#")[0] for e in index}
    assert "entities/" not in locations and not any(loc.startswith("timeline") for loc in locations)


def test_keywords_are_hidden_escaped_and_added_once():
    index = {"docs": [{"location": "a/", "title": "A", "text": "<p>Tripoli</p>"}, {"location": "b/", "text": "x"}]}
    added = add_keywords(index, {"a/": ["Tripoli", "<Sirte>", "<Sirte>", ""]})
    assert added["docs"][0]["text"] == "<p>Tripoli</p> <span hidden>&lt;Sirte&gt;</span>"
    assert added["docs"][1]["text"] == "x"
