"""One compiled matcher for the whole knowledge base.

Text and names are compared as folded tokens (`textnorm.fold`: hamza and alef forms, ى/ي/ی,
ة/ه, ك/ک, tatweel, diacritics, ZWNJ and digits unified). On top of that:
  * attached clitics: «والسراج», «بطرابلس», «للقوات» match «السراج», «طرابلس», «القوات»;
  * spelling variants the knowledge base does not list: a name of two or more tokens matches
    when every token is at least FUZZY_THRESHOLD similar (rapidfuzz ratio), compared as the
    canonical tokens of `entities.variants` (article optional, compounds joined or split, a
    Latin surname by its transliteration skeleton); the thresholds are measured on
    tests/data/name_variants.yml (tests/test_name_variants.py, README "Matching");
  * titles as context: right after one of the entity's titles («وزير الدفاع التركي»), a
    weaker similarity (CONTEXT_THRESHOLD) is enough, and a one-token Latin name matches by its
    skeleton ("Marshal Hifter").
Partial mentions (a surname alone after the full name) and people who share a surname are
resolved per document by `mentions.py`, which knows the order of mentions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from generator.entities.tokens import Token, clitic_forms, clitic_length, hamza_alef_lam, hyphens, tokenize
from generator.entities.variants import (
    ARTICLE,
    ASSIMILATED_ARTICLES,
    CONNECTORS,
    LATIN_ARTICLES,
    MIN_LENGTH,
    SKELETON_MIN_CONSONANTS,
    Name,
    canonical,
    canonical_name,
    compare,
    compile_name,
    consonants,
    same_transliteration,
    skeleton,
    token_score,
    without_article,
)
from generator.model.entity import Entity

__all__ = ["Match", "Matcher", "Token", "clitic_forms", "clitic_length", "tokenize"]  # the others read names here

# Measured on the 89 same-name and 38 different-name pairs of tests/data/name_variants.yml with two
# or more tokens (the only names compared by similarity), as `variants.name_similarity` compares
# them (tests/test_name_variants.py): 85 is the lowest threshold, in steps of 5, that merges no two
# different names (80 merges four: "Ahmed Salim"/"Ahmed Salem", "Jamal Ali"/"Kamal Ali" …); it
# finds 65% of the variants (the token-by-token comparison before the variant rules found 17%, and
# merged «محمد الككلي»/«محمود الككلي» and three more different pairs), and after one of the entity's
# titles 70 finds 83%. Single tokens (محمد/محمود, حسن/حسين) cannot be told apart by similarity at
# all, so one-token names are only ever matched exactly (or, after a title, by `variants.skeleton`).
FUZZY_THRESHOLD = 85.0
CONTEXT_THRESHOLD = 70.0
FUZZY_MIN_LENGTH = MIN_LENGTH  # shorter tokens are too alike to compare
TITLE_WINDOW = 4  # tokens between a title and the name it introduces
SPLIT_PARTS = 2  # a name written with up to two more tokens than it has («فتحي باش آغا»)
FIRST_TOKEN_WINDOW = 5  # … and its first canonical token ("Abd al-Rahman ad-Din": connector, article, suffix)


@dataclass(frozen=True)
class Match:
    entity_id: str
    start: int  # character offsets in the matched text
    end: int
    method: str  # "exact", "fuzzy", "variant", "context"
    score: float
    name_tokens: tuple[str, ...]  # the knowledge-base name it matched (folded)


class _Variant(NamedTuple):
    name: Name
    phrase: tuple[str, ...]  # the folded tokens of the knowledge-base name
    entity_id: str


class Matcher:
    def __init__(
        self, entities: list[Entity], threshold: float = FUZZY_THRESHOLD, context_threshold: float = CONTEXT_THRESHOLD
    ) -> None:
        self.threshold = threshold
        self.context_threshold = context_threshold
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self._titles: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self._fuzzy_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self._variants: dict[str, list[_Variant]] = defaultdict(list)  # people's names by canonical first token
        self._skeletons: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)  # one-token Latin names
        for entity in entities:
            for name in entity.matchable_names():
                tokens = tuple(t.key for t in tokenize(name))
                if tokens:
                    self._phrases[tokens[0]].append((tokens, entity.id))
                if len(tokens) >= 2 and entity.type != "person":  # people: `_variant`
                    self._fuzzy_phrases[tokens[0]].append((tokens, entity.id))
            for title in entity.titles:
                tokens = tuple(t.key for t in tokenize(title))
                if tokens:
                    self._titles[entity.id].append(tokens)
            self._index_variants(entity)
        for candidates in self._phrases.values():
            candidates.sort(key=lambda item: (-len(item[0]), item[1]))
        firsts = set(self._phrases) | set(self._variants)
        self._first_tokens = sorted(k for k in firsts if len(k) >= FUZZY_MIN_LENGTH)
        self._variant_firsts = sorted(self._variants)
        self._multi_firsts = frozenset(
            k for k, names in self._variants.items() if any(len(v.name.canon) > 1 for v in names)
        )
        self._similar = lru_cache(maxsize=200_000)(self._similar_first_tokens)
        self._may_begin_variant = lru_cache(maxsize=200_000)(self._could_begin_variant)
        self._may_begin_name = lru_cache(maxsize=200_000)(self._could_begin_name)
        self._variant_candidates = lru_cache(maxsize=200_000)(self._variant_names)

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[Match]:
        """Non-overlapping mentions in `text` (tokenized already, or here), longest first at each position.
        Keeps no state between calls (the text is passed along), so one matcher serves every thread."""
        tokens = tokenize(text) if tokens is None else tokens
        matches: list[Match] = []
        position = 0
        while position < len(tokens):
            match = None
            key = tokens[position].key
            if self._may_begin_name(key):
                match = self._exact(text, tokens, position) or self._fuzzy(text, tokens, position)
                if self._may_begin_variant(key) and (match is None or match[0].score < 100.0):
                    match = _better(match, self._variant(text, tokens, position))
            if match is None:
                position += 1
                continue
            matches.append(match[0])
            position += match[1]
        return matches

    def _index_variants(self, entity: Entity) -> None:
        """People's names only: the rules were written and measured for them, and place and
        organisation names, common words joined, would make the matcher try them at every turn."""
        if entity.type != "person":
            return
        for name in entity.matchable_names():
            tokens = tokenize(name)
            variant = compile_name(canonical_name(name))
            if variant.canon:
                self._variants[variant.canon[0]].append(_Variant(variant, tuple(t.key for t in tokens), entity.id))
            if len(tokens) == 1 and consonants(skeleton(tokens[0].key)) >= SKELETON_MIN_CONSONANTS:
                self._skeletons[skeleton(tokens[0].key)].append(((tokens[0].key,), entity.id))

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
                for phrase, entity_id in self._fuzzy_phrases.get(first, ()):
                    n = len(phrase)
                    if i + n > len(tokens):
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

    def _variant(self, text: str, tokens: Sequence[Token], i: int) -> tuple[Match, int] | None:
        """A listed name written another way (`entities.variants`), or a one-token Latin name by its
        skeleton right after one of the entity's titles."""
        head_window = tokens[i : i + FIRST_TOKEN_WINDOW]
        head_flags = _flags(text, head_window)
        best: tuple[float, int, Match] | None = None
        for form in clitic_forms(tokens[i].key):
            head = canonical([form, *(t.key for t in head_window[1:])], *head_flags, limit=1)  # most tokens stop here
            candidates, needed = self._variant_candidates(head[0].key) if head else ((), 0)
            window = tokens[i : i + needed + SPLIT_PARTS + 1] if candidates else ()
            keys = [form, *(t.key for t in window[1:])]
            written = canonical(keys, *_flags(text, window), needed) if window else ()
            for variant in candidates:
                score, taken = compare(variant.name, written, FUZZY_MIN_LENGTH, self.context_threshold)
                end = written[taken - 1].last if taken else 0
                if self._accepts(score, tokens, i, variant.entity_id) and (best is None or (score, end) > best[:2]):
                    method = "variant" if score >= self.threshold else "context"
                    start = self._name_start(text, tokens[i], form)
                    best = (score, end, Match(variant.entity_id, start, window[end].end, method, score, variant.phrase))
            for phrase, entity_id in self._skeletons.get(skeleton(form), ()) if best is None else ():
                if same_transliteration(form, phrase[0]) and self._after_title(tokens, i, entity_id):
                    best = (100.0, 0, Match(entity_id, tokens[i].start, tokens[i].end, "context", 100.0, phrase))
        return (best[2], best[1] + 1) if best else None

    def _variant_names(self, first: str) -> tuple[tuple[_Variant, ...], int]:
        """The names whose canonical first token is `first` or like it, and how many canonical tokens
        of the text to read for them (remembered per token)."""
        similar = self._similar(first) if len(first) >= FUZZY_MIN_LENGTH else (first,)
        floor = self.context_threshold
        names = tuple(
            variant
            for candidate in similar
            for variant in self._variants.get(candidate, ())
            if _may_spell(variant.name, first)
            or (
                len(variant.name.canon) > 1
                and token_score(first, variant.name.canon[0], False, FUZZY_MIN_LENGTH) >= floor
            )
        )
        return names, max((len(v.name.canon) + SPLIT_PARTS for v in names), default=0)

    def _accepts(self, score: float, tokens: Sequence[Token], i: int, entity_id: str) -> bool:
        return score >= self.threshold or (score >= self.context_threshold and self._after_title(tokens, i, entity_id))

    def _could_begin_name(self, key: str) -> bool:
        """Can a name begin at a token with this key? (Most tokens cannot; asking once per word saves the search.)"""
        return any(
            form in self._phrases or (len(form) >= FUZZY_MIN_LENGTH and self._similar(form))
            for form in clitic_forms(key)
        ) or self._may_begin_variant(key)

    def _could_begin_variant(self, key: str) -> bool:
        """Can a person's name written another way begin at a token with this key?"""
        for form in clitic_forms(key):
            bare = without_article(form)
            if bare in self._variants or skeleton(form) in self._skeletons:
                return True
            if (len(form) >= FUZZY_MIN_LENGTH or form in CONNECTORS) and self._begins_variant(form):
                return True
            if len(bare) >= FUZZY_MIN_LENGTH and any(first in self._multi_firsts for first in self._similar(bare)):
                return True
        return False

    def _begins_variant(self, form: str) -> bool:
        """Is `form` the beginning of a canonical first token («صلاح» of «صلاحالدين»)?"""
        at = bisect_left(self._variant_firsts, form)
        return at < len(self._variant_firsts) and self._variant_firsts[at].startswith(form)

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


def _flags(text: str, window: Sequence[Token]) -> tuple[Sequence[bool], Sequence[bool]]:
    """`hyphens` and `hamza_alef_lam` of the window (not worked out where no token could need them)."""
    if not any(t.key in LATIN_ARTICLES or t.key in ASSIMILATED_ARTICLES or t.key.startswith(ARTICLE) for t in window):
        return _NO_FLAGS, _NO_FLAGS
    return hyphens(text, window), hamza_alef_lam(text, window)


_NO_FLAGS = (False,) * 32


def _may_spell(name: Name, first: str) -> bool:
    """Can a one-token name begin with this canonical token: be it (written as a compound), or be
    written split with `first` its first part («باش» of «باشاغا»)?"""
    return len(name.canon) == 1 and name.canon[0].startswith(first)


def _better(a: tuple[Match, int] | None, b: tuple[Match, int] | None) -> tuple[Match, int] | None:
    """The stronger of two candidate matches at one position (the longer on a tie)."""
    if a is None or b is None:
        return a or b
    return a if (a[0].score, a[1]) >= (b[0].score, b[1]) else b
