"""Maps (folium): the site map of every known place, and one shared map for document pages.

folium writes the map's <div> and Leaflet's script; the rest is ours. The page around it is a
template (templates/map_page.html.j2: language, title, zoom allowed, Leaflet, the basemap and the
maps' own stylesheet and script served from the site, none of folium's CDN links); popups, tooltips,
marker labels, layer names and the legend are macros of templates/map_texts.html.j2, escaped by
autoescape and then written as JSON string literals safe inside <script> by our own elements
(site/map_elements.py; folium's Popup is raw HTML, its Tooltip a JavaScript template literal: neither
is used). Markers are CSS-drawn (overrides/assets/stylesheets/map.css); ids are numbered per map, so the
same places give byte-identical HTML.

Every place with a marker is drawn (entities/places.drawn: a continent is not): the knowledge base's
and the gazetteer's, each shaped by its subtype's precision: an exact site or a city is a point, a
region a labelled translucent area, a country its outline from the basemap with a label
(site/map_areas.py); found automatically in GeoNames and not reviewed, with a dashed outline.

Geography is the vendored Natural Earth basemap, drawn in the reader's browser by
overrides/assets/javascripts/map.js, which also fits the view once (to the points, else to the areas:
no folium fitBounds, no animation), collapses the legend and the layer box on narrow maps and offers
the tile layer (settings `tiles`, its `layer`: "optional", off until the reader switches it on;
"shown"; or "none", not offered: the map then contacts no host but the site).

Document pages all embed the same document map file and name their places in the URL fragment
(`document.html#places=tripoli,benghazi`); map.js keeps those places only. Map cost is therefore one
render per build however many documents there are, and documents with the same places share the
very same URL.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from jinja2 import Template

from generator.entities.places import drawn
from generator.model.entity import Entity
from generator.model.entity_types import Subtype, entity_type
from generator.site import map_areas
from generator.site.map_elements import FeatureGroup, LeafletMap, MapPage, ScriptElement, js_string, js_value
from generator.site.render import environment

TILE_LAYER_CHOICES = ("optional", "shown", "none")  # settings: tiles.layer
FIT_MAX_ZOOM = {"point": 9, "area": 5}  # a document's points: streets in view; areas: a country in view
BASEMAP_MAX_ZOOM = 12  # without tiles: close enough to tell places a few km apart; 1:110m says no more


@dataclass(frozen=True)
class MappedDocument:
    url: str  # relative to the site root
    title_en: str | None
    title: str
    language: str
    direction: str
    date: str | None


@dataclass(frozen=True)
class Place:
    entity: Entity
    documents: tuple[MappedDocument, ...]

    @property
    def kind(self) -> Subtype | None:
        """The place's subtype (generator/data/entity_types.yml): label, marker, point or area."""
        return entity_type("place").subtype(self.entity.subtype)

    @property
    def location(self) -> tuple[float, float]:
        """(latitude, longitude): only places with coordinates are drawn."""
        assert self.entity.lat is not None and self.entity.lon is not None
        return self.entity.lat, self.entity.lon


def texts() -> Any:
    """The macros of templates/map_texts.html.j2 (icon, tooltip, layer, legend, popup)."""
    return environment().get_template("map_texts.html.j2").module


class PlaceMarker(ScriptElement):
    """A Leaflet marker with a CSS icon, an escaped popup and tooltip; registered in msPlaces with
    what map.js needs: a point or an area, and a country's code in the basemap."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.marker({{ this.location }}, {
  icon: L.divIcon({className: {{ this.classes }}, html: {{ this.label }}, iconSize: [24, 24]}),
  title: {{ this.title }}, alt: {{ this.title }}, keyboard: true, zIndexOffset: {{ this.z }}
}).addTo({{ this._parent.get_name() }});
{{ this.get_name() }}.bindPopup({{ this.popup }}, {maxWidth: 320});
{{ this.get_name() }}.bindTooltip({{ this.tooltip }});
msPlaces[{{ this.place_id }}] = {marker: {{ this.get_name() }}, group: {{ this._parent.get_name() }}, {{ this.shape }}};
{% endmacro %}
""")

    def __init__(self, place: Place, kind: Subtype, ids: Iterator[int]) -> None:
        super().__init__(ids=ids)
        self._name = "PlaceMarker"
        entity = place.entity
        self.location = json.dumps([round(degrees, 5) for degrees in place.location])
        self.classes = js_string(str(texts().marker_classes(place, kind)).strip())
        self.label = js_string(str(texts().icon(place, kind)))
        self.title = js_string(entity.name)
        self.tooltip = js_string(str(texts().tooltip(place)))
        self.popup = js_string(str(texts().popup(place)))
        self.place_id = js_string(entity.id)
        self.z = 0 if kind.point else -1000  # areas under points
        shape = {"kind": kind.marker, "point": bool(kind.point), "country": map_areas.country_number(entity)}
        self.shape = js_value(shape)[1:-1]


class Registry(ScriptElement):
    """Declares msPlaces before any marker registers itself."""

    _template = Template("{% macro script(this, kwargs) %}var msPlaces = {};{% endmacro %}")


class MapSetup(ScriptElement):
    """Hands the map to map.js: basemap, view, legend, layer box and tile layer."""

    _template = Template("""
{% macro script(this, kwargs) %}
msMap.setup({{ this._parent.get_name() }}, msPlaces, {{ this.options }}, [
{%- for name, group in this.layers %}[{{ name }}, {{ group.get_name() }}]{{ ", " if not loop.last }}{% endfor -%}
]);
{% endmacro %}
""")

    def __init__(self, options: dict[str, Any], layers: list[tuple[str, FeatureGroup]], ids: Iterator[int]) -> None:
        super().__init__(ids=ids)
        self._name = "MapSetup"
        self.options = js_value(options)
        self.layers = [(js_string(name), group) for name, group in layers]


def tile_options(tiles: dict[str, Any]) -> dict[str, Any] | None:
    """The tile layer map.js offers (settings `tiles`), or None when `layer` is "none"."""
    choice = str(tiles.get("layer", "optional"))
    if choice not in TILE_LAYER_CHOICES:
        raise ValueError(f"extra.microsite.tiles.layer must be one of {', '.join(TILE_LAYER_CHOICES)}, not {choice!r}")
    if choice == "none":
        return None
    host = urlparse(str(tiles["url"])).hostname or str(tiles["url"])
    return {
        "url": str(tiles["url"]),
        "attribution": str(tiles["attribution"]),
        "maxZoom": int(tiles.get("max_zoom", 18)),
        "shown": choice == "shown",
        "name": str(texts().tiles_layer(host)),
    }


def setup_options(tiles: dict[str, Any], legend: str, document_map: bool) -> dict[str, Any]:
    return {
        "basemap": map_areas.BASEMAP,
        "credit": str(texts().basemap_credit()),
        "missing": str(texts().basemap_missing()),
        "document": document_map,
        "fitMaxZoom": FIT_MAX_ZOOM,
        "maxZoom": int(tiles.get("max_zoom", 18)) if tile_options(tiles) else BASEMAP_MAX_ZOOM,
        "legend": legend,
        "tiles": tile_options(tiles),
    }


def render_map(places: list[Place], tiles: dict[str, Any], document_map: bool) -> str:
    """The HTML of the site map (a layer per kind) or of the shared document map."""
    ids = itertools.count()  # this map's element ids
    located = [p for p in places if drawn(p.entity)]  # a continent is no point
    figure_map = LeafletMap(
        location=[31.0, 20.0], zoom_start=4, tiles=None, control_scale=True, prefer_canvas=False, ids=ids
    )
    page = MapPage(document_map, map_areas.STYLES, map_areas.SCRIPTS).add_child(figure_map)
    Registry(ids=ids).add_to(figure_map)
    kinds = [kind for kind in entity_type("place").subtypes if any(p.kind == kind for p in located)]
    layers = []
    for kind in kinds:
        members = sorted((p for p in located if p.kind == kind), key=lambda p: p.entity.id)
        group = FeatureGroup(name=str(texts().layer(kind, len(members))), show=True, control=False, ids=ids)
        for place in members:
            PlaceMarker(place, kind, ids).add_to(group)
        group.add_to(figure_map)
        layers.append((group.layer_name, group))
    legend = str(texts().legend(kinds, any(not p.entity.reviewed for p in located)))
    options = setup_options(tiles, legend, document_map)
    MapSetup(options, [] if document_map else layers, ids=ids).add_to(figure_map)
    return page.render()
