"""The documents index, an archive a reader can browse: each document with its English title beside
the original, the date the site shows for it (stated, or inferred from the event it reports, as its
page and the timeline give it), language, outlet, and the people and places it names.

Readable without JavaScript: pages of INDEX_PAGE_SIZE documents, newest first, so no page grows
with the corpus. For filtering and sorting, the whole archive is one compact JSON file
(ARCHIVE_JSON: arrays, names looked up in tables) that archive.js loads only when a reader uses
the filters; it then lists the matching documents from every page.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from generator.model.document import Document
from generator.model.entity import Entity
from generator.model.event import Event
from generator.site import addresses
from generator.site.render import environment
from generator.text.languages import direction, language_name

ARCHIVE_JSON = "assets/archive/documents.json"  # the whole archive for archive.js
INDEX_PAGE_SIZE = 100  # documents per page of the index
NAMED_SHOWN = 3  # people (and places) a row names before "and 2 more"
# The fields of each document in ARCHIVE_JSON, in order (archive.js reads them by position).
FIELDS = ("id", "title", "english", "english_status", "language", "date", "inferred", "outlet", "people", "places")


@dataclass(frozen=True)
class Entry:
    """A document as the index (and the home page) shows it."""

    document: Document
    date: str | None  # ISO at its precision: stated by the document, or its event's (inferred)
    inferred: bool
    people: tuple[Entity, ...]
    places: tuple[Entity, ...]
    organisations: tuple[Entity, ...]

    @property
    def english_title(self) -> str | None:
        """The English title when it is a translation's (an English document has only its own)."""
        english = self.document.english
        return english.title if english.status != "original" else None


def entry(document: Document, event: Event | None) -> Entry:
    inferred = bool(event and not document.analysis.date and event.date and event.inferred(document))
    date = event.date if inferred and event else document.analysis.date
    named = [item.entity for item in document.entities]
    return Entry(
        document,
        date,
        inferred,
        tuple(e for e in named if e.type == "person"),
        tuple(e for e in named if e.type == "place"),
        tuple(e for e in named if e.type == "organisation"),
    )


def entries(documents: list[Document], event_of: dict[str, Event]) -> list[Entry]:
    """Newest first by the date shown, and on one date the documents that state it before those
    dated from them (inferred), then by id; undated last, by id. A date known to the month or year
    (2021-04, 2021) comes before every day of its period, as ISO strings compare."""
    listed = sorted((entry(d, event_of.get(d.doc_id)) for d in documents), key=lambda e: e.document.doc_id)
    dated = sorted(
        sorted((e for e in listed if e.date), key=lambda e: e.inferred), key=lambda e: e.date or "", reverse=True
    )
    return dated + [e for e in listed if not e.date]


@dataclass(frozen=True)
class Filters:
    """The choices of the index's filters, each with its number of documents."""

    languages: list[tuple[str, int]]  # code
    outlets: list[tuple[str, int]]
    years: list[tuple[str, int]]  # newest first; "undated" last
    people: list[tuple[Entity, int]]  # by name
    places: list[tuple[Entity, int]]


def filters(listed: list[Entry]) -> Filters:
    languages = Counter(e.document.analysis.language for e in listed)
    outlets = Counter(e.document.analysis.outlet for e in listed if e.document.analysis.outlet)
    years = Counter(e.date[:4] if e.date else "undated" for e in listed)
    return Filters(
        sorted(languages.items(), key=lambda kv: (-kv[1], language_name(kv[0]))),
        sorted(outlets.items(), key=lambda kv: (kv[0].casefold(), kv[0])),
        sorted(years.items(), key=lambda kv: "" if kv[0] == "undated" else kv[0], reverse=True),
        _named_counts(listed, "people"),
        _named_counts(listed, "places"),
    )


def _named_counts(listed: list[Entry], kind: str) -> list[tuple[Entity, int]]:
    counts: Counter[str] = Counter()
    found: dict[str, Entity] = {}
    for item in listed:
        for entity in getattr(item, kind):
            found.setdefault(entity.id, entity)
            counts[entity.id] += 1
    return sorted(((found[i], n) for i, n in counts.items()), key=lambda en: (en[0].name.casefold(), en[0].id))


def archive_outputs(documents: list[Document], event_of: dict[str, Event]) -> dict[str, bytes]:
    """The pages of the documents index and the archive's JSON."""
    listed = entries(documents, event_of)
    pages = index_pages(listed, filters(listed))
    return {path: page.encode("utf-8") for path, page in pages.items()} | {
        ARCHIVE_JSON: archive_json(listed).encode("utf-8")
    }


def index_pages(listed: list[Entry], choices: Filters) -> dict[str, str]:
    """`documents/index.md`, then `documents-list/2.md`, … when the archive is long."""
    chunks = [listed[i : i + INDEX_PAGE_SIZE] for i in range(0, len(listed), INDEX_PAGE_SIZE)] or [[]]
    template = environment().get_template("documents_index.md.j2")
    pages = {}
    for number, chunk in enumerate(chunks, 1):
        pages[addresses.documents_index_page(number)] = template.render(
            entries=chunk,
            total=len(listed),
            inferred=sum(e.inferred for e in listed),
            number=number,
            count=len(chunks),
            first=(number - 1) * INDEX_PAGE_SIZE + 1,
            filters=choices,
            named_shown=NAMED_SHOWN,
            archive_json=ARCHIVE_JSON,
            to_root=addresses.link("", addresses.documents_index_url(number)),
        )
    return pages


def archive_json(listed: list[Entry]) -> str:
    """Every document as an array of FIELDS (outlets, people and places as positions in their
    tables), newest first as the index lists them; compact, so 5,000 documents stay small."""
    outlets = sorted({e.document.analysis.outlet for e in listed if e.document.analysis.outlet})
    named = {entity.id: entity for e in listed for entity in (*e.people, *e.places)}
    entity_ids = sorted(named)
    outlet_at = {name: n for n, name in enumerate(outlets)}
    entity_at = {entity_id: n for n, entity_id in enumerate(entity_ids)}
    codes = sorted({e.document.analysis.language for e in listed})
    data = {
        "fields": FIELDS,
        "languages": {code: [language_name(code), direction(code)] for code in codes},
        "outlets": outlets,
        "entities": [[i, named[i].name, named[i].type] for i in entity_ids],
        "documents": [_record(e, outlet_at, entity_at) for e in listed],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _record(item: Entry, outlet_at: dict[str, int], entity_at: dict[str, int]) -> list:
    a, english = item.document.analysis, item.document.english
    return [
        item.document.doc_id,
        a.title,
        item.english_title,
        english.status,
        a.language,
        item.date,
        1 if item.inferred else 0,
        outlet_at[a.outlet] if a.outlet else None,
        [entity_at[p.id] for p in item.people],
        [entity_at[p.id] for p in item.places],
    ]
