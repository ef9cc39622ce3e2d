"""People who share a known person's surname.

A known person's surname (an alias, or the last part of one of the person's names) written right
after another given name names another person: «صدام حفتر» and "Saddam Hafter" are not Khalifa
Haftar. The word before the surname counts as a given name when it is
  * in Latin script: capitalised, not an acronym, and not a function word, a title or honorific,
    a month or weekday, or a word of another knowledge-base name; at the start of a sentence,
    where every word is capitalised, not a word the document also writes in lower case;
  * in Arabic script, which has no capitals: a common given name (data/given_names.yml), a given
    name of a known person, or the word right after a title («الفريق بلقاسم حفتر»);
and it is not one of the person's own given names, nor a spelling of one (`entities.variants`).
`mentions.py` links no such span to the person and hands it on as a `SharedSurname` for the
new-name finder ("Saddam Hafter", sharing the surname of Khalifa Haftar).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from rapidfuzz import fuzz

from generator.entities.knowledge import stop_words
from generator.entities.time_words import vocabulary as time_vocabulary
from generator.entities.time_words import weekdays
from generator.entities.tokens import Token, clitic_forms, tokenize
from generator.entities.variants import canonical_name, given_names, without_article
from generator.model.document import Paragraph
from generator.model.entity import Entity
from generator.text.inputs import load_yaml
from generator.text.normalise import fold

_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
OWN_NAME_SIMILARITY = 85.0  # a spelling of the person's own given name (the matcher's FUZZY_THRESHOLD)
_SENTENCE_ENDS = frozenset(".!?؟…:;\"'«»“”‘’()[]{}-–—|•·")


@dataclass(frozen=True)
class SharedSurname:
    """A name written with a known person's surname and another given name: not that person."""

    entity_id: str  # the known person whose surname it shares
    paragraph: str  # paragraph key
    start: int  # where the given name begins (clitics left out)
    end: int  # where the surname ends
    text: str  # as written: «صدام حفتر», "Saddam Hafter"


@lru_cache(maxsize=1)
def _title_vocabulary() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """(every title of data/titles.yml as folded tokens, its honorifics and office qualifiers)."""
    data = load_yaml(resources.files("generator").joinpath("data/titles.yml").read_text("utf-8"))
    phrases = tuple(p for title in data.get("titles") or [] if (p := tuple(t.key for t in tokenize(title))))
    return phrases, frozenset(fold(word) for key in ("honorifics", "qualifiers") for word in data.get(key) or [])


class People:
    """What the knowledge base says about its people's names, compiled once per matcher."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        phrases, office_words = _title_vocabulary()
        self.surnames: dict[str, frozenset[tuple[str, ...]]] = {}  # person -> its names' proper endings
        self.own: dict[str, frozenset[str]] = {}  # person -> its given names, folded and canonical
        other_words: set[str] = set()
        for entity in entities:
            names = [tuple(t.key for t in tokenize(name)) for name in entity.matchable_names()]
            other_words.update(key for name in names for key in name)
            if entity.type == "person":
                self.surnames[entity.id] = frozenset(name[k:] for name in names for k in range(1, len(name)))
                self.own[entity.id] = frozenset(self._given_keys(entity))
        known_given = {key for keys in self.own.values() for key in keys}
        self.arabic_given = frozenset(given_names()) | {key for key in known_given if not key.isascii()}
        phrases += tuple(p for e in entities for title in e.titles if (p := tuple(t.key for t in tokenize(title))))
        self.titles: dict[str, set[tuple[str, ...]]] = {}  # last folded token -> titles ending with it
        for phrase in phrases:
            self.titles.setdefault(phrase[-1], set()).add(phrase)
        title_words = frozenset(key for phrase in phrases for key in phrase) | office_words
        months = frozenset(time_vocabulary().months)
        self.not_given = stop_words() | title_words | months | frozenset(other_words - known_given)

    def title_before(self, text: str, tokens: Sequence[Token], k: int) -> bool:
        """Does a title end right before token k, with nothing but space between («الفريق صدام»)?"""
        if k == 0 or text[tokens[k - 1].end : tokens[k].start].strip():
            return False
        for phrase in self.titles.get(tokens[k - 1].key, ()):
            n = len(phrase)
            start = k - n
            written = start >= 0 and all(tokens[start + i].key == phrase[i] for i in range(1, n))
            if written and phrase[0] in clitic_forms(tokens[start].key):
                return True
        return False

    @staticmethod
    def _given_keys(entity: Entity) -> set[str]:
        keys = set()
        for name in entity.matchable_names():
            canon, tokens = canonical_name(name), tokenize(name)
            if len(canon) < 2:
                continue
            keys |= {c.key for c in canon[:-1]} | {"".join(c.key for c in canon[:-1])}
            keys |= {t.key for t in tokens[: canon[-1].first]} | {
                without_article(t.key) for t in tokens[: canon[-1].first]
            }
        return keys

    def is_surname(self, entity_id: str, name_tokens: tuple[str, ...]) -> bool:
        """Is this name of the person its surname alone («حفتر», «أبو حالية», "al-Namroush")?"""
        endings = self.surnames.get(entity_id)
        return endings is not None and (len(name_tokens) == 1 or name_tokens in endings)

    def is_own_given_name(self, entity_id: str, key: str) -> bool:
        own = self.own.get(entity_id, frozenset())
        forms = {f for form in clitic_forms(key) for f in (form, without_article(form))}
        return bool(forms & own) or any(fuzz.ratio(f, g) >= OWN_NAME_SIMILARITY for f in forms for g in own)


@dataclass
class Page:
    """One document's text, for evidence that needs more than one sentence."""

    paragraphs: tuple[Paragraph, ...]

    @cached_property
    def lowercase(self) -> frozenset[str]:
        """Latin words the document writes in lower case somewhere: common words, not names."""
        return frozenset(
            token.key
            for paragraph in self.paragraphs
            for token in tokenize(paragraph.text)
            if paragraph.text[token.start].islower()
        )


def sentence_initial(text: str, token: Token) -> bool:
    before = text[: token.start].rstrip()
    return not before or before[-1] in _SENTENCE_ENDS


def given_name(people: People, page: Page, text: str, tokens: Sequence[Token], k: int) -> str | None:
    """The form of token k (clitics left out) if it is a given name, else None."""
    token = tokens[k]
    written = text[token.start : token.end]
    if any(ch.isdigit() for ch in written) or weekdays(token.key):
        return None
    forms = clitic_forms(token.key)
    if any(form in people.not_given for form in forms):
        return None
    if _LATIN_RE.match(written):
        if not written[0].isupper() or (len(written) > 1 and written.isupper()):
            return None
        if sentence_initial(text, token) and token.key in page.lowercase:
            return None  # "Görüşmede Hafter": a common word, capitalised as the sentence begins
        return token.key
    for form in forms:
        if form in people.arabic_given:
            return form
    return token.key if people.title_before(text, tokens, k) and not token.key.startswith("ال") else None
