/* The maps' behaviour in the reader's browser (docs/maps/site.html and document.html, written by
   generator/site/maps.py, which calls msMap.setup once every marker is registered in msPlaces).

   - Basemap: Natural Earth's land and borders (vendor/world-atlas, 1:110m TopoJSON, fetched once
     and cached), decoded here and drawn in a pane under the tiles, so it shows wherever tiles do not.
   - Areas: a country is outlined from the basemap and its label moved to the outline's centre; a
     country the basemap lacks keeps a ring. A region is a labelled translucent area (map.css).
   - One fit, once: the document's places (URL fragment #places=a,b) or every place; to the
     points, else to the areas; never animated, so nothing can finish after it and undo it.
   - Narrow maps (phones): the legend and the layer box start collapsed.
   - The tile layer is offered only when the site's settings allow it (maps.py: tiles.layer). */
var msMap = (function () {
  "use strict";
  var NARROW = 700; // px of map width below which the legend and the layer box start collapsed

  /* Leaflet focuses the map on the first press (for keyboard use). In a page's iframe that reaches
     below the window, focusing scrolls the page, and the press ends beside the marker it began on:
     the first click opened no popup. Focus without scrolling. (Set before any map is made: Leaflet
     binds the handler when the map is created.) */
  L.Map.Keyboard.prototype._onMouseDown = function () {
    if (!this._focused) { this._map._container.focus({preventScroll: true}); }
  };

  function wantedPlaces(places, isDocument) {
    var ids = Object.keys(places);
    var match = isDocument ? /(?:^#|&)places=([^&]*)/.exec(location.hash) : null;
    var wanted = match ? decodeURIComponent(match[1]).split(",") : ids;
    return ids.filter(function (id) {
      if (wanted.indexOf(id) >= 0) { return true; }
      places[id].group.removeLayer(places[id].marker);
      return false;
    }).map(function (id) { return places[id]; });
  }

  function fitOnce(map, kept, maxZoom) {
    var points = kept.filter(function (p) { return p.point; });
    var targets = (points.length ? points : kept).map(function (p) { return p.marker.getLatLng(); });
    var zoom = points.length ? maxZoom.point : maxZoom.area;
    if (targets.length === 1) {
      map.setView(targets[0], zoom, {animate: false});
    } else if (targets.length > 1) {
      map.fitBounds(L.latLngBounds(targets), {padding: [30, 30], maxZoom: zoom, animate: false});
    }
  }

  function whenSized(map, action) {
    /* A map in an iframe not laid out yet has no size: fit when it gets one. */
    if (map.getSize().x > 0) { action(); } else { map.once("resize", action); }
  }

  function largestOuterRing(parts) {
    var best = null, bestArea = -1;
    parts.forEach(function (rings) {
      var box = L.latLngBounds(rings[0]);
      var area = (box.getNorth() - box.getSouth()) * (box.getEast() - box.getWest());
      if (area > bestArea) { best = rings[0]; bestArea = area; }
    });
    return best;
  }

  function outline(map, world, place) {
    var found = world.objects.countries.geometries.filter(function (g) { return g.id === place.country; })[0];
    var marker = place.marker, icon = marker.options.icon.options;
    var className = icon.className + (found ? " ms-outlined" : " ms-ring");
    marker.setIcon(L.divIcon(L.extend({}, icon, {className: className})));
    if (!found) { return; }
    var geometry = topojson.feature(world, found).geometry; // a Polygon or a MultiPolygon
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    var parts = polygons.map(function (rings) { return L.GeoJSON.coordsToLatLngs(rings, 1); });
    var area = L.polygon(parts, {className: "ms-outline", smoothFactor: 0.5});
    area.bindPopup(marker.getPopup().getContent(), {maxWidth: 320});
    area.bindTooltip(marker.getTooltip().getContent(), {sticky: true});
    place.group.addLayer(area);
    marker.setLatLng(L.PolyUtil.polygonCenter(largestOuterRing(parts), map.options.crs));
  }

  function basemap(map, options, kept) {
    var pane = map.createPane("msBasemap"); // under the tiles (200), over the sea's colour
    pane.style.zIndex = 150;
    var drawn = {pane: "msBasemap", renderer: L.svg({pane: "msBasemap"}), interactive: false};
    map.attributionControl.addAttribution(options.credit);
    fetch(options.basemap).then(function (response) {
      if (!response.ok) { throw new Error(response.status + " " + options.basemap); }
      return response.json();
    }).then(function (world) {
      /* topojson-client (vendored): the land, its edge the coastline; the arcs two countries share, the borders */
      var land = topojson.feature(world, world.objects.land);
      var borders = topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; });
      L.geoJSON(land, L.extend({style: function () { return {className: "ms-land"}; }}, drawn)).addTo(map);
      L.geoJSON(borders, L.extend({style: function () { return {className: "ms-border"}; }}, drawn)).addTo(map);
      kept.forEach(function (place) { if (place.country) { outline(map, world, place); } });
      map.getContainer().setAttribute("data-basemap", "drawn");
    }).catch(function (error) {
      map.getContainer().setAttribute("data-basemap", "missing");
      var note = L.control({position: "topright"});
      note.onAdd = function () { var box = L.DomUtil.create("div", "ms-map-note"); box.textContent = options.missing; return box; };
      note.addTo(map);
      if (window.console) { console.warn("basemap:", error); }
    });
  }

  function legend(map, html, kept, open) {
    var shown = {};
    kept.forEach(function (p) { shown[p.kind] = true; shown.unreviewed = shown.unreviewed || /unreviewed/.test(p.marker.options.icon.options.className); });
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "ms-legend");
      box.innerHTML = html;
      Array.prototype.forEach.call(box.querySelectorAll("[data-kind]"), function (row) {
        row.hidden = !shown[row.getAttribute("data-kind")];
      });
      var button = box.querySelector(".ms-legend-toggle"), body = box.querySelector(".ms-legend-body");
      var toggle = function (state) { button.setAttribute("aria-expanded", String(state)); body.hidden = !state; };
      button.addEventListener("click", function () { toggle(button.getAttribute("aria-expanded") !== "true"); });
      toggle(open);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
  }

  function layerBox(map, tiles, layers, collapsed) {
    var overlays = {};
    layers.forEach(function (pair) { overlays[pair[0]] = pair[1]; });
    if (tiles) {
      var tileLayer = L.tileLayer(tiles.url, {attribution: tiles.attribution, maxZoom: tiles.maxZoom});
      overlays[tiles.name] = tileLayer;
      if (tiles.shown) { tileLayer.addTo(map); }
    }
    if (Object.keys(overlays).length) { L.control.layers(null, overlays, {collapsed: collapsed}).addTo(map); }
  }

  function setup(map, places, options, layers) {
    var kept = wantedPlaces(places, options.document);
    var narrow = map.getSize().x < NARROW;
    map.getContainer().classList.toggle("ms-map--narrow", narrow);
    map.setMinZoom(2).setMaxZoom(options.maxZoom); // the whole world at least; no deeper than the data
    whenSized(map, function () { fitOnce(map, kept, options.fitMaxZoom); });
    basemap(map, options, kept);
    legend(map, options.legend, kept, !narrow);
    layerBox(map, options.tiles, layers, narrow);
  }

  return {setup: setup};
})();
