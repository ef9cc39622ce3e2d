"""Where a paragraph names a gazetteer place (entities/places.py decides which place it is).

At each word the longest gazetteer name wins, read as the knowledge-base matcher reads names
(matching.clitic_forms: «و» «ف» «ب» «ل» «ك» left out), and also without the article «ال» for a
capital or a country (GeoNames writes «خرطوم»). A name counts only where it is a place rather
than a word:
  * Latin script: written with a capital (its last word: "al-Khums"), and not one word of a longer
    proper name ("Murat Demirci", "Fatih Dönmez": a capitalised word right before it, or right
    after it but for a country); a common word (gazetteer.common_words) but for a country not as a
    sentence's first word ("Van", "Reading"; "Mısır", Egypt, is also "maize");
  * Arabic script: a common word («الزاوية», «البيضاء») only as a country or a capital, or after a
    word that introduces a place («في», «من», «مدينة», «در», «شهر») or in a list of places
    («مصراتة والزاوية», «طبرق، البيضاء»); the cue words themselves («مدينة») never;
  * an initialism ("UAE", "ABD") only in capitals, neither among capitals (a headline) nor
    before a capitalised word ("BAE Systems").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from generator.entities.gazetteer import Gazetteer, Place, name_key
from generator.entities.matching import Token, clitic_forms, clitic_length, tokenize
from generator.model.document import Paragraph
from generator.model.entity import Mention

# Words after which a common word is a place: "in", "from", "to", "near", "city", "town", "port" (ar, fa).
PLACE_CUES = frozenset(name_key(w) for w in (
    "في", "من", "إلى", "الى", "نحو", "قرب", "بمدينة", "مدينة", "مدينه", "بلدة", "ميناء", "شرق", "غرب", "جنوب",
    "شمال", "وسط", "در", "از", "به", "شهر", "بندر", "نزدیک", "استان",
))  # fmt: skip
TERMINALS = '.!?؟:;\n«»"“”'


@dataclass(frozen=True)
class Hit:
    """A gazetteer name in the text, before it is known which of its places it is."""

    mention: Mention
    key: str
    candidates: tuple[Place, ...]


def find_hits(
    paragraph: Paragraph, covered: list[tuple[int, int]], places: set[int], gazetteer: Gazetteer, language: str
) -> list[Hit]:
    """Gazetteer names in one paragraph outside the knowledge base's mentions (`covered`); `places`
    holds the offsets where a place named in it ends (a common word right after one is a place too)."""
    text, tokens = paragraph.text, tokenize(paragraph.text)
    hits: list[Hit] = []
    i = 0
    spans = _Spans(covered)
    while i < len(tokens):
        if not gazetteer.may_begin(tokens[i].key, _forms) or spans.cover(tokens[i].start):
            i += 1  # most words: one look-up, no call; a knowledge-base mention is no gazetteer name
            continue
        found = _match_at(text, tokens, i, places, gazetteer, language)
        if found is None:
            i += 1
            continue
        start, n, key, candidates = found
        end = tokens[i + n - 1].end
        if not spans.overlap(start, end):
            hits.append(Hit(Mention("", paragraph.key, start, end, text[start:end], "gazetteer"), key, candidates))
            places.add(end)
        i += n
    return hits


def _match_at(
    text: str, tokens: Sequence[Token], i: int, places: set[int], gazetteer: Gazetteer, language: str
) -> tuple[int, int, str, tuple[Place, ...]] | None:
    """(start offset, tokens taken, key, places) of the longest gazetteer name beginning at token i."""
    token = tokens[i]
    written = text[token.start : token.end]
    if token.key in gazetteer.initialisms and written.isupper() and not _capitals_around(text, tokens, i):
        return token.start, 1, token.key, (gazetteer.place(gazetteer.initialisms[token.key]),)
    following = tokens[i + 1].key if i + 1 < len(tokens) else None
    for written_form, form in _forms(token.key):
        longest = min(gazetteer.starts.get(form, 1), len(tokens) - i)
        if longest > 1 and not gazetteer.may_follow(form, following):
            longest = 1  # no name of several words begins with these two: the word alone
        for n in range(longest, 0, -1):
            key = " ".join([form, *(tokens[i + k].key for k in range(1, n))])
            if key not in gazetteer.names or (key in gazetteer.persian and language != "fa"):
                continue
            candidates = gazetteer.candidates(key)
            if form != written_form:  # «الخرطوم» as «خرطوم»: only a capital («البحري» is "naval", «التركية» "Turkish")
                candidates = tuple(p for p in candidates if gazetteer.is_capital(p))
            if candidates and _counts(text, tokens, i, n, key, written_form, candidates, places, gazetteer):
                start = token.start + (clitic_length(text, token, written_form) if written_form != token.key else 0)
                return start, n, key, candidates
    return None


class _Spans:
    """Spans of text (start, end offsets), asked in O(log n) whether they cover an offset or overlap a
    span: a paragraph may be a whole article on one line, with thousands of mentions (issue 11)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # the furthest end so far

    def cover(self, offset: int) -> bool:
        last = bisect_right(self.starts, offset) - 1  # the spans that start at or before it
        return last >= 0 and self.reach[last] > offset

    def overlap(self, start: int, end: int) -> bool:
        last = bisect_left(self.starts, end) - 1  # the spans that start before its end
        return last >= 0 and self.reach[last] > start


@lru_cache(maxsize=200_000)
def _forms(key: str) -> tuple[tuple[str, str], ...]:
    """(the token without its clitics, as matching.clitic_forms strips them; the form looked up):
    each such form, then any without the article «ال» (GeoNames writes «خرطوم», the text «الخرطوم»;
    only capitals are read so: «التركية» is "Turkish", not Turkey's Persian name)."""
    forms = clitic_forms(key)
    bare = [(f, f[2:]) for f in forms if f.startswith("ال") and len(f) > 4 and f[2:] not in forms]
    return tuple((f, f) for f in forms) + tuple(bare)


def _counts(
    text: str,
    tokens: Sequence[Token],
    i: int,
    n: int,
    key: str,
    form: str,
    candidates: tuple[Place, ...],
    places: set[int],
    gazetteer: Gazetteer,
) -> bool:
    """Whether the name written at tokens i..i+n-1 (token i read as `form`, its clitics left out) is
    a place rather than a word (capitals, common words)."""
    if key in PLACE_CUES or (key.startswith("ال") and key[2:] in PLACE_CUES):
        return False  # «مدينة», «المدينة», «شهر»: "city" itself
    if _latin(key):
        last = tokens[i + n - 1]
        if not text[last.start].isupper() or (n == 1 and _in_longer_name(text, tokens, i, key, gazetteer)):
            return False  # "nice"; "Murat Demirci", "Fatih Dönmez"
        country = any(p.kind == "country" for p in candidates)  # "Mısır" is also "maize", "Turkey" a bird
        return country or key not in gazetteer.common or not _sentence_start(text, tokens, i)
    if key not in gazetteer.common or any(
        p.kind == "country" or gazetteer.is_capital(p) for p in gazetteer.candidates(key)
    ):
        return True
    if i == 0:
        return False
    gap = text[tokens[i - 1].end : tokens[i].start]
    listed = tokens[i - 1].end in places and ("،" in gap or "," in gap or tokens[i].key == "و" + form)
    return listed or any(f in PLACE_CUES for f in clitic_forms(tokens[i - 1].key))  # «مصراتة والزاوية», «في الزاوية»


def _latin(key: str) -> bool:
    return key[0].isascii() or "\u00c0" <= key[0] <= "\u024f"


def _in_longer_name(text: str, tokens: Sequence[Token], i: int, key: str, gazetteer: Gazetteer) -> bool:
    """A capitalised word right before (or, but for a country, right after) with only a space between,
    neither a common word nor a place name: the name is part of a person's or an organisation's
    ("Murat Demirci", "Fatih Dönmez"; "Kıbrıs Türkleri" still names Cyprus, "İstanbul Tuzla" both)."""

    def proper(j: int) -> bool:  # a place beside it ("İstanbul Tuzla", "Muğla Marmaris") is not a longer name
        token = tokens[j]
        return text[token.start].isupper() and token.key not in gazetteer.common and token.key not in gazetteer.names

    def joined(j: int) -> bool:  # tokens j and j + 1 with only a space between
        return text[tokens[j].end : tokens[j + 1].start] == " "

    country = any(p.kind == "country" for p in gazetteer.candidates(key))
    before = i > 0 and joined(i - 1) and proper(i - 1) and not (country and _sentence_start(text, tokens, i - 1))
    after = not country and i + 1 < len(tokens) and joined(i) and proper(i + 1)
    return before or after


def _sentence_start(text: str, tokens: Sequence[Token], i: int) -> bool:
    return i == 0 or any(ch in TERMINALS for ch in text[tokens[i - 1].end : tokens[i].start])


def _capitals_around(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether a word in capitals stands among others in capitals (a headline in capitals) or begins
    a longer name ("BAE Systems")."""
    before = i > 0 and text[tokens[i - 1].start : tokens[i - 1].end].isupper()
    after = i + 1 < len(tokens) and text[tokens[i + 1].start].isupper()
    return before or after
