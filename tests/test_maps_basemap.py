"""Maps, without a browser: the vendored basemap, countries drawn as outlines by their ISO code,
regions as areas, the tile-layer setting, one fit and the values handed to map.js."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re

import pytest
from conftest import REPO
from test_maps import seed_places, setup_call

from generator.entities.knowledge import load_knowledge
from generator.model.settings import load_settings
from generator.site import map_areas
from generator.site.map_elements import js_value
from generator.site.maps import MappedDocument, Place, render_map

VENDOR = REPO / "overrides" / "assets" / "vendor"
BASEMAP = VENDOR / "world-atlas" / "countries-110m.json"
BASEMAP_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"  # world-atlas@2.0.2
MAP_JS = REPO / "overrides" / "assets" / "javascripts" / "map.js"
TILES = load_settings(REPO).tiles


def knowledge_place(entity_id: str):
    entities, _ = load_knowledge(REPO / "site_src" / "knowledge")
    return next(e for e in entities if e.id == entity_id)


def basemap_ids() -> set[str]:
    world = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return {g["id"] for g in world["objects"]["countries"]["geometries"] if "id" in g}


def test_the_basemap_is_vendored_light_with_its_licence_and_pinned_version():
    data = BASEMAP.read_bytes()
    assert hashlib.sha256(data).hexdigest() == BASEMAP_SHA256
    assert len(data) < 300_000  # "a few hundred KB at most": 108 KB
    world = json.loads(data)
    assert world["type"] == "Topology" and {"land", "countries"} <= set(world["objects"])
    assert "Permission to use, copy, modify" in (VENDOR / "world-atlas" / "LICENSE").read_text(encoding="utf-8")  # ISC
    readme = (VENDOR / "world-atlas" / "README.md").read_text(encoding="utf-8")
    assert "world-atlas@2.0.2" in readme and BASEMAP_SHA256 in readme and "public domain" in readme


@pytest.mark.parametrize("entity_id, number", [("libya", "434"), ("turkey", "792")])
def test_a_knowledge_base_country_is_outlined_by_its_iso_code_in_the_basemap(entity_id, number):
    assert map_areas.country_number(knowledge_place(entity_id)) == number
    assert number in basemap_ids()


def test_a_gazetteer_country_is_found_by_its_geonames_id_and_other_names_through_iso_3166():
    libya = knowledge_place("libya")
    egypt = dataclasses.replace(libya, id="geonames-357994", name="Arab Republic", source="GeoNames 357994")
    assert map_areas.country_number(egypt) == "818" and "818" in basemap_ids()
    assert map_areas.country_number(dataclasses.replace(libya, name="Türkiye", aliases=())) == "792"
    assert map_areas.country_number(dataclasses.replace(libya, name="Atlantis", aliases=(), names={})) is None
    assert map_areas.country_number(knowledge_place("tripoli")) is None  # a city is a point
    assert map_areas.country_number(knowledge_place("eastern-libya")) is None  # a region has no shape


def registered(html: str) -> dict[str, dict]:
    """msPlaces[id] = {marker, group, "kind": …, "point": …, "country": …} for every marker of a map file."""
    found = {}
    for place, fields in re.findall(r'msPlaces\["([^"]+)"\] = \{marker: \w+, group: \w+, (.*?)\};', html):
        found[place] = json.loads("{" + fields + "}")
    return found


def test_regions_and_countries_are_areas_under_the_points_and_a_continent_is_not_drawn():
    html = render_map(seed_places(), TILES, document_map=True)
    places = registered(html)
    assert "africa" not in places
    assert places["libya"] == {"kind": "country", "point": False, "country": "434"}
    assert places["eastern-libya"] == {"kind": "region", "point": False, "country": None}
    assert places["tripoli"] == {"kind": "city", "point": True, "country": None}
    assert places["al-watiya-air-base"]["kind"] == "air-base" and places["al-watiya-air-base"]["point"]
    marker = html[html.index("L.marker([26.3351, 17.2283]") :]  # Libya: an area, labelled, under the points
    assert "zIndexOffset: -1000" in marker[:600] and "ms-label" in marker[:600]
    city = html[html.index("L.marker([32.8872, 13.1913]") :]
    assert "zIndexOffset: 0" in city[:600]


def test_one_fit_made_by_map_js_without_animation():
    """folium's fitBounds (whose animation finished after the page's fit and undid it) is gone; map.js
    fits once, and never animated."""
    for document_map in (True, False):
        html = render_map(seed_places(), TILES, document_map=document_map)
        assert "fitBounds" not in html and "setView" not in html
        assert setup_call(html)[0]["document"] is document_map
    script = MAP_JS.read_text(encoding="utf-8")
    calls = re.findall(r"map\.(fitBounds|setView|flyTo|panTo|setZoom)\(([^;]*)\);", script)
    assert {name for name, _ in calls} == {"fitBounds", "setView"}
    assert all("animate: false" in arguments for _, arguments in calls), calls


@pytest.mark.parametrize("layer, shown", [("optional", False), ("shown", True)])
def test_the_tile_layer_is_offered_as_the_setting_says(layer, shown):
    html = render_map(seed_places(), {**TILES, "layer": layer}, document_map=False)
    tiles = setup_call(html)[0]["tiles"]
    assert tiles["url"] == TILES["url"] and tiles["shown"] is shown and tiles["maxZoom"] == 18
    assert "tile.openstreetmap.org" in tiles["name"]  # the reader sees which host the layer contacts


def test_with_tiles_set_to_none_the_map_names_no_other_host():
    html = render_map(seed_places(), {**TILES, "layer": "none"}, document_map=False)
    assert setup_call(html)[0]["tiles"] is None
    links = {"www.naturalearthdata.com"}  # the basemap's credit: a link, never loaded
    assert set(re.findall(r"https?://([^/\"'{}\\]+)", html)) <= links
    assert "openstreetmap" not in html.lower()


def test_an_unknown_tile_layer_setting_is_refused_with_its_name():
    with pytest.raises(ValueError, match=r"tiles\.layer"):
        render_map(seed_places(), {**TILES, "layer": "off"}, document_map=False)


def test_the_default_settings_offer_the_tiles_off_at_first():
    assert TILES.get("layer", "optional") == "optional"


def test_the_legend_is_a_toggle_with_a_row_per_kind():
    legend = setup_call(render_map(seed_places(), TILES, document_map=True))[0]["legend"]
    assert legend.startswith('<button type="button" class="ms-legend-toggle" aria-expanded="true">Legend</button>')
    assert 'data-kind="region"' in legend and "(approximate area)" in legend and "(outlined)" in legend


def test_values_handed_to_map_js_cannot_end_the_script_or_read_as_template():
    text = "</script><script>alert(1)</script> {{ 7*7 }} {% x %} \u2028 & `${x}`"
    literal = js_value({"a": [text, 1, True, None], "b": {"c": text}})
    assert "</" not in literal and "{{" not in literal and "{%" not in literal and "\u2028" not in literal
    assert json.loads(literal) == {"a": [text, 1, True, None], "b": {"c": text}}


def test_tooltips_count_documents_in_words():
    tripoli = knowledge_place("tripoli")
    one = MappedDocument("documents/x/", None, "x", "ar", "rtl", None)
    html = render_map([Place(tripoli, (one,))], TILES, document_map=False)
    assert "Tripoli — 1 document" in json.loads(re.search(r'bindTooltip\(("(?:[^"\\]|\\.)*")\)', html).group(1))
