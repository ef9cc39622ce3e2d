"""Words as the matcher reads them: folded tokens with their offsets, attached clitics, hyphens.
(`entities.matching` re-exports these for the modules that read names.)"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from generator.text.normalise import WORD_RE, fold

SINGLE_PROCLITICS = "وفبلك"  # and, so, with/in, for/to, like
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_HAMZA_AL_RE = re.compile(f"[{SINGLE_PROCLITICS}]{{0,2}}[أإآ]ل")


class Token(NamedTuple):  # a tuple: tokenizing makes hundreds per paragraph, so creation must be cheap
    start: int
    end: int
    key: str  # folded


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """The words of `text` with their folded keys (remembered: entities and new names read the same paragraphs)."""
    return tuple(
        [_new(Token, (m.start(), m.end(), key)) for m in WORD_RE.finditer(text) if (key := _fold_word(m.group()))]
    )


_new = tuple.__new__  # a Token without NamedTuple's keyword handling: the hot loop makes one per word


@lru_cache(maxsize=500_000)
def _fold_word(word: str) -> str:
    """`fold` for one word, remembered: news text repeats its words constantly."""
    return fold(word)


@lru_cache(maxsize=500_000)
def clitic_forms(key: str) -> tuple[str, ...]:
    """The token and what it may be with up to two proclitics removed («وبال…» -> «ال…»)."""
    forms = [key]
    frontier = [key]
    for _ in range(2):
        stripped = []
        for form in frontier:
            if len(form) > 3 and form[0] in SINGLE_PROCLITICS:
                rest = form[1:]
                stripped.append(rest)
                if form[0] == "ل" and rest.startswith("ل"):
                    stripped.append("ا" + rest)  # «للقوات» = ل + القوات, its alef elided
        forms += stripped
        frontier = stripped
    return tuple(dict.fromkeys(forms))


def clitic_length(text: str, token: Token, form: str) -> int:
    """Characters of the written token taken by the clitics that `clitic_forms` stripped to get `form`."""
    # «للقوات» -> «القوات»: when the form does not end the key, its restored alef was never written
    letters = len(token.key) - len(form) + (0 if token.key.endswith(form) else 1)
    word, offset = text[token.start : token.end], 0
    while offset < len(word) and (letters > 0 or not fold(word[offset])):
        if fold(word[offset]):
            letters -= 1
        offset += 1
    return offset


def hyphens(text: str, tokens: Sequence[Token]) -> list[bool]:
    """For each token: is it joined to the next by a hyphen ("al-Sarraj", "en-Nemruş")?"""
    return [text[a.end : b.start] in HYPHENS for a, b in pairwise(tokens)] + [False]


def hamza_alef_lam(text: str, tokens: Sequence[Token]) -> list[bool]:
    """For each token: does it begin (after clitics) with «أل», «إل» or «آل», which folding makes
    «ال» but which is no definite article («ألطون», «آل سعود»)?"""
    return [
        "ال" in t.key[:4] and bool(_HAMZA_AL_RE.match(unicodedata.normalize("NFC", text[t.start : t.end])))
        for t in tokens
    ]
