"""Sentences: pysbd where it knows the language's abbreviations, else a punctuation splitter
(Arabic-script text), and linear time on any length of text."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

# pysbd knows abbreviations ("Dr.", "U.S.") in these; its Arabic/Persian rules split at the comma «،»,
# so Arabic-script text uses the punctuation splitter below.
PYSBD_LANGUAGES = {"en", "es", "fr", "de", "it", "nl", "da", "pl", "sk", "ru", "bg", "el", "hy", "kk"}
# pysbd rescans its whole input for every abbreviation it meets, so its time grows with the square of
# the input: measured on English news sentences, 1.9 s per MB in 1,000-character pieces, 5.8 s in
# 10,000, 88 s in 100,000. A text longer than PYSBD_WINDOW is segmented a window at a time (linear);
# no normal paragraph is that long, so those are segmented whole, as before. A sentence is kept from
# a window only if PYSBD_LOOKAHEAD characters follow it there: pysbd's rules look a few words
# ahead (an abbreviation before a name, a closing quotation mark), and this is far more.
PYSBD_WINDOW = 10_000
PYSBD_LOOKAHEAD = 1_000
LONG_TEXTS_REMEMBERED = 4  # sentences of the last few long texts (a megabyte of English costs seconds)
# A sentence ends at . ! ? ؟ ۔ … before a space, or (scraped Arabic-script text) glued to the next word.
_FALLBACK_SPLIT_RE = re.compile(r"(?<=[.!?؟۔…])[\"'”»)]*\s+|(?<=[\u0600-\u06ff][.!؟۔])(?=[\u0600-\u06ff])")


def split_sentences(text: str, language: str) -> tuple[str, ...]:
    if len(text) > PYSBD_WINDOW:
        return _split_long(text, language)
    return _split(text, language)


class Sentences:
    """A text's sentences, split on first use (at most once) and found by character offset by
    bisection over their start offsets: linear however many offsets are looked up."""

    def __init__(self, text: str, language: str) -> None:
        self.text, self.language = text, language
        self._all: tuple[str, ...] | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._indexes: list[int] = []

    @property
    def all(self) -> tuple[str, ...]:
        """Every sentence, in order (as `split_sentences` gives them)."""
        if self._all is None:
            self._all = self._locate()
        return self._all

    def index_at(self, offset: int) -> int | None:
        """The position in `all` of the sentence holding `offset`; None if it falls between sentences."""
        i = bisect_right(self._starts, offset) - 1 if self.all else -1
        return self._indexes[i] if i >= 0 and offset < self._ends[i] else None

    def at(self, offset: int) -> str:
        """The sentence holding `offset`; the whole text if it falls between sentences."""
        index = self.index_at(offset)
        return self.text if index is None else self.all[index]

    def _locate(self) -> tuple[str, ...]:
        sentences, position = split_sentences(self.text, self.language), 0
        for index, sentence in enumerate(sentences):
            start = self.text.find(sentence, position)  # sentences are pieces of the text, in order
            if start < 0:
                continue
            self._starts.append(start)
            self._ends.append(start + len(sentence))
            self._indexes.append(index)
            position = start + len(sentence)
        return sentences


@lru_cache(maxsize=LONG_TEXTS_REMEMBERED)
def _split_long(text: str, language: str) -> tuple[str, ...]:
    """Several passes (title, summary, new names, translations, entity pages) split the same
    paragraph; a long one is split once."""
    return _split(text, language)


def _split(text: str, language: str) -> tuple[str, ...]:
    parts = _pysbd_sentences(text, language) if language in PYSBD_LANGUAGES else _FALLBACK_SPLIT_RE.split(text)
    return tuple(p.strip() for p in parts if p.strip())


def _pysbd_sentences(text: str, language: str) -> list[str]:
    """pysbd's sentences, found a window at a time in a long text (its time grows with the square
    of its input). Each window starts where pysbd itself began a sentence; the sentences it ends
    at least PYSBD_LOOKAHEAD before the window's end are kept, and the next window starts after them."""
    if len(text) <= PYSBD_WINDOW:
        return _segmenter(language).segment(text)
    sentences: list[str] = []
    start = 0
    while len(text) - start > PYSBD_WINDOW:
        window = text[start : start + PYSBD_WINDOW]
        settled = [
            span
            for span in _segmenter(language, spans=True).segment(window)[:-1]
            if span.end <= PYSBD_WINDOW - PYSBD_LOOKAHEAD
        ]
        if settled:
            sentences += [span.sent for span in settled]
            start += settled[-1].end
        else:  # one "sentence" longer than a window: cut it at a space
            cut = window.rfind(" ", 0, PYSBD_WINDOW - PYSBD_LOOKAHEAD) + 1 or PYSBD_WINDOW - PYSBD_LOOKAHEAD
            sentences.append(window[:cut])
            start += cut
    return sentences + _segmenter(language).segment(text[start:])


@cache
def _segmenter(language: str, spans: bool = False):
    import pysbd

    return pysbd.Segmenter(language=language, clean=False, char_span=spans)
