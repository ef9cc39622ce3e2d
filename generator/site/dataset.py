"""The downloadable dataset: `data/corpus.json` (schema in schemas/corpus.schema.json) and
`data/documents.csv`. Built from the same Document objects the pages are rendered from."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.entities.events import Event
from generator.model.document import Analysis, Document, English, Evidence
from generator.model.entity import Entity
from generator.site import addresses
from generator.site.entity_pages import with_found_places
from generator.site.render import page_url, raw_path

SCHEMA_VERSION = 1


def corpus(documents: list[Document], event_of: dict[str, Event] | None = None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [
            document_record(d, (event_of or {}).get(d.doc_id)) for d in sorted(documents, key=lambda d: d.doc_id)
        ],
    }


def document_record(document: Document, event: Event | None = None) -> dict[str, Any]:
    a, cleaned, source, english = document.analysis, document.cleaned, document.source, document.english
    return {
        "id": document.doc_id,
        "source_file": addresses.source_path("documents", source.path.name),
        "raw_file": raw_path(document),
        "url": page_url(document),
        "original_url": a.url,
        "language": a.language,
        "direction": a.direction,
        **_date_record(a),
        "outlet": a.outlet,
        "outlet_source": a.outlet_evidence.source if a.outlet_evidence else None,
        "title": {"original": a.title, "en": english.title, "source": a.title_evidence.source},
        "text": {"original": [p.text for p in cleaned.paragraphs], "en": [p.english for p in english.paragraphs]},
        "paragraphs": [
            {
                "key": p.paragraph.key,
                "fingerprint": p.paragraph.fingerprint,
                "lines": list(p.paragraph.lines),
                "translation": p.state,
            }
            for p in english.paragraphs
        ],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason, "kind": r.kind} for r in cleaned.removed],
        "summary": {
            "original": [s.text for s in a.summary],
            "en": list(english.summary),
            "en_source": english.summary_source,
            "from_paragraphs": [s.paragraph for s in a.summary],
        },
        "translation": _translation_record(english),
        **_entity_records(document),
        "event": _event_record(event, document),
        "encoding": source.encoding,
        "warnings": list(source.warnings),
    }


def _date_record(a: Analysis) -> dict[str, Any]:
    """The date at its precision (2021-04-12, 2021-04, 2021), what kind of date it is, where from."""
    return {
        "date": a.date,
        "date_precision": a.date_precision,
        "date_role": a.date_role,
        "date_source": a.date_evidence.source if a.date_evidence else None,
        "date_evidence": _evidence(a.date_evidence),
    }


def _translation_record(english: English) -> dict[str, Any]:
    return {
        "status": english.status,
        "translator": english.translator,
        "date": english.date,
        "file": addresses.source_path("translations", english.path.name) if english.path else None,
        "untranslated": english.count("untranslated"),
        "stale": english.count("stale"),
        "orphans": len(english.orphans),
    }


def _entity_records(document: Document) -> dict[str, Any]:
    """The record's "entities", "places" and "new_names"."""
    return {
        "entities": [
            {
                "id": item.entity.id,
                "type": item.entity.type,
                "name_en": item.entity.name,
                "names": list(item.names_written),
                "mentions": len(item.mentions),
                "source": item.entity.source,  # None: the knowledge base; "GeoNames 88319": found automatically
                "reviewed": item.entity.reviewed,
            }
            for item in document.entities
        ],
        "places": [
            {
                "id": item.entity.id,
                "name_en": item.entity.name,
                "lat": item.entity.lat,
                "lon": item.entity.lon,
                "kind": item.entity.subtype,
                "source": item.entity.source,
                "reviewed": item.entity.reviewed,
            }
            for item in document.entities
            if item.entity.type == "place" and item.entity.lat is not None
        ],
        "new_names": [{"name": n.name, "title": n.title, "paragraph": n.paragraph} for n in document.new_names],
    }


def _event_record(event: Event | None, document: Document) -> dict[str, Any] | None:
    if event is None:
        return None
    return {
        "id": event.key,
        "documents": [d.doc_id for d in event.documents],
        "date": event.date,
        "date_inferred": event.inferred(document),
        "dated_by": event.dated_by,
        "date_note": event.date_note(document),  # why an undated document takes the date, or not
        "evidence": [  # why each other document is in the group: what both name and say, their dates
            {"document": other.doc_id, **{k: v for k, v in vars(link).items() if k not in ("first", "second")}}
            for other in event.others(document)
            if (link := event.link(document, other)) is not None
        ],
    }


def _evidence(evidence: Evidence | None) -> dict[str, Any] | None:
    if evidence is None or evidence.source != "text":
        return None
    return {"line": evidence.line, "text": evidence.text}


def corpus_json(data: dict[str, Any]) -> str:
    """Compact JSON: with an indent, Python's json module leaves its C encoder and takes seconds."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def entities_json(documents: list[Document], knowledge: dict[str, Entity]) -> str:
    """The whole knowledge base and the places found in the gazetteer, each with the documents that name it."""
    named_in: dict[str, list[dict[str, Any]]] = {}
    for document in sorted(documents, key=lambda d: d.doc_id):
        for item in document.entities:
            named_in.setdefault(item.entity.id, []).append(
                {
                    "id": document.doc_id,
                    "url": page_url(document),
                    "mentions": len(item.mentions),
                    "names": list(item.names_written),
                }
            )
    entities = [
        {
            "id": e.id,
            "type": e.type,
            "subtype": e.subtype,
            "name_en": e.name,
            "names": {language: list(names) for language, names in sorted(e.names.items())},
            "aliases": list(e.aliases),
            "role": e.role,
            "lat": e.lat,
            "lon": e.lon,
            "wikidata": e.wikidata,
            "source": e.source,
            "reviewed": e.reviewed,
            "url": addresses.entity_url(e.id),
            "documents": named_in.get(e.id, []),
        }
        for e in sorted(with_found_places(documents, knowledge).values(), key=lambda e: e.id)
    ]
    return (
        json.dumps({"schema_version": SCHEMA_VERSION, "entities": entities}, ensure_ascii=False, separators=(",", ":"))
        + "\n"
    )


# A date is written at its precision (2021-04-12, 2021-04, 2021) and the precision said beside it.
CSV_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "language",
    "outlet",
    "title",
    "url",
    "source_file",
    "paragraphs",
    "removed_lines",
)


def documents_csv(data: dict[str, Any]) -> str:
    """One row per document of `corpus(...)`, for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in data["documents"]:
        writer.writerow(
            [
                record["id"],
                record["date"] or "",
                record["date_precision"] or "",
                record["language"],
                record["outlet"] or "",
                record["title"]["original"],
                record["url"],
                record["source_file"],
                len(record["text"]["original"]),
                len(record["removed"]),
            ]
        )
    # A byte-order mark lets spreadsheet programs read the Arabic and Persian as UTF-8.
    return "\ufeff" + buffer.getvalue()
