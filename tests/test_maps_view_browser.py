"""Maps in Chromium at a desktop and a phone width: one fit to a document's places, markers that
look like the legend, collapsed controls on phones, coastlines without the tile host, and no
request leaving the site when the tile layer is switched off in the settings."""

from __future__ import annotations

import base64
import time
from urllib.parse import urlparse

import pytest
from browser import artifact, browser_page, tile_host
from conftest import IDS

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"1280": DESKTOP, "390": PHONE}
DOCUMENT_000 = IDS[0]  # Tripoli, Mitiga International Airport, Greater Tripoli
SETTLE = 1.5  # seconds: longer than any Leaflet animation (0.25 s), so a late fit would have happened


def open_map(page, base: str, path: str, selector: str):
    """The frame of the map on page `path`, once its markers and basemap are drawn."""
    page.goto(f"{base}{path}")
    iframe = page.locator(selector)
    iframe.scroll_into_view_if_needed()
    frame = iframe.element_handle().content_frame()
    frame.locator(".leaflet-marker-icon").first.wait_for()
    frame.wait_for_selector(".folium-map[data-basemap]", state="attached")
    return frame


def document_map(page, base: str, doc_id: str):
    return open_map(page, base, f"documents/{doc_id}/", "iframe.ms-map--document")


def site_map(page, base: str):
    return open_map(page, base, "map/", "iframe.ms-map--site")


def open_layer_box(frame) -> None:
    """A collapsed layer box opens when pointed at (a tap on a phone); an open one stays open."""
    frame.locator(".leaflet-control-layers").hover()
    frame.locator(".leaflet-control-layers-expanded").wait_for()


def box(frame, selector: str) -> dict:
    return frame.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; }"
    )


def centre(rect: dict) -> tuple[float, float]:
    return rect["x"] + rect["w"] / 2, rect["y"] + rect["h"] / 2


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
    )


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_document_map_ends_zoomed_to_its_places_with_counts_centred(built_site, width):
    with browser_page(built_site.root / "site", WIDTHS[width]) as (page, base, errors):
        frame = document_map(page, base, DOCUMENT_000)
        time.sleep(SETTLE)  # folium's own fit used to finish after the page's and undo it
        view = frame.evaluate(
            """() => ({zoom: map_000000.getZoom(),
                       inside: ['tripoli', 'mitiga-international-airport'].every(
                         id => map_000000.getBounds().contains(msPlaces[id].marker.getLatLng()))})"""
        )
        assert view["zoom"] >= 8 and view["inside"], view
        tripoli = '.leaflet-marker-icon[title="Tripoli"]'
        icon, count = box(frame, tripoli), box(frame, f"{tripoli} .ms-count")
        place = frame.evaluate(
            "() => { const p = map_000000.latLngToContainerPoint(msPlaces.tripoli.marker.getLatLng());"
            " const r = map_000000.getContainer().getBoundingClientRect(); return [r.x + p.x, r.y + p.y]; }"
        )
        for point in (centre(count), tuple(place)):  # the count on its marker, the marker on its place
            assert abs(point[0] - centre(icon)[0]) <= 1 and abs(point[1] - centre(icon)[1]) <= 1, (point, icon)
        assert frame.locator(tripoli).inner_text() == "4"
        page.locator("iframe.ms-map--document").screenshot(path=str(artifact(f"map-document-000-{width}.png")))
        assert errors == []


SWATCH_STYLE = """e => { const s = getComputedStyle(e, '::before');
  return [s.backgroundColor, s.borderTopStyle, s.borderTopColor, s.borderRadius, s.transform]; }"""


def test_markers_on_the_map_look_like_the_legend(built_site):
    """Each kind's shape, colour, edge and rotation (the air base's diamond, which Leaflet's inline
    translate3d used to wipe) are the same on the map as in the legend; a country is its outline."""
    with browser_page(built_site.root / "site", DESKTOP) as (page, base, errors):
        frame = site_map(page, base)
        for kind in ("city", "airport", "air-base", "region"):
            marker = frame.locator(f".leaflet-marker-icon.ms-marker--{kind}").first.evaluate(SWATCH_STYLE)
            swatch = frame.locator(f".ms-legend i.ms-marker--{kind}").evaluate(SWATCH_STYLE)
            assert marker[:3] == swatch[:3], kind
            if kind in ("city", "airport", "air-base"):
                assert marker[3:] == swatch[3:], kind
        diamond = frame.locator(".leaflet-marker-icon.ms-marker--air-base").first.evaluate(SWATCH_STYLE)[4]
        assert diamond.startswith("matrix(0.707107, 0.707107, -0.707107, 0.707107"), diamond  # rotate(45deg)
        frame.locator("path.ms-outline").first.wait_for(state="attached")
        stroke = frame.locator("path.ms-outline").first.evaluate("e => getComputedStyle(e).stroke")
        assert stroke == frame.locator(".ms-legend i.ms-marker--country").evaluate(SWATCH_STYLE)[2]
        assert frame.locator(".leaflet-marker-icon.ms-marker--country.ms-outlined").count() == 2  # Libya, Turkey
        assert errors == []


@pytest.mark.parametrize("which", ["site", "document"])
def test_on_a_phone_legend_and_layer_box_are_collapsed_and_the_attribution_clears_the_scale(built_site, which):
    with browser_page(built_site.root / "site", PHONE) as (page, base, errors):
        frame = site_map(page, base) if which == "site" else document_map(page, base, IDS[4])
        toggle, body = frame.locator(".ms-legend-toggle"), frame.locator(".ms-legend-body")
        assert toggle.get_attribute("aria-expanded") == "false" and body.is_hidden()
        assert frame.locator(".leaflet-control-layers").count() == 1
        assert frame.locator(".leaflet-control-layers-expanded").count() == 0
        assert not overlap(box(frame, ".leaflet-control-attribution"), box(frame, ".leaflet-control-scale"))
        page.locator(f"iframe.ms-map--{which}").screenshot(path=str(artifact(f"map-{which}-390.png")))
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true" and body.is_visible()
        open_layer_box(frame)
        frame.get_by_label("Street map (tiles from tile.openstreetmap.org)").check()
        frame.locator("img.leaflet-tile").first.wait_for(state="attached")
        assert "OpenStreetMap" in frame.locator(".leaflet-control-attribution").inner_text()
        assert not overlap(box(frame, ".leaflet-control-attribution"), box(frame, ".leaflet-control-scale"))
        assert errors == []


def test_on_a_desktop_legend_and_layer_box_are_open(built_site):
    with browser_page(built_site.root / "site", DESKTOP) as (page, base, errors):
        frame = site_map(page, base)
        assert frame.locator(".ms-legend-toggle").get_attribute("aria-expanded") == "true"
        assert frame.locator(".ms-legend-body").is_visible()
        assert frame.locator(".leaflet-control-layers-expanded").count() == 1
        assert errors == []


# Share of the map's pixels in the basemap's land colour (map.css: .ms-land fill #f4f1e8, or the same
# under a named country's translucent outline: #e6e4dd), read from a screenshot by the browser itself.
LAND_SHARE = """async png => {
  const image = new Image(); image.src = 'data:image/png;base64,' + png; await image.decode();
  const canvas = document.createElement('canvas'); canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data; let land = 0;
  const near = (i, rgb) => rgb.every((value, k) => Math.abs(data[i + k] - value) < 5);
  for (let i = 0; i < data.length; i += 4) { if (near(i, [244, 241, 232]) || near(i, [230, 228, 221])) land++; }
  return land / (data.length / 4);
}"""


def coastline_drawn(page, frame, selector: str) -> None:
    assert frame.locator(".folium-map").get_attribute("data-basemap") == "drawn"
    # Leaflet clips shapes to the view: the land's path is short at a city's zoom, borders may be out of view
    assert frame.locator("path.ms-border").count() == 1
    assert "L" in (frame.locator("path.ms-land").get_attribute("d") or "")
    assert frame.locator("path.ms-land").evaluate("e => getComputedStyle(e).stroke") != "none"  # the coastline
    png = base64.b64encode(page.locator(selector).screenshot()).decode("ascii")
    assert page.evaluate(LAND_SHARE, png) > 0.05  # land is drawn: some of the map, at least, is land


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_map_shows_coastlines_with_the_tile_host_blocked(built_site, width):
    with browser_page(built_site.root / "site", WIDTHS[width]) as (page, base, errors):
        blocked = []
        page.route(f"**://{tile_host()}/**", lambda route: (blocked.append(route.request.url), route.abort()))
        frame = site_map(page, base)
        coastline_drawn(page, frame, "iframe.ms-map--site")
        open_layer_box(frame)
        frame.get_by_label("Street map (tiles from tile.openstreetmap.org)").check()  # tiles on, and failing
        frame.wait_for_function("() => document.querySelectorAll('img.leaflet-tile').length > 0")
        time.sleep(0.5)
        coastline_drawn(page, frame, "iframe.ms-map--site")  # under the missing tiles, still there
        assert blocked
        for doc_id in IDS:
            coastline_drawn(page, document_map(page, base, doc_id), "iframe.ms-map--document")
        errors[:] = [e for e in errors if "ERR_FAILED" not in e]  # the blocked tiles' own console lines
        assert errors == []


def test_no_request_leaves_the_site_when_the_settings_switch_tiles_off(project):
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      layer: optional" in text
    config.write_text(text.replace("      layer: optional", "      layer: none"), encoding="utf-8")
    assert project.build() == 0
    with browser_page(project.root / "site", PHONE) as (page, base, errors):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base)
        page.wait_for_load_state("networkidle")
        frame = site_map(page, base)
        coastline_drawn(page, frame, "iframe.ms-map--site")
        assert "Street map" not in frame.locator(".leaflet-control-layers").inner_text(timeout=2000)
        for doc_id in (IDS[0], IDS[4]):
            coastline_drawn(page, document_map(page, base, doc_id), "iframe.ms-map--document")
            page.wait_for_load_state("networkidle")
        local = urlparse(base).netloc
        outside = [
            url for url in requests if urlparse(url).scheme not in ("data", "blob") and urlparse(url).netloc != local
        ]
        assert requests and outside == [] and page.tile_requests == []
        assert errors == []
