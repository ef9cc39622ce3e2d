"""Verdicts on pairs of dated documents, kept from one grouping of events to the next.

The live preview regroups every document on each save, and comparing the pairs of documents dated
within days of each other is most of that work (about 490,000 pairs at 5,000 synthetic documents,
80% of the grouping). A save changes a few documents: the pairs of the others are judged as before.

A verdict is reused only when both documents' profiles are the very objects the last grouping
compared. A profile is made once per document object (`events.event_profile`) and an edited
document is a new object, so its pairs are compared again. The last grouping compared every pair
of dated documents within the window that share a person, and whether a pair is such a candidate
depends on its two profiles alone: a pair of unchanged profiles that is not among the kept telling
pairs was compared and found not telling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.entities.event_evidence import Profile
from generator.entities.event_links import Pair


@dataclass(frozen=True)
class KnownPairs:
    """One grouping's profiles by document id and its telling pairs of dated documents."""

    profiles: Mapping[str, Profile] = field(default_factory=dict)
    telling: Mapping[tuple[str, str], Pair] = field(default_factory=dict)  # by (first id, second id), sorted

    def verdict(self, a: Profile, b: Profile) -> tuple[bool, Pair | None]:
        """(whether this grouping judged the pair of these very profiles, the pair if it was telling)."""
        if self.profiles.get(a.doc_id) is not a or self.profiles.get(b.doc_id) is not b:
            return False, None
        return True, self.telling.get(pair_key(a.doc_id, b.doc_id))


# The last grouping's, replaced whole (a grouping reads it once as it starts: the preview's head start
# may group in another thread while a save's build groups).
_last = [KnownPairs()]


def last() -> KnownPairs:
    return _last[0]


def keep(profiles: Mapping[str, Profile], telling_dated: Iterable[Pair]) -> None:
    """After a grouping that judged every candidate pair of dated documents: its profiles and the pairs
    of dated documents it found telling, for the next grouping."""
    telling = {pair_key(p.first.doc_id, p.second.doc_id): p for p in telling_dated}
    _last[0] = KnownPairs(dict(profiles), telling)


def pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
