"""One compiled matcher for the whole knowledge base.

Text and names are compared as folded tokens (`textnorm.fold`: hamza and alef forms, ى/ي/ی,
ة/ه, ك/ک, tatweel, diacritics, ZWNJ and digits unified). On top of that:
  * attached clitics: «والسراج», «بطرابلس», «للقوات» match «السراج», «طرابلس», «القوات»;
  * spelling variants the knowledge base does not list: a name of two or more tokens matches
    when every token is at least FUZZY_THRESHOLD similar (rapidfuzz ratio); the threshold is
    measured on tests/data/name_variants.yml (see tests/test_matching.py and README);
  * titles as context: right after one of the entity's titles («وزير الدفاع التركي»), a
    weaker similarity (CONTEXT_THRESHOLD) is enough.
Partial mentions (a surname alone after the full name) are resolved per document by
`entities.py`, which knows the order of mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from generator.model.entity import Entity
from generator.text.normalise import WORD_RE, fold

# Measured on the multi-token pairs of tests/data/name_variants.yml (the only names fuzzy-matched):
# 85 is the lowest threshold, in steps of 5, that merges no two different names (80 merges
# «خالد المشري» and «خالد المصري»); it finds 34% of the listed variants, and after one of the
# entity's titles 70 finds 77% (README, "Entities"). Single tokens (محمد/محمود, حسن/حسين) cannot be
# told apart by similarity at all, so one-token names are only ever matched exactly.
FUZZY_THRESHOLD = 85.0
CONTEXT_THRESHOLD = 70.0
FUZZY_MIN_LENGTH = 4  # shorter tokens are too alike to compare
TITLE_WINDOW = 4  # tokens between a title and the name it introduces
SINGLE_PROCLITICS = "وفبلك"  # and, so, with/in, for/to, like


class Token(NamedTuple):  # a tuple: tokenizing makes hundreds per paragraph, so creation must be cheap
    start: int
    end: int
    key: str  # folded


@dataclass(frozen=True)
class Match:
    entity_id: str
    start: int  # character offsets in the matched text
    end: int
    method: str  # "exact", "fuzzy", "context"
    score: float
    name_tokens: tuple[str, ...]  # the knowledge-base name it matched (folded)


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """The words of `text` with their folded keys (remembered: entities and new names read the same paragraphs)."""
    tokens = []
    for match in WORD_RE.finditer(text):
        key = _fold_word(match.group())
        if key:
            tokens.append(Token(match.start(), match.end(), key))
    return tuple(tokens)


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


def name_similarity(a: str, b: str) -> float:
    """How alike two names are, as the matcher judges them: the weakest token-by-token
    similarity of their folded forms (0 when the token counts differ)."""
    left, right = [t.key for t in tokenize(a)], [t.key for t in tokenize(b)]
    if not left or len(left) != len(right):
        return 0.0
    return min(fuzz.ratio(x, y) for x, y in zip(left, right, strict=True))


class Matcher:
    def __init__(
        self, entities: list[Entity], threshold: float = FUZZY_THRESHOLD, context_threshold: float = CONTEXT_THRESHOLD
    ) -> None:
        self.threshold = threshold
        self.context_threshold = context_threshold
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self._titles: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for entity in entities:
            for name in entity.matchable_names():
                tokens = tuple(t.key for t in tokenize(name))
                if tokens:
                    self._phrases[tokens[0]].append((tokens, entity.id))
            for title in entity.titles:
                tokens = tuple(t.key for t in tokenize(title))
                if tokens:
                    self._titles[entity.id].append(tokens)
        for candidates in self._phrases.values():
            candidates.sort(key=lambda item: (-len(item[0]), item[1]))
        self._first_tokens = sorted(k for k in self._phrases if len(k) >= FUZZY_MIN_LENGTH)
        self._similar = lru_cache(maxsize=200_000)(self._similar_first_tokens)
        self._may_begin_name = lru_cache(maxsize=200_000)(self._could_begin_name)

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[Match]:
        """Non-overlapping mentions in `text` (tokenized already, or here), longest first at each position.
        Keeps no state between calls (the text is passed along), so one matcher serves every thread."""
        tokens = tokenize(text) if tokens is None else tokens
        matches: list[Match] = []
        position = 0
        while position < len(tokens):
            match = None
            if self._may_begin_name(tokens[position].key):
                match = self._exact(text, tokens, position) or self._fuzzy(text, tokens, position)
            if match is None:
                position += 1
                continue
            matches.append(match[0])
            position += match[1]
        return matches

    def _exact(self, text: str, tokens: Sequence[Token], i: int) -> tuple[Match, int] | None:
        for form in clitic_forms(tokens[i].key):
            for phrase, entity_id in self._phrases.get(form, ()):
                n = len(phrase)
                if i + n <= len(tokens) and all(tokens[i + k].key == phrase[k] for k in range(1, n)):
                    start = self._name_start(text, tokens[i], form)
                    return Match(entity_id, start, tokens[i + n - 1].end, "exact", 100.0, phrase), n
        return None

    def _fuzzy(self, text: str, tokens: Sequence[Token], i: int) -> tuple[Match, int] | None:
        best: tuple[float, Match, int] | None = None
        for form in clitic_forms(tokens[i].key):
            if len(form) < FUZZY_MIN_LENGTH:
                continue
            for first in self._similar(form):
                for phrase, entity_id in self._phrases[first]:
                    n = len(phrase)
                    if n < 2 or i + n > len(tokens):
                        continue
                    scores = [fuzz.ratio(form, phrase[0])] + [
                        fuzz.ratio(tokens[i + k].key, phrase[k]) for k in range(1, n)
                    ]
                    score = min(scores)
                    in_context = score >= self.context_threshold and self._after_title(tokens, i, entity_id)
                    if score >= self.threshold or in_context:
                        method = "fuzzy" if score >= self.threshold else "context"
                        if best is None or score > best[0]:
                            start = self._name_start(text, tokens[i], form)
                            best = (score, Match(entity_id, start, tokens[i + n - 1].end, method, score, phrase), n)
        return (best[1], best[2]) if best else None

    @staticmethod
    def _name_start(text: str, token: Token, form: str) -> int:
        """Offset in `text` where the name begins once the clitics stripped off `token` are left out."""
        return token.start + clitic_length(text, token, form) if form != token.key else token.start

    def _could_begin_name(self, key: str) -> bool:
        """Can a name begin at a token with this key? (Most tokens cannot; asking once per word saves the search.)"""
        return any(
            form in self._phrases or (len(form) >= FUZZY_MIN_LENGTH and self._similar(form))
            for form in clitic_forms(key)
        )

    def _similar_first_tokens(self, form: str) -> tuple[str, ...]:
        found = process.extract(
            form, self._first_tokens, scorer=fuzz.ratio, score_cutoff=self.context_threshold, limit=None
        )
        return tuple(choice for choice, _, _ in found)

    def _after_title(self, tokens: Sequence[Token], i: int, entity_id: str) -> bool:
        """Is one of the entity's titles written just before token i?"""
        for title in self._titles.get(entity_id, ()):
            n = len(title)
            for end in range(max(0, i - TITLE_WINDOW), i + 1):
                start = end - n
                if start >= 0 and tuple(t.key for t in tokens[start:end]) == title:
                    return True
        return False
