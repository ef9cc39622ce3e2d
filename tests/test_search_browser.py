"""Cross-script search through the site's real search (Pagefind's index, written by `microsite
build`, and overrides/assets/javascripts/search.js in Material's header), in Chromium."""

from __future__ import annotations

import re

import pytest
from browser import artifact, browser_page
from conftest import IDS

from generator.site.search_index import search_key

# The five-document site: a first query loads Pagefind's script, worker and WebAssembly, its
# entry, metadata, one index chunk and the shown results' fragments (about 160 KB); the bound is
# issue 16's for 5,000 documents.
FIRST_QUERY_BYTES = 300_000


def search(page, query: str) -> set[str]:
    """Type the query as a reader does; the ids of documents among the results."""
    box = page.locator("#ms-search-input")
    box.fill("")  # no result of the last query is left
    page.wait_for_function("() => document.querySelector('.ms-search__list')?.getAttribute('data-query') === ''")
    box.fill(query)
    # Wait until the results of the whole query, folded as the page folds it, are shown, or the
    # page says that nothing matches.
    page.wait_for_function(
        """folded => {
            const list = document.querySelector('.ms-search__list');
            const meta = document.querySelector('.ms-search__meta').textContent;
            return list.getAttribute('data-query') === folded || /No matching/.test(meta);
        }""",
        arg=search_key(query).strip(),
    )
    hrefs = page.locator(".ms-search__result > a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
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


def test_no_search_file_is_loaded_before_the_reader_searches_and_a_first_query_is_light(search_page):
    page = search_page.context.new_page()  # a fresh page of the same browser: nothing of search loaded yet
    base = search_page.url.split("#")[0]
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.setdefault(r.url, r.sizes()["responseBodySize"]))
    for address in ("", f"documents/{IDS[4]}/", "documents/", "entities/hulusi-akar/"):
        page.goto(base + address)
        page.wait_for_load_state("networkidle")
    assert [url for url in sizes if "/pagefind/" in url or "search_index" in url] == []
    loaded = set(sizes)
    search(page, "الوطیه")
    page.wait_for_load_state("networkidle")
    first = {url: size for url, size in sizes.items() if url not in loaded}
    assert any("/pagefind/index/" in url for url in first)  # the query loaded a chunk, not a whole index
    assert 0 < sum(first.values()) <= FIRST_QUERY_BYTES, first
    page.close()


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
    # every result as the reader sees it: the words added to the index unseen stay unseen
    shown = search_page.locator(".ms-search__list").inner_text()
    assert [label for label in PAGE_LABELS if label in shown] == []
    assert re.search(r"\w+ \w+ \w+ \w+", shown)  # sentences, not one run of labels and values
