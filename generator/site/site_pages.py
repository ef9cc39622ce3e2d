"""Site-wide pages: the map (with its two map files) and the timeline."""

from __future__ import annotations

from collections import OrderedDict

from generator.entities.events import Event
from generator.entities.places import drawn
from generator.model.document import Document
from generator.model.entity import Entity
from generator.site.render import environment, page_url

SITE_MAP = "maps/site.html"
DOCUMENT_MAP = "maps/document.html"
MAIN_PEOPLE = 3
TIMELINE_PAGE_EVENTS = 250  # events on one timeline page before it is split by month


def places(documents: list[Document], knowledge: dict[str, Entity]) -> list:
    """Every place of the map page (maps.Place), with the documents that name it: each knowledge-base
    place with coordinates, and each gazetteer place a document names (entities/places.py). The maps
    draw those with a marker (a continent is no point: listed on the page, not drawn)."""
    from generator.site.maps import (  # folium takes a quarter second to import: only when drawing
        MappedDocument,
        Place,
    )

    named: dict[str, list[MappedDocument]] = {}
    found: dict[str, Entity] = {}
    for document in sorted(documents, key=lambda d: (d.analysis.date or "9999", d.doc_id)):
        for item in document.entities:
            if item.entity.type == "place":
                found.setdefault(item.entity.id, item.entity)
                named.setdefault(item.entity.id, []).append(
                    MappedDocument(
                        page_url(document),
                        document.english.title if document.english.status != "original" else None,
                        document.analysis.title,
                        document.analysis.language,
                        document.analysis.direction,
                        document.analysis.date,
                    )
                )
    every = {e.id: e for e in knowledge.values() if e.type == "place"} | found
    return [Place(e, tuple(named.get(e.id, ()))) for _, e in sorted(every.items()) if e.lat is not None]


def map_outputs(documents: list[Document], knowledge: dict[str, Entity], tiles: dict[str, str]) -> dict[str, bytes]:
    from generator.site.maps import render_map

    mapped = places(documents, knowledge)
    return {
        SITE_MAP: render_map(mapped, tiles, document_map=False).encode("utf-8"),
        DOCUMENT_MAP: render_map(mapped, tiles, document_map=True).encode("utf-8"),
        "map/index.md": environment()
        .get_template("map.md.j2")
        .render(places=mapped, tiles=tiles, site_map=f"../{SITE_MAP}")
        .encode("utf-8"),
    }


def document_map_src(document: Document) -> str | None:
    """The iframe address of a document's map (from its page), or None when it names no mapped place."""
    ids = sorted(item.entity.id for item in document.entities if drawn(item.entity))
    return f"../../{DOCUMENT_MAP}#places={','.join(ids)}" if ids else None


def timeline_output(events: list[Event]) -> dict[str, bytes]:
    """One timeline page while it is short; beyond TIMELINE_PAGE_EVENTS events, an overview of
    years and months, and a page per month (and one for the undated). Dates are ISO at their
    precision: an event dated to the month sorts first in its month, one dated to the year only
    goes first in its year, under the key YYYY ("Month not stated")."""
    dated = sorted((e for e in events if e.date), key=lambda e: (e.date, e.key))
    by_month: OrderedDict[str, OrderedDict[str, list[Event]]] = OrderedDict()
    for event in dated:
        date = event.date or ""  # dated: every event here has one
        year, month = date[:4], date[:7]  # a year-only date is its own month key
        by_month.setdefault(year, OrderedDict()).setdefault(month, []).append(event)
    undated = sorted((e for e in events if not e.date), key=lambda e: e.key)
    template = environment().get_template("timeline.md.j2")
    helpers = {"main_people": main_people, "places_of": places_of}
    if len(events) <= TIMELINE_PAGE_EVENTS:
        page = template.render(by_month=by_month, undated=undated, to_root="../", overview=False, **helpers)
        return {"timeline.md": page.encode("utf-8")}
    pages = {
        "timeline.md": template.render(
            by_month=by_month, undated=undated, to_root="../", overview=True, **helpers
        ).encode("utf-8")
    }
    for year, months in by_month.items():
        for month, items in months.items():
            pages[f"timeline/{month}.md"] = template.render(
                by_month={year: {month: items}}, undated=[], to_root="../../", overview=False, title=month, **helpers
            ).encode("utf-8")
    if undated:
        pages["timeline/undated.md"] = template.render(
            by_month={}, undated=undated, to_root="../../", overview=False, title="undated", **helpers
        ).encode("utf-8")
    return pages


def main_people(document: Document) -> list[Entity]:
    return [item.entity for item in document.entities if item.entity.type == "person"][:MAIN_PEOPLE]


def places_of(document: Document) -> list[Entity]:
    return [item.entity for item in document.entities if item.entity.type == "place"]
