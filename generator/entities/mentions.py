"""Entities of one document: who and what its cleaned text names, with every mention.

The knowledge-base matcher finds full names, aliases and variants; this stage adds what needs
the order of the text:
  * a surname written alone refers to the person last named in full with that surname in the
    same document, and only when none was to a knowledge-base alias;
  * a known person's surname right after another given name is another person
    (`entities.relatives`): «صدام حفتر» is not Khalifa Haftar. It is linked to no one, a surname
    alone after it refers to no known person either (the person last named in full is unknown),
    and `read_entities` returns it as a `SharedSurname` (the known person, the span, as written)
    so that the new-name finder can offer it with its relation.
Removed boilerplate is never read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple
from weakref import WeakKeyDictionary

from generator.entities.matching import CONTEXT_THRESHOLD, Match, Matcher, Token, clitic_forms, clitic_length, tokenize
from generator.entities.relatives import Page, People, SharedSurname, given_name
from generator.entities.variants import ARTICLE, MIN_LENGTH, token_score, without_article
from generator.model.document import Paragraph
from generator.model.entity import DocumentEntity, Entity, Mention

__all__ = ["EntityReading", "SharedSurname", "find_entities", "outside_names", "read_entities"]

_PEOPLE: WeakKeyDictionary[Matcher, People] = WeakKeyDictionary()  # compiled once per matcher


class EntityReading(NamedTuple):
    entities: tuple[DocumentEntity, ...]
    shared_surnames: tuple[SharedSurname, ...]  # in reading order


def find_entities(
    paragraphs: tuple[Paragraph, ...], matcher: Matcher, knowledge: dict[str, Entity], language: str | None = None
) -> tuple[DocumentEntity, ...]:
    return read_entities(paragraphs, matcher, knowledge, language).entities


def read_entities(
    paragraphs: tuple[Paragraph, ...], matcher: Matcher, knowledge: dict[str, Entity], language: str | None = None
) -> EntityReading:
    """The document's entities with every mention, and the names that share a known person's surname.
    `language`, when known, keeps names listed only in Persian out of other documents."""
    reader = _Reader(_people(matcher, knowledge), knowledge, Page(paragraphs))
    for paragraph in paragraphs:
        tokens = tokenize(paragraph.text)
        found = [m for m in matcher.find(paragraph.text, tokens) if _readable_in(m, language, knowledge)]
        reader.read(paragraph, tokens, _in_order(tokens, found))
    by_entity: dict[str, list[Mention]] = {}
    for mention in reader.mentions:
        by_entity.setdefault(mention.entity_id, []).append(mention)
    entities = tuple(
        DocumentEntity(knowledge[entity_id], tuple(found), tuple(dict.fromkeys(m.text for m in found)))
        for entity_id, found in sorted(by_entity.items(), key=lambda item: (-len(item[1]), item[0]))
    )
    return EntityReading(entities, tuple(reader.shared))


def _people(matcher: Matcher, knowledge: dict[str, Entity]) -> People:
    people = _PEOPLE.get(matcher)
    if people is None:
        people = _PEOPLE[matcher] = People(list(knowledge.values()))
    return people


def _in_order(tokens: Sequence[Token], matches: list[Match]) -> list[Match | Token]:
    """Matches and the tokens outside them, in reading order (both lists are in order already)."""
    items: list[Match | Token] = []
    pending = iter(matches)
    match = next(pending, None)
    for token in tokens:
        while match is not None and match.end <= token.start:
            items.append(match)
            match = next(pending, None)
        if match is None or token.end <= match.start:
            items.append(token)
        elif match.start <= token.start < match.end or token.start <= match.start < token.end:
            continue  # inside a match
    items.extend([match] if match is not None else [])
    items.extend(pending)
    return items


class _Reader:
    """Reads a document's paragraphs in order, remembering who each surname refers to."""

    def __init__(self, people: People, knowledge: dict[str, Entity], page: Page) -> None:
        self.people, self.knowledge, self.page = people, knowledge, page
        self.surnames: dict[str, str | None] = {}  # folded surname -> person last named in full (None: unknown)
        self.mentions: list[Mention] = []
        self.shared: list[SharedSurname] = []

    def read(self, paragraph: Paragraph, tokens: Sequence[Token], items: list[Match | Token]) -> None:
        for j, item in enumerate(items):
            if isinstance(item, Match):
                mention = self._match(item, paragraph)
                surname = mention is not None and self.people.is_surname(mention.entity_id, item.name_tokens)
            else:
                mention = self._alone(item, paragraph)
                surname = True
            if mention is None:
                continue
            after_word = surname and j > 0 and isinstance(items[j - 1], Token)
            if after_word and mention.method in ("exact", "partial") and self._shared(mention, paragraph, tokens):
                continue
            self.mentions.append(mention)

    def _match(self, match: Match, paragraph: Paragraph) -> Mention | None:
        entity_id: str | None = match.entity_id
        method, text = match.method, paragraph.text[match.start : match.end]
        if len(match.name_tokens) == 1 and match.name_tokens[0] in self.surnames:
            entity_id, method = self.surnames[match.name_tokens[0]], "partial"  # «حفتر» after «خليفة حفتر»
        elif self.knowledge[match.entity_id].type == "person" and not self.people.is_surname(
            match.entity_id, match.name_tokens
        ):
            written = tokenize(text)[-1].key  # the document's own spelling too, unless a split («باش آغا»)
            spelled = token_score(written, match.name_tokens[-1], True, MIN_LENGTH) >= CONTEXT_THRESHOLD
            for key in (match.name_tokens[-1], written) if spelled else match.name_tokens[-1:]:
                self._remember(key, match.entity_id)
        if entity_id is None:
            return None  # the surname of someone the knowledge base does not know
        return Mention(entity_id, paragraph.key, match.start, match.end, text, method)

    def _remember(self, key: str, entity_id: str | None) -> None:
        """Who the surname refers to from now on, with and without the article («النمروش», «نمروش»)."""
        bare = without_article(key)
        for form in (key, bare, ARTICLE + bare) if not bare.isascii() else (key, bare):
            self.surnames[form] = entity_id

    def _alone(self, token: Token, paragraph: Paragraph) -> Mention | None:
        """A surname written alone, exactly as the knowledge base or this document spelled it in full."""
        if not self.surnames:
            return None
        for form in clitic_forms(token.key):
            if form in self.surnames:
                entity_id = self.surnames[form]
                if entity_id is None:
                    return None
                start = token.start + (clitic_length(paragraph.text, token, form) if form != token.key else 0)
                return Mention(entity_id, paragraph.key, start, token.end, paragraph.text[start : token.end], "partial")
        return None

    def _shared(self, mention: Mention, paragraph: Paragraph, tokens: Sequence[Token]) -> bool:
        """Is this surname written after another given name? Then it is another person: record it."""
        k = bisect_left(tokens, mention.start, key=lambda token: token.start)
        if k == 0 or k == len(tokens) or tokens[k].start != mention.start:
            return False  # a clitic was left out: «وحفتر» is "and Haftar"
        before = tokens[k - 1]
        if paragraph.text[before.end : mention.start].strip():
            return False  # punctuation between: «صدام، حفتر» is a list
        form = given_name(self.people, self.page, paragraph.text, tokens, k - 1)
        if form is None or self.people.is_own_given_name(mention.entity_id, form):
            return False
        start = before.start + (clitic_length(paragraph.text, before, form) if form != before.key else 0)
        text = paragraph.text[start : mention.end]
        self.shared.append(SharedSurname(mention.entity_id, paragraph.key, start, mention.end, text))
        self._remember(tokenize(mention.text)[-1].key, None)
        return True


def _readable_in(match: Match, language: str | None, knowledge: dict[str, Entity]) -> bool:
    """A name the knowledge base lists only in Persian is not read in a document in another language:
    folded, the Persian «ترکیه» (Turkey) is the Arabic adjective «تركية» (Turkish)."""
    if language in (None, "fa"):
        return True
    entity = knowledge.get(match.entity_id)
    if entity is None or not entity.names.get("fa"):
        return True
    persian = {_name_key(name) for name in entity.names["fa"]}
    listed_elsewhere = [entity.name, *entity.aliases,
                        *(name for code, names in entity.names.items() if code != "fa" for name in names)]  # fmt: skip
    others = {_name_key(name) for name in listed_elsewhere}
    return match.name_tokens not in persian or match.name_tokens in others


@lru_cache(maxsize=50_000)  # the knowledge base's names, asked for at every match
def _name_key(name: str) -> tuple[str, ...]:
    return tuple(token.key for token in tokenize(name))


def outside_names(
    entities: tuple[DocumentEntity, ...], paragraphs: tuple[Paragraph, ...], names: tuple[str, ...]
) -> tuple[DocumentEntity, ...]:
    """The entities without their mentions inside a longer name that is not theirs (the outlet's:
    «ليبيا الغد», "Libya Observer" name a newspaper, not Libya); an entity left unnamed is dropped."""
    spans = {
        p.key: sorted((m.start(), m.end()) for name in names if name for m in re.finditer(re.escape(name), p.text))
        for p in paragraphs
    }
    starts = {key: [s for s, _ in found] for key, found in spans.items()}
    longest = max((len(name) for name in names), default=0)

    def inside(mention: Mention) -> bool:
        """Within a longer name: only names that start at most `longest` before its end can hold it
        (a paragraph may be a whole article on one line, naming the outlet again and again)."""
        found, at = spans.get(mention.paragraph, []), starts.get(mention.paragraph, [])
        first, last = bisect_left(at, mention.end - longest), bisect_right(at, mention.start)
        return any(
            s <= mention.start and mention.end <= e and e - s > mention.end - mention.start
            for s, e in found[first:last]
        )

    kept = []
    for found in entities:
        mentions = tuple(m for m in found.mentions if not inside(m))
        if mentions:
            kept.append(replace(found, mentions=mentions, names_written=tuple(dict.fromkeys(m.text for m in mentions))))
    return tuple(kept)
