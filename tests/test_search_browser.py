"""Cross-script search through the site's real search (Material's lunr worker), in Chromium."""

from __future__ import annotations

import json
import re

import pytest
from browser import artifact, browser_page
from conftest import IDS

from generator.site.search_index import search_key


def search(page, query: str) -> set[str]:
    """Type the query as a reader does; the ids of documents among the results."""
    box = page.locator("[data-md-component=search-query]")
    box.fill("")
    box.press("End")
    # Material shows "Type to start searching" for an empty box: no result of the last query is left.
    page.wait_for_function("() => /Type to start/i.test(document.querySelector('.md-search-result__meta').textContent)")
    # The whole query at once, then a key event (Material searches on key events; Playwright fills
    # without them): typing letter by letter raced partial queries ("Gü" has no match) under load.
    box.fill(query)
    box.press("End")
    # Wait until the results are marked with the whole query, which Material writes (as the page
    # folded it) into each link's ?h=, or say that nothing matches.
    page.wait_for_function(
        """folded => {
            const links = [...document.querySelectorAll('.md-search-result__item a')];
            const meta = document.querySelector('.md-search-result__meta').textContent;
            return /No matching/.test(meta) || links.some(a => new URL(a.href).searchParams.get('h') === folded);
        }""",
        arg=search_key(query),
    )
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    return {
        href.split("/documents/")[1].split("/")[0]
        for href in hrefs
        if "/documents/" in href and href.split("/documents/")[1].split("/")[0]
    }


@pytest.fixture(scope="module")
def search_page(built_site):
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(base)
        yield page
        assert errors == []


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Watiya", {IDS[4]}),  # English name (entity sidebar) finds the Persian document
        ("الوطية", {IDS[4]}),  # Arabic spelling finds the Persian-spelled «الوطیه»
        ("الوطیه", {IDS[4]}),  # Persian spelling
        ("پایگاه", {IDS[4]}),  # a Persian word of 004
        ("وابسته", {IDS[4]}),
        ("آکار", {IDS[0], IDS[1], IDS[2]}),  # Persian letters find the Arabic «آكار» / «أكار»
        ("غولر", {IDS[0], IDS[3]}),
        ("Güler", {IDS[0], IDS[1], IDS[2], IDS[3]}),
    ],
)
def test_search_finds_across_scripts_and_spellings(search_page, query, expected):
    assert expected <= search(search_page, query)


def test_search_results_screenshot(search_page):
    search(search_page, "الوطیه")
    search_page.screenshot(path=str(artifact("search-watiya-persian.png")))


@pytest.mark.parametrize(
    "text",
    [
        "الوطیه",
        "الوطية",
        "پایگاه",
        "آکار",
        "أكار",
        "خُلوصي",
        "می‌شود",
        "۱۴۰۳",
        "٣ يوليو",
        "Güler",
        "İlgili",
        "وـــزير",
        "ﻻ",
    ],
)
def test_query_folding_in_the_page_matches_index_folding(search_page, text):
    assert search_page.evaluate("text => window.micrositeFoldQuery(text)", text) == search_key(text)


def test_index_carries_folded_forms_for_every_page(built_site):
    index = json.loads((built_site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(f"documents/{IDS[4]}/"))
    assert search_key("پایگاه") in texts and search_key("الوطیه") in texts


# Words of the page around the article, which search snippets must not show (issue 15).
PAGE_LABELS = (
    "Named in",
    "Source document",
    "Removed from the source",
    "Extractive summary",
    "Provenance",
    "Cite this page",
    "Related coverage",
    "Also written",
    "Letter forms",
    "mention",
    "×",
    "¶",
)


@pytest.mark.parametrize("query", ["Benghazi", "الوطیه", "آکار", "Güler"])
def test_result_snippets_are_article_text_not_labels(search_page, query):
    search(search_page, query)
    # every result, those folded under "more on this page" too, as the reader sees it (innerText:
    # the words added to the index unseen stay unseen)
    search_page.evaluate("() => document.querySelectorAll('.md-search-result details').forEach(d => d.open = true)")
    shown = search_page.locator(".md-search-result__list").inner_text()
    assert [label for label in PAGE_LABELS if label in shown] == []
    assert re.search(r"\w+ \w+ \w+ \w+", shown)  # sentences, not one run of labels and values
