"""Outlet candidates: a name read at one place of a page, and when two name one outlet.

A name is a few words, no year, not an unnamed source («وكالات», "agencies", "staff"; the
vocabulary is generator/data/outlets.yml) nor a news desk (boilerplate.yml's desks); an Arabic name
loses the preposition «لـ» glued to it («محفوظة لشبكة …»). Two candidates name one outlet when their
words are the same but for media nouns («ایرنا» / «خبرگزاری ایرنا»), when one is the other's abbreviation
("AA" / "Anadolu Ajansı (AA)"), or when the scrape cut one's first letter (`وج` / «أوج»).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from generator.model.entity import Entity
from generator.stages.lexicon import lexicon
from generator.text.inputs import load_yaml
from generator.text.normalise import fold, line_key

MAX_NAME_WORDS = 6
QUOTES = "«»\"“”„‘’'"
ABBREVIATION_RE = re.compile(r"^[A-Z][A-Z&]{1,5}$")
TRAILING_ABBREVIATION_RE = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,5})\)\s*$")
SUFFIX_RE = re.compile(r"['’][^\W\d_]{1,4}$")  # Turkish case endings and English possessives
DIGITS_RE = re.compile(r"\d")
INNER_QUOTES_RE = re.compile('[«»"“”„]')
LATIN_WORD = r"[A-ZÇĞİÖŞÜ][\w&'’.-]*"  # a capitalised word of a name in Latin script


@dataclass(frozen=True)
class Candidate:
    name: str
    abbreviation: str | None
    position: str  # a key of TIER
    line: int
    text: str  # the line or paragraph it was read from
    completed: bool = False  # the scrape cut the name; the knowledge base's spelling is used


@dataclass(frozen=True)
class Known:
    """What the knowledge base knows: media names (folded -> as written) and place names (folded)."""

    media: dict[str, str] = field(default_factory=dict)
    places: frozenset[str] = frozenset()

    def media_name(self, name: str) -> tuple[str, bool] | None:
        """The knowledge base's spelling of a media name, and whether the text had lost its first letter."""
        key = line_key(name)
        if key in self.media:
            return name, False
        cut = next((written for k, written in self.media.items() if len(key) >= 2 and k[1:] == key), None)
        return (cut, True) if cut else None


def known_names(entities: Iterable[Entity]) -> Known:
    media: dict[str, str] = {}
    places: set[str] = set()
    for entity in entities:
        keys = {line_key(name) for name in entity.matchable_names()}
        if entity.subtype == "media":  # each key with its first spelling: English, then Arabic …
            for name in entity.matchable_names():
                media.setdefault(line_key(name), name)
        elif entity.type == "place":
            places.update(keys)
    return Known(media, frozenset(places))


@dataclass(frozen=True)
class Vocabulary:
    generic: frozenset[str]
    generic_first: frozenset[str]
    staff_roles: tuple[str, ...]
    marks: tuple[str, ...]
    rights: tuple[str, ...]
    connectors: tuple[str, ...]
    media_nouns: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_yaml(resources.files("generator").joinpath("data/outlets.yml").read_text("utf-8"))

    def folded(key: str) -> tuple[str, ...]:
        return tuple(sorted({line_key(p) for p in data[key]}, key=len, reverse=True))

    return Vocabulary(
        frozenset(folded("generic")),
        frozenset(folded("generic_first_words")),
        folded("staff_roles"),
        tuple(fold(m) for m in data["copyright_marks"]),
        folded("rights_phrases"),
        folded("connectors"),
        frozenset(folded("media_nouns")),
    )


def candidate(name: str, position: str, line: int, text: str, completed: bool = False) -> Candidate | None:
    """A candidate if `name` is a name: a few words, no year, not an unnamed source."""
    name = " ".join(INNER_QUOTES_RE.sub(" ", name).strip().strip(QUOTES + " -–—|:.,،؛").split())
    abbreviation = None
    if match := TRAILING_ABBREVIATION_RE.search(name):
        name, abbreviation = name[: match.start()], match.group(1)
    name = _without_clitic(SUFFIX_RE.sub("", name.strip(QUOTES + " ")).strip(QUOTES + " "))
    if ABBREVIATION_RE.match(name):
        abbreviation = name
    key = line_key(name)
    vocab = vocabulary()
    if (
        not key
        or sum(ch.isalpha() for ch in name) < 2
        or len(key.split()) > MAX_NAME_WORDS
        or DIGITS_RE.search(name)
        or key in vocab.generic
        or key in lexicon().desks  # "News Desk", «قسم الأخبار»: a byline naming no one
        or key.split()[0] in vocab.generic_first
    ):
        return None
    return Candidate(name, abbreviation, position, line, text, completed)


def _without_clitic(name: str) -> str:
    """An Arabic name read with the preposition «لـ» glued to it («محفوظة لشبكة …», «للموقع …»):
    the name without it, when what follows is a media noun or a word with the article."""
    first = name.split(" ", 1)[0]
    if len(first) < 4 or first[0] != "ل":
        return name
    if first.startswith("لل"):  # «للموقع» = «لـ» + «الموقع»
        return "ا" + name[1:]
    return name[1:] if line_key(first[1:]) in vocabulary().media_nouns else name


@lru_cache(maxsize=10_000)
def key(name: str) -> str:
    """Matching key: folded words, without "the" and the abbreviation in brackets."""
    words = line_key(re.sub(r"\([^)]*\)", " ", name)).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def same(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates name one outlet: the same words, but for media nouns ("Anadolu" /
    "Anadolu Ajansı"); an abbreviation and its name ("AA" / "Anadolu Ajansı (AA)"); a name and
    the same name cut of its first letter by the scrape."""
    ka, kb = key(a.name), key(b.name)
    if ka == kb:
        return True
    wa, wb = set(ka.split()), set(kb.split())
    if (wa < wb or wb < wa) and (wa ^ wb) <= vocabulary().media_nouns:
        return True
    for x, y, ky in ((a, b, kb), (b, a, ka)):
        if x.abbreviation and (x.abbreviation == y.abbreviation or fold(x.abbreviation) == _initials(ky)):
            return True
    return (len(ka) >= 2 and kb[1:] == ka) or (len(kb) >= 2 and ka[1:] == kb)


def _initials(folded_key: str) -> str:
    return "".join(w[0] for w in folded_key.split() if w not in ("of", "and", "the"))
