"""Same event, several sources: groups that do not chain, and dates inferred only on evidence.

A document joins a group only with evidence against every member, never through a third
document (complete linkage): one article that shares two people with each of two stories cannot
make them one event. Evidence (entities/event_evidence.py, weighed in entities/event_links.py)
is who (people and organisations by knowledge-base id, so it holds across languages), where
(cities, airports, bases), what (numbers, a passage quoted word for word) and when.

1. Dated core: documents dated to the day are grouped with each other when every pair is dated
   at most MAX_DAYS_APART apart and has telling evidence: a person, something besides people,
   and MIN_SCORE (event_links.py weighs each kind).
2. A document with no day date (undated, or dated to the month or year only) joins the core
   with whose every member it has telling evidence and UNDATED_MIN_PEOPLE people in common,
   when its weekday words ("on Friday", «يوم الجمعة») name the weekday of the core's date and a
   dated report names it too, or when it gives MIN_NUMBERS of the same numbers as every member.
   Its own words rule a core out: a year it mentions after the core's date, its own month or
   year, a phrase placing that month in the past ("last July") in a sentence naming what it
   shares. An undated document takes the core's date (marked inferred) only when its weekday
   words fit it; otherwise it is listed with the group, undated, with the reason. When two
   cores fit it equally well, it joins neither.
3. The other documents without a day date are grouped with each other when they share people
   and MIN_NUMBERS numbers.

Measured with the labelled set (eval/run.py: 48 articles, 16 same-event pairs), the documents
as the cleaner and date reader give them: the 16 same-event pairs share 1-4 people and score
6-13; the one different-event pair dated within three days that shares a person scores 3 (one
person and a city, two days apart); two people and a city without closeness in time score 5.
Verbatim runs of up to 11 words recur across different events (names with their titles); a
quoted post runs to 19: PASSAGE_WORDS is 15. With each article's date removed in turn (48
runs), 11 of the 20 reports of events with several reports take the right date and none a wrong
one; before UNDATED_MIN_PEOPLE and the weekday named by a dated report were required, 8 took the
date of an unrelated report with one or two of the same people that fell on the weekday they
name. Result: event-pair precision 1.00, recall 1.00, no wrong inferred date (the grouping by
people it replaces: precision 0.54, one wrong date, on the same documents). The five seeds keep
their results: 000-002 one event dated 3 July 2020 (000 and 002 name Friday, as 001 does),
003 dated 1 March 2024 alone, 004 undated alone. 5,040 documents (the set 105 times over,
dates shifted) are grouped in about 4 s: candidates come from shared people and numbers and
from dates within the window, never from all pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from generator.entities import event_pairs
from generator.entities.event_evidence import Profile, Tokens, profile, runs, shared_passage, tokens
from generator.entities.event_links import (
    MAX_DAYS_APART,
    MIN_NUMBERS,
    UNDATED_MIN_PEOPLE,
    Pair,
    compare,
    contradiction,
    day_text,
    fits_weekday,
    weekday_name,
    when,
)
from generator.entities.linkage import complete_linkage
from generator.entities.time_words import WEEKDAY_KEYS
from generator.model.document import Document
from generator.model.event import Event, Link

__all__ = ["Event", "event_profile", "group_events", "timeline_events"]

PROFILE = "event profile"  # its key in Document.derived


def event_profile(document: Document) -> Profile:
    """What `document` says of its event, made once and kept with it (`Document.derived`): the pipeline
    makes it as it processes the document, on all cores, and the cache keeps it; the preview's builds
    reuse unchanged documents as they are (pipeline/cache.py), so a save profiles only what it changed."""
    made = document.derived.get(PROFILE)
    if not isinstance(made, Profile):
        made = document.derived[PROFILE] = profile(document)
    return made


class _Grouping:
    def __init__(self, documents: list[Document]) -> None:
        self.documents = {d.doc_id: d for d in sorted(documents, key=lambda d: d.doc_id)}
        self.profiles = {doc_id: event_profile(d) for doc_id, d in self.documents.items()}
        self._passages: dict[str, frozenset[int]] = {}
        self._pairs: dict[tuple[str, str], Pair] = {}
        self._words: dict[str, tuple[str, Tokens]] = {}
        self._known = event_pairs.last()  # the last grouping's verdicts on dated pairs (the preview's)
        self.telling_dated: list[Pair] = []  # found by dated_cores, for the next grouping

    def pair(self, a: str, b: str) -> Pair:
        a, b = event_pairs.pair_key(a, b)
        if (a, b) not in self._pairs:
            shares_passage = lambda: not self._runs(a).isdisjoint(self._runs(b))  # noqa: E731
            self._pairs[(a, b)] = compare(self.profiles[a], self.profiles[b], shares_passage)
        return self._pairs[(a, b)]

    def _runs(self, doc_id: str) -> frozenset[int]:
        if doc_id not in self._passages:
            self._passages[doc_id] = frozenset(runs(self._tokens(doc_id)[1]))
        return self._passages[doc_id]

    def _tokens(self, doc_id: str) -> tuple[str, Tokens]:
        if doc_id not in self._words:
            self._words[doc_id] = tokens(self.documents[doc_id])
        return self._words[doc_id]

    def postings(self, ids: Iterable[str], kind: str) -> dict[str, list[str]]:
        """Documents of `ids` by each person (kind "people") or number ("numbers") they give."""
        found: dict[str, list[str]] = {}
        for doc_id in ids:
            for key in getattr(self.profiles[doc_id], kind):
                found.setdefault(key, []).append(doc_id)
        return found

    def sharing(self, doc_id: str, postings: dict[str, list[str]], kind: str, least: int) -> set[str]:
        """Documents of `postings` with at least `least` of `doc_id`'s people or numbers."""
        counts = Counter(other for key in getattr(self.profiles[doc_id], kind) for other in postings.get(key, ()))
        return {other for other, count in counts.items() if count >= least and other != doc_id}

    def dated_cores(self) -> list[list[str]]:
        """Documents dated to the day, grouped by complete linkage (candidates: within the window)."""
        dated = sorted((p for p in self.profiles.values() if p.day), key=lambda p: (p.day, p.doc_id))
        days = [p.day.toordinal() for p in dated if p.day]
        links = []
        for i, a in enumerate(dated):
            for j in range(i + 1, len(dated)):
                if days[j] - days[i] > MAX_DAYS_APART:
                    break
                b = dated[j]
                if not a.people_ids.isdisjoint(b.people_ids) and (pair := self._telling_dated(a, b)):
                    links.append((pair.score, a.doc_id, b.doc_id))
                    self.telling_dated.append(pair)
        return complete_linkage([p.doc_id for p in dated], links)

    def _telling_dated(self, a: Profile, b: Profile) -> Pair | None:
        """The pair of two documents dated within the window, if telling (as the last grouping judged
        it when it compared these very profiles: entities/event_pairs.py)."""
        known, pair = self._known.verdict(a, b)
        if not known:
            pair = self.pair(a.doc_id, b.doc_id)
        elif pair is not None:
            self._pairs[event_pairs.pair_key(a.doc_id, b.doc_id)] = pair
        return pair if pair is not None and pair.telling else None

    def undated_groups(self, ids: list[str]) -> list[list[str]]:
        """Documents without a day date that joined no core, grouped when they share people and
        MIN_NUMBERS numbers (candidates: from the numbers, rarer than people)."""
        links, people, numbers = [], self.postings(ids, "people"), self.postings(ids, "numbers")
        for a in ids:
            close = self.sharing(a, numbers, "numbers", MIN_NUMBERS) & self.sharing(
                a, people, "people", UNDATED_MIN_PEOPLE
            )
            for b in sorted(b for b in close if b > a):
                if (pair := self.pair(a, b)).telling_undated and pair.said_alike:
                    links.append((pair.score, a, b))
        return complete_linkage(ids, links)

    def join(self, cores: list[list[str]]) -> dict[str, tuple[int, bool]]:
        """Documents without a day date -> (the core they join, whether its date fits their words)."""
        core_of = {doc_id: index for index, core in enumerate(cores) for doc_id in core}
        postings = self.postings(core_of, "people")
        joined = {}
        for doc_id, document in self.profiles.items():
            if document.day:
                continue
            close = self.sharing(doc_id, postings, "people", UNDATED_MIN_PEOPLE)
            candidates = sorted({core_of[m] for m in close if all(o in close for o in cores[core_of[m]])})
            options = sorted(
                ((option, index) for index in candidates if (option := self._fit(document, cores[index]))),
                key=lambda item: (item[0], -item[1]),
                reverse=True,
            )
            if options and (len(options) == 1 or options[1][0] < options[0][0]):  # a tie: which event?
                (fit, _), index = options[0]
                joined[doc_id] = (index, fit)
        return joined

    def _fit(self, document: Profile, core: list[str]) -> tuple[bool, int] | None:
        """(its weekday words fit the core's date, its weakest score), if it may join the core.
        The cheap tests first: people in common, the weekday, then the text's own words."""
        members = [self.profiles[m] for m in core]  # each shares UNDATED_MIN_PEOPLE people with it
        date = members[0].day  # the earliest: cores are listed by date
        assert date is not None
        fit = fits_weekday(document, date) and any(fits_weekday(m, date) for m in members)
        if not fit and any(len(document.numbers & m.numbers) < MIN_NUMBERS for m in members):
            return None
        if contradiction(document, date, _named(document) & {e for m in members for e in m.entities}):
            return None
        pairs = [self.pair(document.doc_id, m.doc_id) for m in members]
        pairs = [replace(p, weekday=True) if fit else p for p in pairs]  # it names the event's weekday
        if all(p.telling_undated for p in pairs):
            return fit, min(p.score for p in pairs)
        return None

    def event(self, members: list[str], core: list[str], inferred: set[str]) -> Event:
        documents = [self.documents[m] for m in members]
        dated = sorted((d for d in documents if d.analysis.date), key=lambda d: (d.analysis.date or "", d.doc_id))
        undated = [d for d in documents if not d.analysis.date]
        first = self.profiles[core[0]] if core else None
        notes = tuple((d.doc_id, self._date_note(d.doc_id, core, d.doc_id in inferred)) for d in undated if core)
        date, dated_by = (first.day.isoformat(), first.doc_id) if first and first.day else (None, None)
        if date is None and dated:  # stated to the month or year only: where the timeline shows the group
            date, dated_by = dated[0].analysis.date, dated[0].doc_id
        ordered = sorted(members)
        return Event(
            ordered[0],
            tuple(dated + undated),
            date,
            dated_by,
            frozenset(inferred),
            tuple(self.link(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]),
            notes,
        )

    def _date_note(self, doc_id: str, core: list[str], inferred: bool) -> str:
        """Why an undated member takes the core's date, or why it does not."""
        date = self.profiles[core[0]].day
        assert date is not None
        day, weekday = day_text(date), weekday_name(date)
        named = sorted(self.profiles[doc_id].weekdays)
        if inferred:
            return (
                f"its text names {weekday}; the related coverage is dated {day} ({core[0]}), "
                f"a {weekday}, and names that day too"
            )
        if not named:
            return f"its text names no weekday to confirm {day}"
        if date.weekday() not in named:
            days = " or ".join(WEEKDAY_KEYS[n].capitalize() for n in named)
            return f"its text names {days}, and {day} was a {weekday}"
        return f"no dated report names {weekday}, the weekday of {day}, as the day of the event"

    def link(self, a: str, b: str) -> Link:
        pair = self.pair(a, b)
        first = self.profiles[a]
        passage = shared_passage(*self._tokens(a), self._runs(b)) if pair.passage else None
        return Link(
            a,
            b,
            tuple(first.people[i] for i in first.people if i in pair.people),
            tuple(first.organisations[i] for i in first.organisations if i in pair.organisations),
            tuple(first.places[i] for i in first.places if i in pair.places),
            tuple(sorted(pair.numbers, key=lambda n: (float(n), n))),
            passage,
            when(pair),
        )


def _named(document: Profile) -> set[str]:
    return set(document.entities) | {e for _, named in document.past for e in named}


def timeline_events(events: list[Event]) -> list[Event]:
    """The events as the timeline lists them: a member that states no date and does not take its
    event's date is listed apart, undated (the timeline shows an event's date, marked inferred,
    beside each undated member)."""
    shown = []
    for event in events:
        apart = {d.doc_id for d in event.documents if not d.analysis.date and not event.inferred(d)}
        if not apart or not event.date:
            shown.append(event)
            continue
        shown.append(replace(event, documents=tuple(d for d in event.documents if d.doc_id not in apart)))
        shown += [Event(d.doc_id, (d,), None, None) for d in event.documents if d.doc_id in apart]
    return shown


def group_events(documents: list[Document]) -> list[Event]:
    """Groups of same-event documents, each document in exactly one."""
    grouping = _Grouping(documents)
    cores = grouping.dated_cores()
    joined = grouping.join(cores)
    members = [list(core) for core in cores]
    inferred: list[set[str]] = [set() for _ in cores]
    for doc_id, (index, fit) in joined.items():
        members[index].append(doc_id)
        if fit and not grouping.documents[doc_id].analysis.date:
            inferred[index].add(doc_id)
    rest = [doc_id for doc_id, p in grouping.profiles.items() if not p.day and doc_id not in joined]
    events = [grouping.event(m, core, found) for m, core, found in zip(members, cores, inferred, strict=True)]
    events += [grouping.event(group, [], set()) for group in grouping.undated_groups(rest)]
    event_pairs.keep(grouping.profiles, grouping.telling_dated)
    return sorted(events, key=lambda e: e.key)
