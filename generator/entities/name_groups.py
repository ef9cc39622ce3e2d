"""New names across documents: one candidate's spellings in every document and script, grouped.

Each document lists its own new names (entities/names.py). Here the spellings of one name are
brought together: equal when folded («هاكان فيدان», «هاکان فیدان»), or alike in consonant skeleton
across scripts («هاكان فيدان», "Hakan Fidan"; entities/transliterate.py, compared with rapidfuzz).
Groups are ranked by evidence: the documents that name them, then the weight of their signals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from generator.entities.names import SIGNAL_ORDER
from generator.entities.transliterate import MIN_LENGTH, same_name, spelling_key
from generator.model.entity import NewName
from generator.text.normalise import fold, words

LATIN_FIRST = ("en", "tr")  # the languages whose spelling is shown first (the site's names are English)
PREFILTER = 60.0  # skeletons less alike than this are never one name (so not compared part by part)


@dataclass(frozen=True)
class NameSighting:
    doc_id: str
    language: str
    direction: str  # "rtl" or "ltr"
    new_name: NewName


@dataclass(frozen=True)
class NameGroup:
    name: str  # the spelling to show and to accept: a Latin one when a document wrote it so
    spellings: dict[str, tuple[str, ...]]  # language -> spellings as written, most frequent first
    sightings: tuple[NameSighting, ...]  # each document once (its first sighting), in the order given
    signals: tuple[str, ...]  # every signal seen, in entities/names.py's order
    score: int  # the best document's score

    @property
    def documents(self) -> int:
        return len(self.sightings)

    @property
    def titles(self) -> tuple[str, ...]:
        """The titles and verbs written next to it, each once."""
        return tuple(dict.fromkeys(s.new_name.title for s in self.sightings if s.new_name.title))


def name_key(name: str) -> str:
    return " ".join(fold(word) for word in words(name))


def group_new_names(sightings: Iterable[NameSighting]) -> list[NameGroup]:
    """The new names of all documents, one group per name, most documents first."""
    items = list(sightings)
    keys = [(name_key(s.new_name.name), spelling_key(s.new_name.name, s.language)) for s in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, (key, spelling) in enumerate(keys):
        joins = (f"k:{key}", f"s:{spelling.full}", f"u:{spelling.unvoiced}") if spelling.full else (f"k:{key}",)
        for join in joins:
            parent[root(i)] = root(first.setdefault(join, i))
    spellings = {spelling.full: spelling for _, spelling in keys if len(spelling.full) >= MIN_LENGTH}
    fulls = sorted(spellings)
    for full in fulls:  # somewhat alike as a whole (rapidfuzz, in C), then part by part
        for other, _, _ in process.extract(full, fulls, scorer=fuzz.ratio, score_cutoff=PREFILTER, limit=None):
            if same_name(spellings[full], spellings[other]):
                parent[root(first[f"s:{other}"])] = root(first[f"s:{full}"])
    members: dict[int, list[NameSighting]] = {}
    for i, item in enumerate(items):
        members.setdefault(root(i), []).append(item)
    groups = [_group(found) for found in members.values()]
    return sorted(groups, key=lambda g: (-g.documents, -g.score, g.name.casefold()))


def _group(found: list[NameSighting]) -> NameGroup:
    counts = Counter((s.language, s.new_name.name) for s in found)
    spellings: dict[str, tuple[str, ...]] = {}
    for (language, name), _ in counts.most_common():
        spellings[language] = (*spellings.get(language, ()), name)
    latin = [name for language in LATIN_FIRST for name in spellings.get(language, ())]
    shown = latin[0] if latin else counts.most_common(1)[0][0][1]
    by_document: dict[str, NameSighting] = {}
    for sighting in found:
        by_document.setdefault(sighting.doc_id, sighting)
    seen = {signal for s in found for signal in s.new_name.signals}
    return NameGroup(
        name=shown,
        spellings=dict(sorted(spellings.items())),
        sightings=tuple(by_document.values()),
        signals=tuple(s for s in SIGNAL_ORDER if s in seen),
        score=max(s.new_name.score for s in found),
    )


def find_group(groups: Iterable[NameGroup], name: str, language: str = "") -> NameGroup | None:
    """The group an editor means by `name`: one of its spellings, folded, or failing that the
    group whose skeleton is most alike (at least as alike as a group's own spellings)."""
    groups = list(groups)
    key = name_key(name)
    for group in groups:
        if any(name_key(spelling) == key for spellings in group.spellings.values() for spelling in spellings):
            return group
    wanted = spelling_key(name, language)
    best: tuple[float, NameGroup] | None = None
    for group in groups:
        for spelling, written_in in ((s, lang) for lang, spellings in group.spellings.items() for s in spellings):
            theirs = spelling_key(spelling, written_in)
            score = fuzz.ratio(wanted.full, theirs.full)
            if same_name(wanted, theirs) and (best is None or score > best[0]):
                best = (score, group)
    return best[1] if best else None
