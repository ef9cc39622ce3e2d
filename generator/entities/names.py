"""New names: people the knowledge base does not know yet, found by the titles written before them.

«وزير الخارجية التركي مولود جاويش أوغلو» -> "مولود جاويش أوغلو": after a title, words naming the
office (an «ال» word, a listed qualifier) are skipped, then two name words are taken, three when
the name is compound. Candidates that overlap a known entity's mention are not new. Editors see
the list (with the sentence) in `microsite check` and on the editors' page.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from generator.entities.matching import Token, clitic_forms, tokenize
from generator.model.document import Paragraph
from generator.model.entity import DocumentEntity, NewName
from generator.text.inputs import load_yaml
from generator.text.normalise import fold
from generator.text.sentences import Sentences

MAX_QUALIFIERS = 5  # office words skipped after a title («وزير الدفاع التركي …») before the name
MAX_NAME_WORDS = 4  # «صلاح الدين النمروش» is three; longer runs are the sentence going on


@dataclass(frozen=True)
class _Vocabulary:
    titles: dict[str, tuple[tuple[str, ...], ...]]  # first folded token -> title token sequences, longest first
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
    for sequence in sorted(
        {tuple(t.key for t in tokenize(title)) for title in data["titles"]}, key=lambda t: (-len(t), t)
    ):
        titles.setdefault(sequence[0], []).append(sequence)
    return _Vocabulary(
        {first: tuple(items) for first, items in titles.items()},
        keys(data["qualifiers"]),
        keys(data["stop"]),
        keys(data["name_connectors"]),
        keys(data["name_suffixes"]),
    )


def find_new_names(
    paragraphs: tuple[Paragraph, ...], known: tuple[DocumentEntity, ...], language: str
) -> tuple[NewName, ...]:
    """Linear in the text: each paragraph is tokenized once and split into sentences at most once,
    and each candidate is checked against the known mentions and its sentence by bisection."""
    vocab = vocabulary()
    covered = _known_spans(known)
    found: dict[str, NewName] = {}
    for paragraph in paragraphs:
        tokens = tokenize(paragraph.text)
        spans = covered.get(paragraph.key, _NO_SPANS)
        sentences = Sentences(paragraph.text, language)
        i = 0
        while i < len(tokens):
            title_length = _title_at(tokens, i, vocab)
            if not title_length:
                i += 1
                continue
            name = _name_after(tokens, i + title_length, vocab)
            if name and not any(spans.cover(t.start) for t in name):
                written = paragraph.text[name[0].start : name[-1].end]
                key = fold(written)
                if key not in found:  # the first sighting is the one listed
                    title = paragraph.text[tokens[i].start : tokens[i + title_length - 1].end]
                    found[key] = NewName(written, title, paragraph.key, sentences.at(name[0].start))
            i += title_length
    return tuple(found.values())


class _Spans:
    """Character spans of known mentions in one paragraph; "does one cover this offset?" by bisection
    (a scan of every mention for every candidate is quadratic on a long one-line document)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end among spans so far

    def cover(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and self._reach[i] > offset


_NO_SPANS = _Spans([])


def _known_spans(known: tuple[DocumentEntity, ...]) -> dict[str, _Spans]:
    by_paragraph: dict[str, list[tuple[int, int]]] = {}
    for item in known:
        for mention in item.mentions:
            by_paragraph.setdefault(mention.paragraph, []).append((mention.start, mention.end))
    return {key: _Spans(spans) for key, spans in by_paragraph.items()}


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
    while i < len(tokens) and len(name) < MAX_NAME_WORDS:
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
    return (
        key in vocab.qualifiers
        or (key.startswith("ال") and key not in vocab.connectors)
        or any(form.startswith("ال") for form in clitic_forms(key)[1:])
    )
