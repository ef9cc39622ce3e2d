"""Letter forms: where two spellings that fold alike differ, named from the characters themselves.

Arabic script has letters that are different characters but look alike, often identical inside a
word: Arabic ك (kaf) and Persian ک (keheh), Arabic ي and Persian ی, ة and ه, alef with or without
hamza or madda. Matching and search treat them as one letter (normalise.py's folding table, the
one home of which letters fold together); a reader who sees آكار and آکار side by side needs to
be told what differs. This finds it: the spellings are split into letters (a character with its
combining marks) and aligned on their folded forms, and each difference is named by code point
and Unicode name. Nothing here lists letters: a new pair in the folding table is explained too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from generator.text.normalise import fold

# Unicode names begin with their script ("ARABIC LETTER KEHEH"); on a page, "keheh" says it.
_NAME_PREFIXES = ("arabic letter ", "arabic ")


@dataclass(frozen=True)
class LetterForm:
    """One way of writing a letter: one character, or a letter with its combining marks."""

    text: str
    used_in: tuple[str, ...] = ()  # labels of the spellings that write it so (languages), when known

    @property
    def code_points(self) -> str:
        """ "U+06A9"; "U+0627 U+0654" for a letter written with a combining mark."""
        return " ".join(f"U+{ord(c):04X}" for c in self.text)

    @property
    def name(self) -> str:
        """ "keheh", "farsi yeh", "alef + hamza above", "zero width non-joiner"."""
        return " + ".join(_short_name(c) for c in self.text)

    @property
    def visible(self) -> bool:
        """False for a character that shows nothing on its own (ZWNJ, a direction mark)."""
        return any(unicodedata.category(c)[0] in "LMN" for c in self.text)


def _short_name(character: str) -> str:
    name = unicodedata.name(character, "").lower()
    for prefix in _NAME_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name or f"U+{ord(character):04X}"


def letters(text: str) -> list[str]:
    """The text as letters: each character with the combining marks that follow it."""
    found: list[str] = []
    for character in text:
        if found and unicodedata.combining(character):
            found[-1] += character
        else:
            found.append(character)
    return found


def differences(a: str, b: str) -> list[tuple[str, str]]:
    """Where two spellings that fold alike differ, in order, each difference once: [("ك", "ک")] for
    آكار and آکار. A letter one spelling has and the other leaves out (ZWNJ, tatweel) is paired
    with "". [] when the spellings are the same or fold differently."""
    if a == b or fold(a) != fold(b):
        return []
    ours, theirs = [(x, fold(x)) for x in letters(a)], [(x, fold(x)) for x in letters(b)]
    if "".join(f for _, f in ours) != fold(a) or "".join(f for _, f in theirs) != fold(b):
        return [(a, b)]  # folding that spans letters (none today): name the spellings whole
    found: dict[tuple[str, str], None] = {}
    i = j = 0
    while i < len(ours) or j < len(theirs):
        i, j, pair = _next_difference(ours, theirs, i, j)
        if pair:
            found.setdefault(pair, None)
    return list(found)


def _next_difference(
    ours: list[tuple[str, str]], theirs: list[tuple[str, str]], i: int, j: int
) -> tuple[int, int, tuple[str, str] | None]:
    """One aligned step from letters i and j: the positions after it and the difference, if any."""
    left = ours[i] if i < len(ours) else None
    right = theirs[j] if j < len(theirs) else None
    if left and right and left[0] == right[0]:
        return i + 1, j + 1, None
    if left and (left[1] == "" or right is None):  # a letter that folds to nothing, on our side
        return i + 1, j, (left[0], "")
    if right and (right[1] == "" or left is None):
        return i, j + 1, ("", right[0])
    assert left and right
    # Letters whose folded forms together are the same text: one letter each, or more on one side
    # when a letter folds to several (ﻻ to لا).
    ours_text, theirs_text, folded_ours, folded_theirs = left[0], right[0], left[1], right[1]
    i, j = i + 1, j + 1
    while folded_ours != folded_theirs:
        if len(folded_ours) < len(folded_theirs):
            ours_text, folded_ours, i = ours_text + ours[i][0], folded_ours + ours[i][1], i + 1
        else:
            theirs_text, folded_theirs, j = theirs_text + theirs[j][0], folded_theirs + theirs[j][1], j + 1
    return i, j, None if ours_text == theirs_text else (ours_text, theirs_text)


def letter_forms(spellings: Mapping[str, Iterable[str]]) -> list[tuple[LetterForm, ...]]:
    """The letter forms spellings differ by, among those that fold alike: one group per letter (the
    forms that fold together, in code point order), groups in order of first difference.
    `spellings` maps a label (a language; "" for none) to spellings; each form carries the labels
    of the spellings that write it where another spelling writes it differently."""
    labels: dict[str, set[str]] = {}
    for label, written in spellings.items():
        for spelling in written:
            labels.setdefault(spelling, set()).update({label} - {""})
    groups: dict[str, dict[str, set[str]]] = {}
    for a, b in combinations(labels, 2):
        for ours, theirs in differences(a, b):
            key = fold(ours or theirs) or (ours or theirs)
            group = groups.setdefault(key, {})
            for text, spelling in ((ours, a), (theirs, b)):
                if text:
                    group.setdefault(text, set()).update(labels[spelling])
    return [
        tuple(LetterForm(text, tuple(sorted(group[text]))) for text in sorted(group, key=lambda t: [ord(c) for c in t]))
        for group in groups.values()
    ]
