"""Entities of one document: who and what its cleaned text names, with every mention.

The knowledge-base matcher finds full names, aliases and variants; this stage adds what needs
the order of the text: a surname written alone refers to the person last named in full with
that surname in the same document (so two people who share a surname stay apart), and only
then to a knowledge-base alias. Removed boilerplate is never read.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.entities.matching import Match, Matcher, Token, clitic_forms, clitic_length, tokenize
from generator.model.document import Paragraph
from generator.model.entity import DocumentEntity, Entity, Mention


def find_entities(
    paragraphs: tuple[Paragraph, ...], matcher: Matcher, knowledge: dict[str, Entity]
) -> tuple[DocumentEntity, ...]:
    mentions: list[Mention] = []
    surnames: dict[str, str] = {}  # folded surname -> person last named in full with it
    for paragraph in paragraphs:
        tokens = tokenize(paragraph.text)
        for item in _in_order(tokens, matcher.find(paragraph.text, tokens)):
            mention: Mention | None
            if isinstance(item, Match):
                mention = _resolve(item, paragraph, knowledge, surnames)
            else:
                mention = _surname_alone(item, paragraph, surnames)
            if mention is not None:
                mentions.append(mention)
    by_entity: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_entity.setdefault(mention.entity_id, []).append(mention)
    return tuple(
        DocumentEntity(knowledge[entity_id], tuple(found), tuple(dict.fromkeys(m.text for m in found)))
        for entity_id, found in sorted(by_entity.items(), key=lambda item: (-len(item[1]), item[0]))
    )


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


def _resolve(match: Match, paragraph: Paragraph, knowledge: dict[str, Entity], surnames: dict[str, str]) -> Mention:
    entity_id, method = match.entity_id, match.method
    if len(match.name_tokens) == 1 and match.name_tokens[0] in surnames:
        entity_id, method = surnames[match.name_tokens[0]], "partial"  # «حفتر» after «صدام حفتر»
    elif knowledge[entity_id].type == "person" and len(match.name_tokens) >= 2:
        surnames[match.name_tokens[-1]] = entity_id
        last_written = tokenize(paragraph.text[match.start : match.end])[-1].key
        surnames[last_written] = entity_id  # the document's own spelling
    return Mention(entity_id, paragraph.key, match.start, match.end, paragraph.text[match.start : match.end], method)


def _surname_alone(token: Token, paragraph: Paragraph, surnames: dict[str, str]) -> Mention | None:
    """A surname written alone, exactly as the knowledge base or this document spelled it in full."""
    for form in clitic_forms(token.key):
        entity_id = surnames.get(form)
        if entity_id is not None:
            start = token.start + (clitic_length(paragraph.text, token, form) if form != token.key else 0)
            return Mention(entity_id, paragraph.key, start, token.end, paragraph.text[start : token.end], "partial")
    return None
