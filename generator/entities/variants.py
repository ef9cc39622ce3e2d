"""Spellings of one person's name that the knowledge base does not list, by rules measured on
tests/data/name_variants.yml (tests/test_name_variants.py); the matcher applies them to people's
names (`Matcher._variant`); the measurement covers every pair of that file.

A name of two or more words is compared as *canonical tokens*, built from folded tokens
(`textnorm.fold` has already unified hamza and alef forms, ى/ي/ی, ة/ه):
  * the definite article is optional: «النمروش» = «نمروش»; Latin "al-", "el-", "Al " and, before
    a hyphen, the assimilated "ad-", "en-", "ash-" … are left out;
  * a compound is one token however it is written: a connector joins the word it introduces
    («عبد الحميد» = «عبدالحميد», «أبو حالية» = «أبوحالية», "Abdul Hamid" = "Abdulhamid"), and
    «الدين», «الله», "din" … join the word before («صلاح الدين» = «صلاح‌الدین» = "Salahaddin");
  * a lone hamza «ء» is left out («تاجوراء» = «تاجورا»);
  * tokens that, joined, spell the same string are the same name («فتحي باش آغا» = «فتحي باشاغا»);
  * the last token, the surname, of a Latin name also compares by its transliteration
    (`same_transliteration`: one consonant skeleton, last vowels that may write one Arabic vowel):
    Namroush = Namrush = Nimroush = Nemruş, Haftar = Hifter = Hafter. Only the surname, only after
    given names that match, and only when the skeleton keeps at least SKELETON_MIN_CONSONANTS
    consonants: vowels are left out, and given names and short surnames that differ only in their
    vowels are different names (Hassan/Hussein, Salim/Salem, Masri/Mishri). Dbeibah/Dibeybe (three
    consonants) is therefore not found this way: the knowledge base lists the Turkish spelling.
Tokens are then compared by similarity (rapidfuzz ratio, the matcher's thresholds), without the
connector they share («عبدالرحمن»/«عبدالرحيم» is «الرحمن»/«الرحيم»), and never two different common
given names (data/given_names.yml: محمد/محمود, سعد/سعيد are no spellings of each other).
A one-token name is never compared by similarity: it is equal, or a compound written the other
way; a one-token Latin name matches by its transliteration right after one of the entity's titles.

Measured (314 labelled pairs, 127 of two tokens or more): with these rules 85 finds 65% of the
89 same-name pairs and merges none of the 38 different ones (the token-by-token comparison before
them: 17%, and four different pairs merged). SKELETON_MIN_CONSONANTS: 4 merges none; 3 merges
"Ahmed Salim"/"Ahmed Salem" and "Khaled al-Masri"/"Khaled al-Mishri"; at 4 the rule, were it applied
to one-token names, would merge none of the 20 one-token Latin different pairs and find 9 of 18
one-token Latin variants.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from rapidfuzz import fuzz

from generator.entities.tokens import hamza_alef_lam, hyphens, tokenize
from generator.text.inputs import load_yaml
from generator.text.normalise import fold

# Measured on tests/data/name_variants.yml: 4 is the lowest count that merges none of its
# different-name pairs (3 merges "Ahmed Salim"/"Ahmed Salem" and al-Masri/al-Mishri), see above.
SKELETON_MIN_CONSONANTS = 4
MIN_LENGTH = 4  # shorter tokens are too alike to compare by similarity
ARTICLE = "ال"
LATIN_ARTICLES = frozenset({"al", "el"})  # whatever follows: "al-Sarraj", "Al Sarraj"
# Before a hyphen only ("ad-Din", "en-Nemruş"): alone they are English and Turkish words.
ASSIMILATED_ARTICLES = frozenset(
    {"ad", "ed", "at", "et", "ath", "az", "ez", "ar", "er", "as", "es", "ash", "esh", "an", "en", "ul", "ud", "un"}
)
CONNECTORS = frozenset({"عبد", "ابو", "ابي", "abd", "abdul", "abdel", "abdal", "abdol", "abu", "abou", "ebu"})
_CONNECTORS_LONGEST_FIRST = sorted(CONNECTORS, key=lambda c: (-len(c), c))
SUFFIXES = frozenset({"الدين", "الله", "din", "eddin", "uddin", "addin", "allah", "ullah"})  # end a given name
_LATIN_WORD_RE = re.compile(r"^[a-z\u0131]+$")  # a folded Latin word (ı has no folded form)
# Transliteration: digraphs to one letter, the letters one Arabic sound is written with to one.
_SKELETON_PAIRS = (
    ("sch", "s"), ("sh", "s"), ("ch", "c"), ("dj", "c"), ("j", "c"), ("kh", "h"), ("gh", "g"), ("dh", "d"),
    ("th", "θ"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"),
)  # fmt: skip
# The vowel of the last syllable, by the Arabic vowel it may write: a/e are fatha, e/i/y/ei/ay kasra
# or ī, o/u/ou u or ū. Vowels elsewhere vary freely (Namroush/Nimroush, Dbeibah/Dibeybe); the last
# one tells Hamdan from Hamdin and Hassan from Hussein.
_LAST_VOWEL_RE = re.compile("([aeiouy\u0131]+)[^aeiouy\u0131]*$")
_VOWELS_RE = re.compile("[aeiouy\u0131]+")
_FINAL_H_RE = re.compile("(?<=[aeiouy])h$")  # Dbeibah = Dbeiba, Abdullah = Abdulla


class Canon(NamedTuple):
    key: str  # the canonical token
    first: int  # index (in the tokens compared) of the first written token it stands for
    last: int  # … and of the last


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """The transliteration key of a folded Latin word: digraphs unified, a final h after a vowel
    left out, vowels left out ("_" for a word that begins with one). "" for a non-Latin word."""
    if not _LATIN_WORD_RE.match(key):
        return ""
    word = _FINAL_H_RE.sub("", key)
    for written, unified in _SKELETON_PAIRS:
        word = word.replace(written, unified)
    return ("_" if _VOWELS_RE.match(word) else "") + _VOWELS_RE.sub("", word)


def consonants(skeleton_key: str) -> int:
    return len(skeleton_key.lstrip("_"))


@lru_cache(maxsize=200_000)
def last_vowel(key: str) -> frozenset[str]:
    """The Arabic vowels the last vowel of a folded Latin word may write ("a", "i", "u")."""
    found = _LAST_VOWEL_RE.search(_FINAL_H_RE.sub("", key))
    run = found.group(1) if found else ""
    if run == "e":
        return frozenset("ai")
    if any(letter in run for letter in "iy\u0131") or run == "ee":
        return frozenset("i")
    if any(letter in run for letter in "ou"):
        return frozenset("u")
    return frozenset("a") if run else frozenset()


def same_transliteration(a: str, b: str) -> bool:
    """Are two folded Latin words one name transliterated twice: one skeleton of at least
    SKELETON_MIN_CONSONANTS consonants, and last vowels that may write the same Arabic vowel?"""
    sa = skeleton(a)
    return (
        bool(sa)
        and consonants(sa) >= SKELETON_MIN_CONSONANTS
        and sa == skeleton(b)
        and bool(last_vowel(a) & last_vowel(b))
    )


@lru_cache(maxsize=1)
def given_names() -> dict[str, int]:
    """Folded spellings of the common given names of data/given_names.yml, each with the number of
    its name: spellings of one name share it («ياشار», «يشار»), different names do not."""
    data = load_yaml(resources.files("generator").joinpath("data/given_names.yml").read_text("utf-8"))
    table: dict[str, int] = {}
    for number, entry in enumerate(data["names"]):
        for spelling in [entry] if isinstance(entry, str) else entry:
            table.setdefault(fold(spelling).replace(" ", ""), number)
    return table


@lru_cache(maxsize=200_000)
def without_article(key: str, hamza: bool = False) -> str:
    """The folded token without the definite article «ال» (not when it was written «أل», `hamza`) and lone hamza."""
    if key.startswith(ARTICLE) and len(key) >= len(ARTICLE) + 3 and not hamza:
        key = key[len(ARTICLE) :]
    return key.replace("ء", "") or key


def is_article(key: str, hyphen_follows: bool) -> bool:
    return key in LATIN_ARTICLES or (hyphen_follows and key in ASSIMILATED_ARTICLES)


def canonical(keys: Sequence[str], hyphens: Sequence[bool], hamza: Sequence[bool], limit: int = 8) -> tuple[Canon, ...]:
    """Canonical tokens of folded tokens `keys`, at most `limit` of them (`hyphens[i]`: a hyphen
    joins token i to the next; `hamza[i]`: its «ال» is written «أل», no article)."""
    words = [i for i in range(len(keys)) if not (i + 1 < len(keys) and is_article(keys[i], hyphens[i]))]
    out: list[Canon] = []
    k = 0
    while k < len(words) and len(out) < limit:
        first = last = words[k]
        key = keys[first]
        if key in CONNECTORS and k + 1 < len(words):
            k += 1
            last = words[k]
            key += keys[last]
        while k + 1 < len(words) and keys[words[k + 1]] in SUFFIXES:
            k += 1
            last = words[k]
            key += keys[last]
        out.append(Canon(without_article(key, hamza[first]), first, last))
        k += 1
    return tuple(out)


def token_score(a: str, b: str, surname: bool, min_length: int) -> float:
    """How alike two canonical tokens are: 100 when equal (or, for a surname, one transliteration),
    0 for two different common given names and for unequal tokens shorter than `min_length`,
    else the rapidfuzz ratio of what they do not share (`_cores`)."""
    if a == b or (surname and same_transliteration(a, b)):
        return 100.0
    names = given_names()
    if a in names and b in names and names[a] != names[b]:
        return 0.0  # two different given names: محمد and محمود are no spellings of each other
    a, b = _cores(a, b)
    if min(len(a), len(b)) < min_length:
        return 0.0
    return fuzz.ratio(a, b)


def _cores(a: str, b: str) -> tuple[str, str]:
    """Two tokens without the connector they share: «عبدالرحمن»/«عبدالرحيم» are compared as
    «الرحمن»/«الرحيم», so that what they share does not make them look alike."""
    for connector in _CONNECTORS_LONGEST_FIRST:
        if a.startswith(connector) and b.startswith(connector):
            return a[len(connector) :], b[len(connector) :]
    return a, b


class Name(NamedTuple):
    """A knowledge-base name as the rules compare it."""

    canon: tuple[str, ...]  # canonical tokens
    joined: str  # … joined
    compound: bool  # one canonical token written as two words or more («أبو حالية»)


def compile_name(canon: Sequence[Canon]) -> Name:
    keys = tuple(c.key for c in canon)
    return Name(keys, "".join(keys), len(canon) == 1 and canon[0].first != canon[0].last)


def compare(name: Name, written: Sequence[Canon], min_length: int, floor: float = 0.0) -> tuple[float, int]:
    """(score, canonical tokens of `written` it takes) for `name` at the start of `written`: token
    by token, the weakest token's score (given up below `floor`); or 100 when the tokens, joined,
    spell it. A one-token name is never compared by similarity: it is equal, or a compound
    written the other way."""
    best = (0.0, 0)
    n = len(name.canon)
    if n > 1 and len(written) >= n:
        score = 100.0
        for k in range(n):
            score = min(score, token_score(written[k].key, name.canon[k], k == n - 1, min_length))
            if score < floor:
                break
        best = (score, n)
    elif written and written[0].key == name.canon[0] and (name.compound or written[0].first != written[0].last):
        return 100.0, 1
    spelled = ""
    for m, token in enumerate(written, 1):
        spelled += token.key
        if not name.joined.startswith(spelled):
            break
        if len(spelled) == len(name.joined):
            return (100.0, m) if m != n else best
    return best


def canonical_name(name: str) -> tuple[Canon, ...]:
    tokens = tokenize(name)
    return canonical([t.key for t in tokens], hyphens(name, tokens), hamza_alef_lam(name, tokens))


def name_similarity(a: str, b: str) -> float:
    """How alike two names are, as the matcher judges them: `compare` of their canonical tokens (the
    weakest token's similarity; 0 when the counts differ and the tokens, joined, spell different strings)."""
    left, right = canonical_name(a), canonical_name(b)
    if not left or not right:
        return 0.0
    score, taken = compare(compile_name(right), left, MIN_LENGTH)
    return score if taken == len(left) else 0.0
