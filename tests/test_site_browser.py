"""The whole site as a reader sees it, in Chromium: every kind of page at desktop and phone
sizes, without JavaScript errors or requests to any host but the site and the map tiles."""

from __future__ import annotations

import pytest
from browser import artifact, browser_page
from conftest import IDS

PAGES = {
    "home": "",
    "documents": "documents/",
    "document": f"documents/{IDS[4]}/",
    "entity": "entities/al-watiya-air-base/",
    "entities": "entities/",
    "timeline": "timeline/",
    "map": "map/",
    "editors-guide": "editors-guide/",
}


@pytest.mark.parametrize(
    "viewport", [{"width": 1400, "height": 1000}, {"width": 390, "height": 844}], ids=["desktop", "phone"]
)
def test_every_kind_of_page_renders_cleanly(built_site, viewport):
    with browser_page(built_site.root / "site", viewport=viewport) as (page, base, errors):
        for name, path in PAGES.items():
            response = page.goto(f"{base}{path}")
            assert response.status == 200, name
            page.locator("h1").first.wait_for()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, f"{name} scrolls sideways at {viewport['width']} px"
            page.screenshot(path=str(artifact(f"{name}-{viewport['width']}.png")), full_page=True)
        assert errors == []


def test_document_page_directions_and_sidebar_links(built_site):
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}documents/{IDS[1]}/")
        assert page.locator("#p2 .ms-orig").evaluate("e => getComputedStyle(e).direction") == "rtl"
        assert page.locator("#p2 .ms-en").evaluate("e => getComputedStyle(e).direction") == "ltr"
        links = page.locator(".ms-entities a").evaluate_all("els => els.map(e => e.href)")
        assert len(links) >= 10
        for href in links:
            assert page.request.get(href).status == 200, href
        page.locator(".ms-entities a", has_text="Fayez al-Sarraj").click()
        page.wait_for_url(f"{base}entities/fayez-al-sarraj/")
        assert "فائز السراج" in page.locator("body").inner_text()
        assert errors == []


def test_timeline_and_entity_pages_link_back_to_documents(built_site):
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}timeline/")
        page.get_by_role("link", name="New military and security talks between the head of the GNA").click()
        page.wait_for_url(f"{base}documents/{IDS[1]}/")
        page.goto(f"{base}entities/al-watiya-air-base/")
        page.locator(".ms-appearance-head a").first.click()
        page.wait_for_url(f"{base}documents/{IDS[4]}/")
        assert errors == []


def test_no_page_downloads_the_sitemap_and_the_feed_is_still_announced(built_site):
    """Material fetches sitemap.xml (which grows with the corpus) for every link whose rel is exactly
    "alternate"; the feed's link says "alternate feed", which feed readers read and Material skips."""
    with browser_page(built_site.root / "site") as (page, base, errors):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        for path in PAGES.values():
            page.goto(f"{base}{path}")
            page.wait_for_load_state("networkidle")
        assert [url for url in requested if "sitemap" in url] == []
        feed = page.locator('link[type="application/atom+xml"]')
        assert feed.get_attribute("rel") == "alternate feed" and feed.get_attribute("href").endswith("feed.xml")
        assert errors == []
