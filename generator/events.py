"""Same event, several sources: documents are grouped when they name mostly the same people.

Measured on the five source documents (tests/test_events.py recomputes it): the three reports
of the 3 July 2020 visit to Tripoli (000, 001, 002) share 4–5 people, with a Jaccard similarity
of their people sets of 0.40–0.56; every other pair shares at most 2 people at 0.20 or less.
Word overlap separates them less well (0.32–0.50 against up to 0.23) and fails across Arabic
and Persian, while who is named does not depend on the language. The threshold sits between
the two groups; a pair must also share two people, and dated documents must be close in time.
An undated document in a group with dated ones takes the group's date, marked as inferred.
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from .model import Document

EVENT_SIMILARITY = 0.30
MIN_SHARED_PEOPLE = 2
MAX_DAYS_APART = 3


@dataclass(frozen=True)
class Event:
    key: str                                  # id of its first document
    documents: tuple[Document, ...]           # dated first (by date), then undated, by id
    date: str | None                          # earliest stated date in the group
    dated_by: str | None                      # id of the document that states it

    def inferred(self, document: Document) -> bool:
        return self.date is not None and document.analysis.date is None

    def others(self, document: Document) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.doc_id != document.doc_id)


def people(document: Document) -> frozenset[str]:
    return frozenset(item.entity.id for item in document.entities if item.entity.type == "person")


def similarity(a: Document, b: Document) -> float:
    left, right = people(a), people(b)
    return len(left & right) / len(left | right) if left | right else 0.0


def same_event(a: Document, b: Document) -> bool:
    if len(people(a) & people(b)) < MIN_SHARED_PEOPLE or similarity(a, b) < EVENT_SIMILARITY:
        return False
    if a.analysis.date and b.analysis.date:
        apart = abs(dt.date.fromisoformat(a.analysis.date) - dt.date.fromisoformat(b.analysis.date))
        return apart.days <= MAX_DAYS_APART
    return True


def group_events(documents: list[Document]) -> list[Event]:
    """Connected groups of same-event documents (single link), each document in exactly one."""
    ordered = sorted(documents, key=lambda d: d.doc_id)
    parent = {d.doc_id: d.doc_id for d in ordered}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for a, b in itertools.combinations(ordered, 2):
        if same_event(a, b):
            parent[root(b.doc_id)] = root(a.doc_id)
    groups: dict[str, list[Document]] = {}
    for document in ordered:
        groups.setdefault(root(document.doc_id), []).append(document)
    return [_event(members) for members in groups.values()]


def _event(members: list[Document]) -> Event:
    dated = sorted((d for d in members if d.analysis.date), key=lambda d: (d.analysis.date, d.doc_id))
    undated = [d for d in members if not d.analysis.date]
    first = dated[0] if dated else None
    return Event(members[0].doc_id, tuple(dated + undated), first.analysis.date if first else None,
                 first.doc_id if first else None)
