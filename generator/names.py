"""New names: people the knowledge base does not know yet, found by the titles written before them.

«وزير الخارجية التركي مولود جاويش أوغلو» -> "مولود جاويش أوغلو": after a title, words naming the
office (an «ال» word, a listed qualifier) are skipped, then two name words are taken, three when
the name is compound. Candidates that overlap a known entity's mention are not new. Editors see
the list (with the sentence) in `microsite check` and on the editors' page.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .entities import DocumentEntity
from .ingest import load_yaml
from .matching import Token, clitic_forms, tokenize
from .model import Paragraph
from .summarise import split_sentences
from .textnorm import fold

MAX_QUALIFIERS = 5


@dataclass(frozen=True)
class NewName:
    name: str                   # as written
    title: str                  # the title before it, as written
    paragraph: str
    sentence: str


@dataclass(frozen=True)
class _Vocabulary:
    titles: dict[str, tuple[tuple[str, ...], ...]]   # first folded token -> title token sequences, longest first
    qualifiers: frozenset[str]
    stop: frozenset[str]
    connectors: frozenset[str]
    suffixes: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    data = load_yaml(resources.files("generator").joinpath("data/titles.yml").read_text("utf-8"))

    def keys(items: list[str]) -> frozenset[str]:
        return frozenset(fold(item) for item in items)

    titles: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sorted({tuple(t.key for t in tokenize(title)) for title in data["titles"]}, key=lambda t: (-len(t), t)):
        titles.setdefault(sequence[0], []).append(sequence)
    return _Vocabulary({first: tuple(items) for first, items in titles.items()}, keys(data["qualifiers"]),
                       keys(data["stop"]), keys(data["name_connectors"]), keys(data["name_suffixes"]))


def find_new_names(paragraphs: tuple[Paragraph, ...], known: tuple[DocumentEntity, ...], language: str) -> tuple[NewName, ...]:
    vocab = vocabulary()
    covered: dict[str, list[tuple[int, int]]] = {}
    for item in known:
        for mention in item.mentions:
            covered.setdefault(mention.paragraph, []).append((mention.start, mention.end))
    found: dict[str, NewName] = {}
    for paragraph in paragraphs:
        tokens = tokenize(paragraph.text)
        i = 0
        while i < len(tokens):
            title_length = _title_at(tokens, i, vocab)
            if not title_length:
                i += 1
                continue
            name = _name_after(tokens, i + title_length, vocab)
            spans = covered.get(paragraph.key, ())
            if name and not any(start <= t.start < end for t in name for start, end in spans):
                written = paragraph.text[name[0].start:name[-1].end]
                title = paragraph.text[tokens[i].start:tokens[i + title_length - 1].end]
                found.setdefault(fold(written), NewName(written, title, paragraph.key,
                                                        _sentence(paragraph.text, name[0].start, language)))
            i += title_length
    return tuple(found.values())


def _title_at(tokens: Sequence[Token], i: int, vocab: _Vocabulary) -> int:
    if not _may_begin_title(tokens[i].key):
        return 0
    for form in clitic_forms(tokens[i].key):
        for title in vocab.titles.get(form, ()):
            n = len(title)
            if i + n <= len(tokens) and all(tokens[i + k].key == title[k] for k in range(1, n)):
                return n
    return 0


@lru_cache(maxsize=200_000)
def _may_begin_title(key: str) -> bool:
    """Can a title begin at a token with this key? (Most tokens cannot; asking once per word saves the search.)"""
    return any(form in vocabulary().titles for form in clitic_forms(key))


def _name_after(tokens: Sequence[Token], i: int, vocab: _Vocabulary) -> list[Token]:
    skipped = 0
    while i < len(tokens) and skipped < MAX_QUALIFIERS and _is_qualifier(tokens[i].key, vocab):
        i, skipped = i + 1, skipped + 1
    name: list[Token] = []
    while i < len(tokens) and len(name) < 4:
        key = tokens[i].key
        if key in vocab.stop or key.isdigit() or _title_at(tokens, i, vocab):
            break
        if len(name) >= 2 and key not in vocab.suffixes and name[-1].key not in vocab.connectors:
            break
        name.append(tokens[i])
        i += 1
        if key in vocab.suffixes:
            break
    return name if len(name) >= 2 and not all(_is_qualifier(t.key, vocab) for t in name) else []


def _is_qualifier(key: str, vocab: _Vocabulary) -> bool:
    return key in vocab.qualifiers or (key.startswith("ال") and key not in vocab.connectors) or any(
        form.startswith("ال") for form in clitic_forms(key)[1:])


def _sentence(text: str, offset: int, language: str) -> str:
    position = 0
    for sentence in split_sentences(text, language):
        start = text.find(sentence, position)
        if start <= offset < start + len(sentence):
            return sentence
        position = max(position, start + len(sentence))
    return text
