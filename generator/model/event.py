"""Same-event groups (made by entities/events.py): which documents report one event, the date
the group gives a document that states none, and why each pair of documents is in the group."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.model.document import Document


@dataclass(frozen=True)
class Link:
    """Why two documents of a group are taken to report the same event: what both name and say
    (people, organisations and places by knowledge-base id, shown by English name; numbers; a
    passage both quote word for word) and how their dates relate."""

    first: str  # document ids, in order
    second: str
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]
    numbers: tuple[str, ...]
    passage: str | None  # as `first` writes it
    when: str  # "both dated 3 July 2020", "one dated 3 July 2020, the other undated but naming Friday, its weekday"

    @property
    def shares(self) -> tuple[str, ...]:
        return (*self.people, *self.organisations, *self.places, *self.numbers)


@dataclass(frozen=True)
class Event:
    key: str  # id of its first document
    documents: tuple[Document, ...]  # dated first (by date), then undated, by id
    # The earliest date stated to the day in its dated core; in a group without one, the earliest
    # date stated to the month or year ("2021-04"), which no member takes
    date: str | None
    dated_by: str | None  # id of the document that states it
    inferred_for: frozenset[str] = frozenset()  # undated documents that take `date`
    links: tuple[Link, ...] = ()  # one per pair of documents
    # (undated document id, why it takes `date` or why not): "its text names Friday; 3 July 2020 …"
    date_notes: tuple[tuple[str, str], ...] = ()

    def inferred(self, document: Document) -> bool:
        return document.doc_id in self.inferred_for

    def others(self, document: Document) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.doc_id != document.doc_id)

    def link(self, document: Document, other: Document) -> Link | None:
        first, second = sorted((document.doc_id, other.doc_id))
        return self._links.get((first, second))

    @cached_property
    def _links(self) -> dict[tuple[str, str], Link]:
        return {(k.first, k.second): k for k in self.links}

    def date_note(self, document: Document) -> str | None:
        return next((note for doc_id, note in self.date_notes if doc_id == document.doc_id), None)
