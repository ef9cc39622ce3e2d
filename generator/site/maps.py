"""Maps (folium): the site map of every known place, and one shared map for document pages.

folium writes Leaflet's script; the rest is ours. The page around it is a template
(templates/map_page.html.j2: language, title, zoom allowed, Leaflet and the stylesheet served from
the site, none of folium's CDN links); popups, tooltips, marker labels and the legend are macros of
templates/map_texts.html.j2, escaped by autoescape and then written as JSON string literals safe
inside <script> by our own elements (folium's Popup is raw HTML, its Tooltip a JavaScript template
literal: neither is used); markers are CSS-drawn (the stylesheet's ms-marker classes). Element ids
come from a counter per map (`Numbered`), not from urandom, so the same places give byte-identical
HTML.

Every place with a marker is drawn (entities/places.drawn: a continent is not): the knowledge base's
and the gazetteer's, each marker styled by its subtype's precision (exact site, city, region,
country) and, when found automatically in GeoNames and not reviewed, with a dashed outline.

Document pages all embed the same document map file and name their places in the URL fragment
(`document.html#places=tripoli,benghazi`); a script in it keeps those markers and fits the view
to them. Map cost is therefore one render per build however many documents there are, and
documents with the same places share the very same URL.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from generator.entities.places import drawn
from generator.model.entity import Entity
from generator.model.entity_types import Subtype, entity_type
from generator.site.render import environment


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


def js_string(text: str) -> str:
    """A JavaScript string literal that cannot end a <script> element or a template literal, nor
    be read as Jinja syntax (braces escaped) should anything compile it as a template."""
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("{", "\\u007b")
        .replace("}", "\\u007d")
    )


def texts() -> Any:
    """The macros of templates/map_texts.html.j2 (icon, tooltip, layer, legend, popup)."""
    return environment().get_template("map_texts.html.j2").module


class Numbered:
    """An element whose id is the next number of its map's counter `ids`, not branca's random hex:
    the same places give byte-identical HTML. It overrides branca's `_generate_id` hook (called once,
    in Element.__init__) for this element only; branca's Element itself is left as it is."""

    def __init__(self, *args: Any, ids: Iterator[int], **kwargs: Any) -> None:
        self._ids = ids
        super().__init__(*args, **kwargs)

    def _generate_id(self) -> str:
        return f"{next(self._ids):06d}"


class LeafletMap(Numbered, folium.Map):
    pass


class TileLayer(Numbered, folium.TileLayer):
    pass


class FeatureGroup(Numbered, folium.FeatureGroup):
    pass


class LayerControl(Numbered, folium.LayerControl):
    pass


class MapPage(Figure):
    """The map file, a page of its own: templates/map_page.html.j2 around the map's HTML and script
    (folium's page header, with its CDN links and a viewport that forbids zooming, is not written).
    Its own id and those of its parts never reach the page."""

    def __init__(self, document_map: bool) -> None:
        super().__init__()
        self._template = environment().get_template("map_page.html.j2")
        self.document_map = document_map


class ScriptElement(Numbered, MacroElement):
    """A MacroElement whose rendered script goes into the page as it is. branca's MacroElement
    compiles each rendered script as a Jinja template: slow for long popups, and text in them
    would be read as template syntax."""

    def render(self, **kwargs: Any) -> str:
        """Adds the script to the page's; nothing is written in place."""
        root = self.get_root()
        assert isinstance(root, Figure)
        root.script.add_child(_Verbatim(str(self._template.module.script(self, kwargs))), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
        return ""


class _Verbatim(Element):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class PlaceMarker(ScriptElement):
    """A Leaflet marker with a CSS icon, an escaped popup and tooltip; registered in msPlaces."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.marker({{ this.location }}, {
  icon: L.divIcon({className: {{ this.classes }}, html: {{ this.label }}, iconSize: [24, 24]}),
  title: {{ this.title }}, alt: {{ this.title }}, keyboard: true
}).addTo({{ this._parent.get_name() }});
{{ this.get_name() }}.bindPopup({{ this.popup }}, {maxWidth: 320});
{{ this.get_name() }}.bindTooltip({{ this.tooltip }});
msPlaces[{{ this.place_id }}] = {marker: {{ this.get_name() }}, group: {{ this._parent.get_name() }}};
{% endmacro %}
""")

    def __init__(self, place: Place, kind: Subtype, ids: Iterator[int]) -> None:
        super().__init__(ids=ids)
        self._name = "PlaceMarker"
        entity = place.entity
        self.location = json.dumps([round(degrees, 5) for degrees in place.location])
        self.classes = js_string(str(texts().marker_classes(place, kind)).strip())
        self.label = js_string(str(texts().icon(place)))
        self.title = js_string(entity.name)
        self.tooltip = js_string(str(texts().tooltip(place)))
        self.popup = js_string(str(texts().popup(place)))
        self.place_id = js_string(entity.id)


class Registry(ScriptElement):
    """Declares msPlaces before any marker registers itself."""

    _template = Template("{% macro script(this, kwargs) %}var msPlaces = {};{% endmacro %}")


class Legend(ScriptElement):
    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control({position: "bottomleft"});
{{ this.get_name() }}.onAdd = function () {
  var box = L.DomUtil.create("div", "ms-legend");
  box.innerHTML = {{ this.content }};
  return box;
};
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, kinds: list[Subtype], unreviewed: bool, ids: Iterator[int]) -> None:
        super().__init__(ids=ids)
        self._name = "Legend"
        self.content = js_string(str(texts().legend(kinds, unreviewed)))


class FragmentFilter(ScriptElement):
    """Document maps: keep the places named in `#places=a,b` and fit the view to them."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (map) {
  var match = /places=([^&]*)/.exec(decodeURIComponent(location.hash));
  var wanted = match ? match[1].split(",") : Object.keys(msPlaces);
  var bounds = [];
  Object.keys(msPlaces).forEach(function (id) {
    var place = msPlaces[id];
    if (wanted.indexOf(id) < 0) { place.group.removeLayer(place.marker); }
    else { bounds.push(place.marker.getLatLng()); }
  });
  if (bounds.length === 1) { map.setView(bounds[0], 8); }
  else if (bounds.length > 1) { map.fitBounds(L.latLngBounds(bounds), {padding: [30, 30], maxZoom: 9}); }
})({{ this._parent.get_name() }});
{% endmacro %}
""")


def render_map(places: list[Place], tiles: dict[str, str], document_map: bool) -> str:
    """The HTML of the site map (legend, a layer per kind) or of the shared document map."""
    ids = itertools.count()  # this map's element ids
    located = [p for p in places if drawn(p.entity)]  # a continent is no point
    figure_map = LeafletMap(
        location=[31.0, 20.0], zoom_start=4, tiles=None, control_scale=True, prefer_canvas=False, ids=ids
    )
    page = MapPage(document_map).add_child(figure_map)
    TileLayer(
        tiles=tiles["url"],
        attr=tiles["attribution"],
        name="Base map",
        max_zoom=int(tiles.get("max_zoom", 18)),
        control=False,
        ids=ids,
    ).add_to(figure_map)
    Registry(ids=ids).add_to(figure_map)
    kinds = [kind for kind in entity_type("place").subtypes if any(p.kind == kind for p in located)]
    for kind in kinds:
        members = sorted((p for p in located if p.kind == kind), key=lambda p: p.entity.id)
        group = FeatureGroup(name=str(texts().layer(kind, len(members))), show=True, ids=ids)
        for place in members:
            PlaceMarker(place, kind, ids).add_to(group)
        group.add_to(figure_map)
    points = [p for p in located if p.kind and p.kind.point] or located  # areas would zoom out to a continent
    if points:
        lats, lons = [p.location[0] for p in points], [p.location[1] for p in points]
        figure_map.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(20, 20))
    if document_map:
        FragmentFilter(ids=ids).add_to(figure_map)
    else:
        Legend(kinds, any(not p.entity.reviewed for p in located), ids=ids).add_to(figure_map)
        LayerControl(collapsed=False, ids=ids).add_to(figure_map)
    return page.render()
