"""Maps (folium): the site map of every known place, and one shared map for document pages.

Folium/branca give every element a random id; here ids come from a counter reset per map, so
the same places give byte-identical HTML. Leaflet is served from the site (vendored, pinned)
and folium's jQuery, Bootstrap and icon fonts are dropped: markers are CSS-drawn div icons.
Popups and tooltips are written by our own elements: every text is HTML-escaped for Leaflet's
innerHTML and then encoded as a JSON string literal safe inside <script>; folium's Popup
(raw HTML) and Tooltip (JavaScript template literal) are not used.

Document pages all embed the same document map file and name their places in the URL fragment
(`document.html#places=tripoli,benghazi`); a script in it keeps those markers and fits the view
to them. Map cost is therefore one render per build however many documents there are, and
documents with the same places share the very same URL.
"""
from __future__ import annotations

import html
import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from generator.model.entity import Entity

LEAFLET = "../assets/vendor/leaflet"         # relative to the map files in maps/
KINDS = {   # subtype -> (legend label, CSS modifier)
    "city": ("City", "city"), "airport": ("Airport", "airport"), "air_base": ("Air base", "air-base"),
    "region": ("Region", "region"), "country": ("Country", "country"), "continent": ("Continent", "continent"),
}
POINT_KINDS = {"city", "airport", "air_base"}
MARKER_CSS = """
.ms-marker { display: flex; align-items: center; justify-content: center; font: 600 11px/1 system-ui, sans-serif;
  color: #fff; border: 2px solid #fff; box-shadow: 0 0 0 1px rgba(0,0,0,.45); }
.ms-marker--city { background: #1d4ed8; border-radius: 50%; }
.ms-marker--airport { background: #c2410c; border-radius: 3px; }
.ms-marker--air-base { background: #b91c1c; border-radius: 3px; transform: rotate(45deg); }
.ms-marker--air-base span { transform: rotate(-45deg); }
.ms-marker--region, .ms-marker--country, .ms-marker--continent { background: #4b5563; border-radius: 50%; opacity: .85; }
.ms-legend { background: #fff; padding: 6px 8px; font: 12px/1.5 system-ui, sans-serif; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.ms-legend i { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -2px; }
.ms-popup ul { margin: 4px 0; padding-left: 16px; } .ms-popup [dir=rtl] { font-family: "Noto Naskh Arabic", Tahoma, sans-serif; }
.leaflet-container .leaflet-control-attribution { background: rgba(255, 255, 255, .9); }
.leaflet-control-attribution a { text-decoration: underline; }
"""
# The attribution's links (Leaflet's #0078A8) keep 4.5:1 over any tile behind a 90% white box, and
# are underlined rather than told apart from its text (#333) by colour alone.
TITLES = {False: "Map of the places named in the documents", True: "Map of the places named in this document"}
# folium's page forbids zooming (maximum-scale=1.0, user-scalable=no); readers may need to.
FOLIUM_VIEWPORT = "initial-scale=1.0, maximum-scale=1.0, user-scalable=no"


@dataclass(frozen=True)
class MappedDocument:
    url: str                     # relative to the site root
    title_en: str | None
    title: str
    language: str
    direction: str
    date: str | None


@dataclass(frozen=True)
class Place:
    entity: Entity
    documents: tuple[MappedDocument, ...]


def js_string(text: str) -> str:
    """A JavaScript string literal that cannot end a <script> element or a template literal, nor
    be read as Jinja syntax (braces escaped) should anything compile it as a template."""
    return (json.dumps(text, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
            .replace("{", "\\u007b").replace("}", "\\u007d"))


class ScriptElement(MacroElement):
    """A MacroElement whose rendered script goes into the page as it is. branca's MacroElement
    compiles each rendered script as a Jinja template: slow for long popups, and text in them
    would be read as template syntax."""

    def render(self, **kwargs) -> None:
        script = self._template.module.script(self, kwargs)
        self.get_root().script.add_child(_Verbatim(str(script)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _Verbatim(Element):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


@contextmanager
def deterministic_ids() -> Iterator[None]:
    counter = itertools.count()
    original = Element.__dict__["_generate_id"]
    Element._generate_id = classmethod(lambda cls: f"{next(counter):06d}")
    try:
        yield
    finally:
        Element._generate_id = original


class PlaceMarker(ScriptElement):
    """A Leaflet marker with a CSS icon, an escaped popup and tooltip; registered in msPlaces."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.marker({{ this.location }}, {
  icon: L.divIcon({className: "ms-marker ms-marker--{{ this.kind }}", html: {{ this.label }}, iconSize: [24, 24]}),
  title: {{ this.title }}, alt: {{ this.title }}, keyboard: true
}).addTo({{ this._parent.get_name() }});
{{ this.get_name() }}.bindPopup({{ this.popup }}, {maxWidth: 320});
{{ this.get_name() }}.bindTooltip({{ this.tooltip }});
msPlaces[{{ this.place_id }}] = {marker: {{ this.get_name() }}, group: {{ this._parent.get_name() }}};
{% endmacro %}
""")

    def __init__(self, place: Place, popup_html: str) -> None:
        super().__init__()
        self._name = "PlaceMarker"
        entity = place.entity
        self.location = json.dumps([round(entity.lat, 5), round(entity.lon, 5)])
        self.kind = KINDS.get(entity.subtype or "", ("Place", "region"))[1]
        self.label = js_string(f"<span>{len(place.documents)}</span>")
        self.title = js_string(entity.name)
        self.tooltip = js_string(html.escape(f"{entity.name} — {len(place.documents)} document(s)"))
        self.popup = js_string(popup_html)
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

    def __init__(self, kinds: list[str]) -> None:
        super().__init__()
        self._name = "Legend"
        rows = "".join(f'<div><i class="ms-marker ms-marker--{KINDS[k][1]}"></i>{html.escape(KINDS[k][0])}</div>'
                       for k in kinds)
        self.content = js_string(f"<strong>Places</strong>{rows}<div>number = documents naming it</div>")


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
    located = [p for p in places if p.entity.lat is not None]
    with deterministic_ids():
        figure_map = folium.Map(location=[31.0, 20.0], zoom_start=4, tiles=None, control_scale=True,
                                prefer_canvas=False)
        figure_map.default_js = [("leaflet", f"{LEAFLET}/leaflet.js")]
        figure_map.default_css = [("leaflet_css", f"{LEAFLET}/leaflet.css")]
        figure_map.get_root().header.add_child(Element(f"<style>{MARKER_CSS}</style>"), name="ms_marker_css")
        figure_map.get_root().title = TITLES[document_map]      # the map files are pages of their own too
        folium.TileLayer(tiles=tiles["url"], attr=tiles["attribution"], name="Base map",
                         max_zoom=int(tiles.get("max_zoom", 18)), control=False).add_to(figure_map)
        Registry().add_to(figure_map)
        kinds = [k for k in KINDS if any(p.entity.subtype == k for p in located)]
        for kind in kinds:
            members = [p for p in located if p.entity.subtype == kind]
            group = folium.FeatureGroup(name=f"{KINDS[kind][0]} ({len(members)})", show=True)
            for place in sorted(members, key=lambda p: p.entity.id):
                PlaceMarker(place, popup(place)).add_to(group)
            group.add_to(figure_map)
        points = [p for p in located if p.entity.subtype in POINT_KINDS] or located   # areas would zoom out to a continent
        if points:
            lats = [p.entity.lat for p in points]
            lons = [p.entity.lon for p in points]
            figure_map.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(20, 20))
        if document_map:
            FragmentFilter().add_to(figure_map)
        else:
            Legend(kinds).add_to(figure_map)
            folium.LayerControl(collapsed=False).add_to(figure_map)
        page = figure_map.get_root().render()
    # a language for screen readers and hyphenation, and zoom allowed (folium's template has neither)
    return page.replace("<html>", '<html lang="en">', 1).replace(FOLIUM_VIEWPORT, "initial-scale=1.0", 1)


def popup(place: Place) -> str:
    """Popup HTML: every text escaped; links open in the page around the map (target=_top)."""
    e = place.entity
    esc = html.escape
    original = e.original_name("ar")
    persian = e.original_name("fa")
    names = "".join(f' <span lang="{lang}" dir="rtl">{esc(n)}</span>' for lang, n in (("ar", original), ("fa", persian))
                    if n and (lang == "ar" or n != original))
    items = "".join(
        f'<li><a href="../{esc(d.url)}" target="_top">{esc(d.title_en or d.title)}</a>'
        + (f' <span lang="{esc(d.language)}" dir="{esc(d.direction)}">{esc(d.title)}</span>' if d.title_en else "")
        + f" ({esc(d.date or 'undated')})</li>"
        for d in place.documents)
    kind = KINDS.get(e.subtype or "", ("Place", ""))[0]
    return (f'<div class="ms-popup"><strong>{esc(e.name)}</strong>{names}<br>{esc(kind)} · named in '
            f'{len(place.documents)} document(s)<ul>{items}</ul>'
            f'<a href="../entities/{esc(e.id)}/" target="_top">All about {esc(e.name)}</a></div>')
