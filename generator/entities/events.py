"""Same event, several sources: documents are grouped when they name mostly the same people.

Measured on the five source documents (tests/test_events.py recomputes it): the three reports
of the 3 July 2020 visit to Tripoli (000, 001, 002) share 4–5 people, with a Jaccard similarity
of their people sets of 0.40–0.56; every other pair shares at most 2 people at 0.20 or less.
Word overlap separates them less well (0.32–0.50 against up to 0.23) and fails across Arabic
and Persian, while who is named does not depend on the language. The threshold sits between
the two groups; a pair must also share two people, and dated documents must be close in time.
An undated document in a group with dated ones takes the group's date, marked as inferred.
A group's stated dates never span more than MAX_DAYS_APART days.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from generator.model.document import Document

EVENT_SIMILARITY = 0.30
MIN_SHARED_PEOPLE = 2
MAX_DAYS_APART = 3


@dataclass(frozen=True)
class Event:
    key: str  # id of its first document
    documents: tuple[Document, ...]  # dated first (by date), then undated, by id
    date: str | None  # earliest stated date in the group
    dated_by: str | None  # id of the document that states it

    def inferred(self, document: Document) -> bool:
        return self.date is not None and document.analysis.date is None

    def others(self, document: Document) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.doc_id != document.doc_id)


def people(document: Document) -> frozenset[str]:
    return frozenset(item.entity.id for item in document.entities if item.entity.type == "person")


def similarity(a: Document, b: Document) -> float:
    return _jaccard(people(a), people(b))


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    return len(left & right) / len(left | right) if left | right else 0.0


def _day(document: Document) -> dt.date | None:
    return dt.date.fromisoformat(document.analysis.date) if document.analysis.date else None


def group_events(documents: list[Document]) -> list[Event]:
    """Groups of same-event documents, each document in exactly one.

    Pairs are merged strongest first; a merge that would make a group's stated dates span more
    than MAX_DAYS_APART is refused, so a chain of reports a few days apart never becomes one
    months-long "event". Candidate pairs: dated documents within the window of each other, and
    undated documents with those that share a person with them (no all-pairs comparison).
    """
    ordered = sorted(documents, key=lambda d: d.doc_id)
    crowd = {d.doc_id: people(d) for d in ordered}
    day = {d.doc_id: _day(d) for d in ordered}
    scored = []
    for a, b in _candidate_pairs(ordered, crowd, day):
        shared = crowd[a.doc_id] & crowd[b.doc_id]
        score = _jaccard(crowd[a.doc_id], crowd[b.doc_id])
        if len(shared) >= MIN_SHARED_PEOPLE and score >= EVENT_SIMILARITY:
            scored.append((-score, a.doc_id, b.doc_id))
    parent = {d.doc_id: d.doc_id for d in ordered}
    span = {d.doc_id: (day[d.doc_id], day[d.doc_id]) for d in ordered}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for _, first, second in sorted(scored):
        ra, rb = root(first), root(second)
        if ra == rb:
            continue
        dates = [d for d in (*span[ra], *span[rb]) if d]
        if dates and (max(dates) - min(dates)).days > MAX_DAYS_APART:
            continue
        parent[rb] = ra
        span[ra] = (min(dates), max(dates)) if dates else (None, None)
    groups: dict[str, list[Document]] = {}
    for document in ordered:
        groups.setdefault(root(document.doc_id), []).append(document)
    return [_event(members) for members in groups.values()]


def _candidate_pairs(
    ordered: list[Document], crowd: dict[str, frozenset[str]], day: dict[str, dt.date | None]
) -> Iterator[tuple[Document, Document]]:
    known = {doc_id: date for doc_id, date in day.items() if date is not None}
    dated = sorted((d for d in ordered if d.doc_id in known), key=lambda d: (known[d.doc_id], d.doc_id))
    for i, a in enumerate(dated):
        for b in itertools.islice(dated, i + 1, None):
            if (known[b.doc_id] - known[a.doc_id]).days > MAX_DAYS_APART:
                break
            yield a, b
    by_person: dict[str, list[Document]] = {}
    for document in ordered:
        for person in crowd[document.doc_id]:
            by_person.setdefault(person, []).append(document)
    for a in (d for d in ordered if not day[d.doc_id]):
        others = {b.doc_id: b for person in crowd[a.doc_id] for b in by_person[person] if b.doc_id != a.doc_id}
        for b_id in sorted(others):
            if day[b_id] or b_id > a.doc_id:  # each undated pair once
                yield a, others[b_id]


def _event(members: list[Document]) -> Event:
    dated = sorted((d for d in members if d.analysis.date), key=lambda d: (d.analysis.date, d.doc_id))
    undated = [d for d in members if not d.analysis.date]
    first = dated[0] if dated else None
    return Event(
        members[0].doc_id,
        tuple(dated + undated),
        first.analysis.date if first else None,
        first.doc_id if first else None,
    )
