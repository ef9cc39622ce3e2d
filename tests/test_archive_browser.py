"""The archive in Chromium: the documents index filtered by language and by person (the rows shown
change, over the whole archive, and the address keeps the choice), ordered, readable without
JavaScript, at 390 px with nothing cut; axe-core on the index and on the home page with its overview."""

from __future__ import annotations

import re

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, artifact, browser_page, require_chromium, serve
from conftest import IDS
from test_accessibility import assert_no_serious_violations, axe_script, run_axe

NEWEST_FIRST = [IDS[3], IDS[1], IDS[0], IDS[2], IDS[4]]


def shown(page) -> list[str]:
    return page.locator("ol.ms-docs > li.ms-doc").evaluate_all("rows => rows.map(r => r.dataset.msId)")


def markup(html: str) -> str:
    """HTML without the line breaks between tags that a template writes and a script does not."""
    return re.sub(r">\s+<", "><", html.strip())


def naming(built_site, entity_id: str) -> list[str]:
    """The documents naming an entity, newest first as the index lists them."""
    records = {r["id"]: r for r in built_site.corpus("site")["documents"]}
    return [i for i in NEWEST_FIRST if any(e["id"] == entity_id for e in records[i]["entities"])]


def test_filters_by_language_and_by_person_change_the_rows_shown(built_site):
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}documents/")
        assert shown(page) == NEWEST_FIRST
        page.get_by_label("Language").select_option("fa")
        page.wait_for_function("document.querySelectorAll('ol.ms-docs > li').length === 1")
        assert shown(page) == [IDS[4]]
        assert page.locator(".ms-archive-status").inner_text() == "Showing 1 of 5 documents."
        assert page.url.endswith("documents/?language=fa")
        page.get_by_role("button", name="Show all").click()
        page.wait_for_function("document.querySelectorAll('ol.ms-docs > li').length === 5")
        assert shown(page) == NEWEST_FIRST and page.url.endswith("documents/")
        hulusi = naming(built_site, "hulusi-akar")
        assert len(hulusi) == 3 and IDS[4] not in hulusi
        page.get_by_label("Person named").select_option("hulusi-akar")
        page.wait_for_function("document.querySelectorAll('ol.ms-docs > li').length === 3")
        assert shown(page) == hulusi
        page.get_by_label("Language").select_option("fa")  # nobody's Persian report names him
        page.wait_for_function("document.querySelectorAll('ol.ms-docs > li').length === 0")
        assert page.locator(".ms-archive-status").inner_text() == "No document matches these choices."
        page.screenshot(path=str(artifact("archive-no-match.png")), full_page=True)
        assert errors == []


def test_rows_drawn_by_the_script_match_the_page_and_the_choice_survives_a_reload(built_site):
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}documents/")
        served = page.locator(f"li[data-ms-id='{IDS[0]}']").inner_html()
        page.goto(f"{base}documents/?person=hulusi-akar&sort=oldest")
        page.wait_for_function("document.querySelector('.ms-archive-status').textContent.startsWith('Showing')")
        assert page.get_by_label("Person named").input_value() == "hulusi-akar"
        assert shown(page) == [IDS[0], IDS[1], IDS[2]]  # 3 July 2020 all: by id
        drawn = page.locator(f"li[data-ms-id='{IDS[0]}']").inner_html()
        assert markup(drawn) == markup(served)
        page.get_by_label("Order").select_option("title")
        page.wait_for_function("document.querySelectorAll('ol.ms-docs > li').length === 3")
        titles = page.locator(".ms-doc-en a").all_inner_texts()
        assert titles == sorted(titles, key=str.casefold)
        page.get_by_label("Year").select_option("2020")
        page.get_by_label("Person named").select_option("")
        page.get_by_label("Order").select_option("oldest")
        page.wait_for_function("document.querySelectorAll('ol.ms-docs > li').length === 3")
        assert shown(page) == [IDS[0], IDS[1], IDS[2]]
        assert errors == []


def test_without_javascript_every_document_is_listed_and_no_dead_control_shows(built_site):
    require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(built_site.root / "site") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(f"{base}documents/")
        assert shown(page) == NEWEST_FIRST
        assert not page.locator("form.ms-archive-filters").is_visible()
        assert page.locator(".ms-doc-en a").first.is_visible()
        page.goto(base)
        assert page.locator("#ms-overview-chart img").is_visible()
        assert page.locator("#ms-overview-figures").inner_text().startswith("DOCUMENTS")
        browser.close()


LAYOUT_SHIFTS = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1000);
})"""


def test_the_index_does_not_shift_when_its_filters_appear(built_site):
    """Issue 16, Lighthouse: the filters are in place at the first paint, so the list below them does not
    jump down when scripts run (cumulative layout shift 0.15 on a phone before; Lighthouse's good is 0.1)."""
    with browser_page(built_site.root / "site", viewport={"width": 412, "height": 823}) as (page, base, errors):
        page.goto(f"{base}documents/", wait_until="load")
        assert page.locator("form.ms-archive-filters").is_visible()
        assert page.evaluate(LAYOUT_SHIFTS) < 0.01
        assert errors == []


@pytest.mark.parametrize("width", [390, 1280])
def test_index_rows_fit_the_screen_with_nothing_cut(built_site, width):
    with browser_page(built_site.root / "site", viewport={"width": width, "height": 900}) as (page, base, errors):
        page.goto(f"{base}documents/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        boxes = page.locator(".ms-doc-orig, .ms-doc-en, .ms-doc-about").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect();"
            " return [r.left, r.right, e.scrollWidth, e.clientWidth, getComputedStyle(e).direction]; })"
        )
        assert len(boxes) == 15
        for left, right, scroll, client, _ in boxes:
            assert left >= 0 and right <= width and scroll <= client
        assert {direction for *_, direction in boxes[1::3]} == {"rtl"}  # the originals
        if width == 390:  # stacked: the original under the English title, not beside it
            first = page.locator("li.ms-doc").first
            en, orig = (first.locator(s).bounding_box() for s in (".ms-doc-en", ".ms-doc-orig"))
            assert orig["y"] >= en["y"] + en["height"] - 1
        assert errors == []


@pytest.mark.parametrize("path", ["", "documents/", "documents/?person=khalifa-haftar"])
def test_home_page_and_documents_index_have_no_serious_axe_violation(built_site, path):
    script = axe_script()
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}{path}")
        if path.startswith("documents/?"):
            page.wait_for_function("document.querySelector('.ms-archive-status').textContent.startsWith('Showing')")
        else:
            page.locator("h1").first.wait_for()
        assert_no_serious_violations(run_axe(page, script), path or "home page")
        assert errors == []
