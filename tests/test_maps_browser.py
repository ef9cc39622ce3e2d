"""Maps in a real browser: markers, popups that link documents, per-document maps, hosts."""

from __future__ import annotations

from browser import artifact, browser_page
from conftest import IDS


def test_map_page_markers_popup_and_link(built_site):
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}map/")
        frame = page.frame_locator("iframe.ms-map--site")
        frame.locator(".leaflet-marker-icon").first.wait_for()
        assert frame.locator(".leaflet-marker-icon").count() >= 5
        assert frame.locator(".leaflet-control-layers").count() == 1 and frame.locator(".ms-legend").count() == 1
        frame.locator(".leaflet-marker-icon.ms-marker--air-base").click()
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "al-Watiya Air Base" in popup.inner_text() and "الوطیه" in popup.inner_text()
        page.screenshot(path=str(artifact("map-page.png")))
        assert page.tile_requests == []  # the street map is off until the reader switches it on
        frame.get_by_label("Street map (tiles from tile.openstreetmap.org)").check()
        frame.locator("img.leaflet-tile").first.wait_for(state="attached")
        assert page.tile_requests
        popup.locator(f'a[href="../documents/{IDS[4]}/"]').click()
        page.wait_for_url(f"{base}documents/{IDS[4]}/")  # the link opens in the page, not the iframe
        assert errors == []


def test_each_document_map_shows_its_places(built_site):
    with browser_page(built_site.root / "site") as (page, base, errors):
        for doc_id in IDS:
            record = built_site.record(doc_id, "site")
            page.goto(f"{base}documents/{doc_id}/")
            page.locator("iframe.ms-map--document").scroll_into_view_if_needed()  # fetched when near the view
            frame = page.frame_locator("iframe.ms-map--document")
            frame.locator(".leaflet-marker-icon").first.wait_for()
            shown = frame.locator(".leaflet-marker-icon").evaluate_all("els => els.length")
            drawn = [place for place in record["places"] if place["kind"] != "continent"]  # a continent is no point
            assert shown == len(drawn), doc_id
            height = page.locator("iframe.ms-map--document").bounding_box()["height"]
            assert height > 200  # keeps its height in the page
        page.screenshot(path=str(artifact("document-map.png")))
        assert errors == []


def test_hostile_names_show_as_text_in_a_real_popup(project):
    (project.root / "site_src" / "knowledge" / "evil-town.md").write_text(
        "---\nid: evil-town\ntype: place\nsubtype: city\nname: '<img src=x onerror=alert(1)> `${alert(2)}`'\n"
        "names: {ar: [بلدة الشر]}\nlat: 31.5\nlon: 15.0\n---\n",
        encoding="utf-8",
    )
    project.add(
        "009_hostile.txt",
        "<img src=y onerror=alert(3)> `${alert(4)}` عاجل من بلدة الشر\n"
        "وصل وفد عسكري إلى بلدة الشر يوم الجمعة لتفقد المنشآت العسكرية في إطار اتفاق التعاون بين البلدين.\n"
        "وقالت مصادر إن الزيارة استمرت ساعات عدة وشملت لقاءات مع مسؤولين محليين.\n",
    )
    assert project.build() == 0
    with browser_page(project.root / "site") as (page, base, errors):
        page.goto(f"{base}map/")
        frame = page.frame_locator("iframe.ms-map--site")
        marker = frame.locator('.leaflet-marker-icon[title^="<img"]')
        marker.click()
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert "<img src=x onerror=alert(1)> `${alert(2)}`" in text
        assert "<img src=y onerror=alert(3)> `${alert(4)}`" in text
        assert frame.locator(".leaflet-popup-content img").count() == 0
        marker.hover()
        assert "${alert(2)}" in frame.locator(".leaflet-tooltip").inner_text()
        assert errors == []  # includes: no alert dialog opened


def test_a_document_map_is_fetched_when_the_reader_scrolls_to_it_not_with_the_page(built_site):
    """Issue 16, page weight: Leaflet and the basemap are more than the rest of a document page, so a
    phone that opens the page downloads them only once the reader scrolls to the map."""
    phone = {"width": 412, "height": 823}  # Lighthouse's mobile screen
    with browser_page(built_site.root / "site", viewport=phone) as (page, base, errors):
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(f"{base}documents/{IDS[0]}/", wait_until="networkidle")
        assert not [url for url in fetched if "/maps/" in url or "leaflet" in url]
        iframe = page.locator("iframe.ms-map--document")
        assert iframe.get_attribute("src") is None
        iframe.scroll_into_view_if_needed()
        frame = iframe.element_handle().content_frame()
        frame.locator(".leaflet-marker-icon").first.wait_for()
        assert [url for url in fetched if "/maps/document.html" in url]
        assert errors == []
