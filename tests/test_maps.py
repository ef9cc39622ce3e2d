"""Maps: true coordinates, determinism, escaping, self-hosted assets, one shared document map."""

from __future__ import annotations

import json
import math
import re
from html import unescape as html_unescape
from pathlib import Path

import pytest
from branca.element import Element
from conftest import IDS, REPO

from generator.entities.knowledge import load_knowledge, read_entity
from generator.model.entity_types import entity_type
from generator.model.settings import load_settings
from generator.site.map_elements import Numbered
from generator.site.maps import MappedDocument, Place, render_map

TILES = load_settings(REPO).tiles
# Reference coordinates of the five sites of the design (decimal degrees).
SITES = {
    "tripoli": (32.8872, 13.1913),
    "mitiga-international-airport": (32.8941, 13.2760),
    "antalya": (36.8969, 30.7133),
    "benghazi": (32.1167, 20.0667),
    "al-watiya-air-base": (32.4733, 11.8983),
}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = map(lambda p: (math.radians(p[0]), math.radians(p[1])), (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def marker_locations(html: str) -> dict[str, tuple[float, float]]:
    found = {}
    for lat, lon, place in re.findall(r'L\.marker\(\[([-\d.]+), ([-\d.]+)\].*?msPlaces\["([^"]+)"\]', html, re.S):
        found[place] = (float(lat), float(lon))
    return found


def test_site_map_shows_the_five_sites_at_their_true_coordinates(built_site):
    html = (built_site.root / "site" / "maps" / "site.html").read_text(encoding="utf-8")
    markers = marker_locations(html)
    for site, true in SITES.items():
        assert km(markers[site], true) < 5, site
    options, layers = setup_call(html)
    assert "ms-legend" in options["legend"] and [name for name in layers if name.startswith("City (")]
    for kind in ("ms-marker--city", "ms-marker--airport", "ms-marker--air-base"):
        assert kind in html


def test_every_knowledge_base_place_with_coordinates_is_on_the_site_map_but_a_continent(built_site):
    entities, _ = load_knowledge(REPO / "site_src" / "knowledge")
    located = {e.id for e in entities if e.type == "place" and e.lat is not None and e.subtype != "continent"}
    markers = set(marker_locations((built_site.root / "site" / "maps" / "site.html").read_text(encoding="utf-8")))
    assert located <= markers and "africa" not in markers  # a continent is never a point
    assert all(m.startswith("geonames-") for m in markers - located)  # the rest: places the gazetteer found


def test_maps_are_self_hosted_and_only_the_tile_host_is_external(built_site):
    site = built_site.root / "site"
    urls = set()
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js", ".css", ".json", ".xml") and path.is_file():
            urls |= set(re.findall(r"https?://[^\s\"'<>)\\]+", path.read_text(encoding="utf-8", errors="replace")))
    for url in urls:
        assert not re.search(r"cdn|jsdelivr|cloudflare|bootstrapcdn|jquery", url, re.I), url
    for name in ("site.html", "document.html"):
        html = (site / "maps" / name).read_text(encoding="utf-8")
        styles = re.findall(r'<link[^>]+href="([^"]+)"', html)
        scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
        # Leaflet's stylesheet first, the maps' own after it (marker styles win); Leaflet before map.js
        assert styles == ["../assets/vendor/leaflet/leaflet.css", "../assets/stylesheets/map.css"], styles
        assert scripts == [
            "../assets/vendor/leaflet/leaflet.js",
            "../assets/vendor/topojson-client/topojson-client.min.js",
            "../assets/javascripts/map.js",
        ], scripts
        assert all((site / "maps" / address).resolve().is_file() for address in styles + scripts)
        assert "bootstrap" not in html.lower() and "jquery" not in html.lower() and "font-awesome" not in html.lower()
        links = {"www.openstreetmap.org", "leafletjs.com", "www.naturalearthdata.com"}  # links, never loaded
        external = set(re.findall(r"https?://([^/\"'{}]+)", html)) - links
        assert external == {"tile.openstreetmap.org"}, external  # the optional tile layer, off at first
        assert setup_call(html)[0]["basemap"] == "../assets/vendor/world-atlas/countries-110m.json"
    assert (site / "assets" / "vendor" / "leaflet" / "leaflet.js").is_file()
    assert "Leaflet 1.9.4" in (site / "assets" / "vendor" / "leaflet" / "leaflet.js").read_text(encoding="utf-8")[:300]
    topojson = (site / "assets" / "vendor" / "topojson-client" / "topojson-client.min.js").read_text(encoding="utf-8")
    assert topojson.startswith("// https://github.com/topojson/topojson-client v3.1.0")
    assert (site / "assets" / "vendor" / "world-atlas" / "countries-110m.json").is_file()


def setup_call(html: str) -> tuple[dict, list[str]]:
    """The options and layer names the map file hands to map.js (msMap.setup(map, msPlaces, {…}, [[name, group]…]))."""
    start = html.index("msMap.setup(")
    options, end = json.JSONDecoder().raw_decode(html, html.index("{", start))
    layers = [json.loads(f'"{name}"') for name in re.findall(r'\["((?:[^"\\]|\\.)*)", feature_group_\d+\]', html[end:])]
    return options, layers


def hostile_place(tmp_path: Path, name: str) -> Place:
    path = tmp_path / "evil-place.md"
    path.write_text(
        "---\nid: evil-place\ntype: place\nsubtype: city\nname: "
        + repr(name)
        + "\nnames: {ar: ['<b>عنوان</b>']}\nlat: 32.0\nlon: 13.0\n---\n",
        encoding="utf-8",
    )
    entity = read_entity(path)
    document = MappedDocument(
        "documents/x/",
        "Title `${alert(2)}` </script><script>alert(3)</script>",
        "<img src=x onerror=alert(4)>",
        "ar",
        "rtl",
        None,
    )
    return Place(entity, (document,))


def test_text_reaching_popups_and_tooltips_is_escaped(tmp_path):
    name = "<img src=x onerror=alert(1)> `${alert(1)}` \\` </script>"
    html = render_map([hostile_place(tmp_path, name)], TILES, document_map=False)
    script = html[html.index("L.marker(") :]
    assert "<img src=x" not in script and "</script><script>" not in script and "${alert" not in script
    assert "`" not in re.sub(
        r'"(?:[^"\\]|\\.)*"', '""', script.split("msPlaces")[0]
    )  # backticks only inside JSON strings
    # Popups and tooltips are HTML (Leaflet sets innerHTML): decode each argument as JavaScript
    # would (it is JSON) and look at the HTML Leaflet receives.
    decoder = json.JSONDecoder()
    received = [decoder.raw_decode(script, m.end())[0] for m in re.finditer(r"\.bind(?:Popup|Tooltip)\(", script)]
    assert len(received) == 2
    for markup in received:
        assert "<img" not in markup and "<b>" not in markup and "<script>" not in markup
        assert "&lt;img src=x onerror=alert(1)&gt;" in markup and "${alert(1)}" in markup


@pytest.mark.parametrize("text", ["{{ 7*7 }} {{ this.__class__ }}", "{% raw %} {# x", "{%- if true %}x{% endif %}"])
def test_template_syntax_in_names_and_titles_reaches_the_map_as_text(tmp_path, text):
    """folium's elements compile what they render as Jinja templates: text must never be read as one."""
    html = render_map([hostile_place(tmp_path, f"Place {text}")], TILES, document_map=False)
    script = html[html.index("L.marker(") :]
    decoder = json.JSONDecoder()
    received = [decoder.raw_decode(script, m.end())[0] for m in re.finditer(r"\.bind(?:Popup|Tooltip)\(", script)]
    assert len(received) == 2 and all(text in html_unescape(markup) for markup in received)
    assert "49" not in script


def test_maps_are_byte_identical_across_renders(tmp_path):
    places = seed_places()
    first = render_map(places, TILES, document_map=True)
    assert render_map(places, TILES, document_map=True) == first
    assert render_map(list(reversed(places)), TILES, document_map=True) == first
    assert not re.search(r"[0-9a-f]{32}", first)  # no random hex ids left


def seed_places() -> list[Place]:
    entities, _ = load_knowledge(REPO / "site_src" / "knowledge")
    return [Place(e, ()) for e in entities if e.type == "place" and e.lat is not None]


def test_branca_is_left_as_it_is_and_each_map_numbers_its_own_elements(monkeypatch):
    """No process-wide patch: branca's id hook stays in place through a render (folium's inner
    elements still call it, and none of ours does); ours are numbered per map from 0."""
    calls = []
    original = Element.__dict__["_generate_id"].__func__
    monkeypatch.setattr(Element, "_generate_id", classmethod(lambda cls: calls.append(cls) or original(cls)))
    spy = Element.__dict__["_generate_id"]
    first = render_map(seed_places(), TILES, document_map=False)
    assert Element.__dict__["_generate_id"] is spy
    assert calls and not [cls for cls in calls if issubclass(cls, Numbered)]
    assert render_map(seed_places(), TILES, document_map=False) == first
    assert 'id="map_000000"' in first and "var feature_group_000002 = " in first
    assert not re.search(r"[0-9a-f]{32}", first)


def test_map_files_take_presentation_from_the_templates_and_the_stylesheet():
    """Kinds, labels and markers come from generator/data/entity_types.yml, styles from the maps'
    stylesheet: the map file carries no style of its own, and every marker kind has one there."""
    css = (REPO / "overrides" / "assets" / "stylesheets" / "map.css").read_text(encoding="utf-8")
    kinds = entity_type("place").subtypes
    assert [k.id for k in kinds] == ["city", "airport", "air_base", "region", "country", "continent"]
    assert [k.id for k in kinds if not k.marker] == ["continent"]  # never drawn
    for kind in kinds:
        assert not kind.marker or f".ms-marker--{kind.marker}::before " in css, kind
    assert ".ms-marker--unreviewed::before " in css
    page = render_map(seed_places(), TILES, document_map=False)
    assert "<style" not in page and "style=" not in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="en" class="ms-map-page">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1.0">' in page
    options, layers = setup_call(page)
    legend = options["legend"]
    shown = {k.id for k in kinds if k.marker} & {p.entity.subtype for p in seed_places()}
    assert legend.count("<div data-kind=") == len(shown)
    for kind in kinds:
        assert (f'<i class="ms-marker ms-marker--{kind.marker}"></i>{kind.label}' in legend) == (kind.id in shown)
        assert any(name.startswith(f"{kind.label} (") for name in layers) == (kind.id in shown)  # its layer


def test_documents_share_one_map_file_and_name_their_places_in_its_address(project):
    project.add(
        "007_same_places.txt",
        "وصل وزير الدفاع التركي إلى طرابلس ثم زار مطار معيتيقة الدولي يوم الجمعة.\n"
        "وقالت المصادر إن الزيارة شملت منطقة طرابلس الكبرى وقاعدة عسكرية قرب العاصمة الليبية.\n",
    )
    project.add(
        "008_no_place.txt",
        "قال مسؤول إن المحادثات بين الجانبين كانت مثمرة وإنها ستتواصل في الأسابيع المقبلة.\n"
        "وأضاف أن الاتفاق يشمل التدريب والتأهيل وبرامج بناء القدرات الأمنية والدفاعية.\n",
    )
    assert project.build() == 0
    site = project.root / "site"

    def map_src(doc_id: str) -> str | None:
        html = (site / "documents" / doc_id / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<iframe class="ms-map ms-map--document" data-ms-map="([^"]+)"', html)
        # readers without scripts get the same map, loaded lazily by the browser
        fallback = re.search(r'<noscript><iframe class="ms-map ms-map--document" src="([^"]+)"', html)
        assert (found and found.group(1)) == (fallback and fallback.group(1))
        return found.group(1) if found else None

    assert map_src(IDS[0]) == "../../maps/document.html#places=greater-tripoli,mitiga-international-airport,tripoli"
    assert map_src("007_same_places") == map_src(IDS[0])  # same places, same map, same address
    assert map_src(IDS[4]).startswith("../../maps/document.html#places=")
    assert map_src("008_no_place") is None  # no place, no map
    assert sorted(p.name for p in (site / "maps").iterdir()) == ["document.html", "site.html"]


def test_a_popup_lists_a_few_documents_and_sends_the_reader_to_the_place_page_for_the_rest(tmp_path):
    """One map file serves every document page: its popups must not grow with the corpus."""
    place = hostile_place(tmp_path, "Busy Port")
    many = tuple(
        MappedDocument(f"documents/d{i:02}/", f"Report {i:02}", f"تقرير {i:02}", "ar", "rtl", f"2021-01-{i:02}")
        for i in range(1, 21)
    )
    html = render_map([Place(place.entity, many)], TILES, document_map=True)
    listed = set(re.findall(r"Report (\d\d)", html))
    assert listed == {f"{i:02}" for i in range(1, 9)}
    assert "and 12 more documents on the place" in html and "named in 20 documents" in html
