"""Search that reads well (issue 15): the built index holds each document's article, and none of the
page's labels, facts, provenance, removed lines, citation or links to other pages, which the
templates mark `data-search-exclude`. What readers search for among those (the names a document
is found by, every spelling of an entity) is in the entry unseen (`<span hidden>`)."""

from __future__ import annotations

import json

import pytest
from conftest import IDS

from generator.site.render import DATE_ROLES, EVIDENCE_SOURCES
from generator.site.search_index import search_key
from generator.site.search_pages import Record, site_records, words_and_pieces
from generator.text.normalise import WORD_RE

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
def records(built_site) -> dict[str, Record]:
    return {r.url: r for r in site_records(built_site.root / "site")}


@pytest.fixture(scope="module")
def corpus(built_site) -> dict[str, dict]:
    return {d["id"]: d for d in built_site.corpus("site")["documents"]}


def shown(record: Record) -> str:
    """What a result shows of a record: its titles and the original words of its content."""
    pieces = "".join(json.loads(record.meta["pieces"]))
    return " ".join([record.meta["title"], record.meta.get("title_en", ""), pieces])


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("doc_id", IDS)
def test_record_holds_the_titles_and_article_text_in_both_languages(records, corpus, doc_id):
    text = squeezed("".join(json.loads(records[f"/documents/{doc_id}/"].meta["pieces"])))
    record = corpus[doc_id]
    for paragraph in [
        record["title"]["original"],
        *record["text"]["original"],
        *(p for p in record["text"]["en"] if p),
    ]:
        assert squeezed(paragraph) in text
    assert records[f"/documents/{doc_id}/"].meta["title"] == record["title"]["original"]


@pytest.mark.parametrize("doc_id", IDS)
def test_record_holds_no_label_provenance_removed_line_or_navigation(records, corpus, doc_id):
    record, text = corpus[doc_id], shown(records[f"/documents/{doc_id}/"])
    assert [label for label in LABELS if label in text] == []
    kept = " ".join([record["title"]["original"], *record["text"]["original"]])
    removed = [r["text"] for r in record["removed"] if len(r["text"]) >= 12 and r["text"] not in kept]
    assert [line for line in removed if line in text] == []
    for other in IDS:  # related coverage and links to other documents are not in the index
        assert other == doc_id or other not in text + records[f"/documents/{doc_id}/"].content


def test_the_content_is_the_shown_words_folded_then_the_names_found_by(records, corpus):
    record = records[f"/documents/{IDS[4]}/"]
    words = record.content.split(" ")
    pieces = json.loads(record.meta["pieces"])
    assert [search_key(WORD_RE.findall(p)[0]) for p in pieces[:50]] == words[:50]  # word i of both is one word
    for entity in corpus[IDS[4]]["entities"]:
        for name in (entity["name_en"], *entity["names"]):
            assert all(search_key(w) in words for w in WORD_RE.findall(name))
    assert search_key("نگاه") in words  # the outlet, shown only among the facts
    assert len(words) > len(pieces)  # names found by, after the shown words: never shown


def test_entity_records_are_the_name_description_and_every_spelling(records):
    record = records["/entities/hulusi-akar/"]
    text = shown(record)
    for label in ("Also written", "Letter forms", "Named in", "mention", "U+06A9", "Arabic", "Persian"):
        assert label not in text
    assert "Minister of National Defence of Turkey" in text
    assert all(spelling in text for spelling in ("خلوصی آکار", "آکار"))
    assert search_key("آکار") in record.content.split(" ")


def test_only_documents_and_entities_are_indexed(records):
    assert {url.split("/")[1] for url in records} == {"documents", "entities"}
    assert "/entities/" not in records and not any(url.startswith("/timeline") for url in records)


def test_words_that_fold_to_nothing_join_the_word_before():
    keys, pieces = words_and_pieces("«الوطیه»، \u0651 می\u200cشود ﻻ")
    assert keys == [search_key("الوطیه"), search_key("می\u200cشود"), search_key("ﻻ")]
    assert "".join(pieces) == "«الوطیه»، \u0651 می\u200cشود ﻻ"
