"""One spelling key for a name in any of the site's scripts: its consonant skeleton.

Arabic and Persian write few vowels, and Latin spellings of one name disagree on vowels, doubled
letters and digraphs ("Hakan Fidan", «هاكان فيدان»; "Mishri", «مشری»; "Çavuşoğlu", «جاويش أوغلو»).
What stays is the sequence of consonants, up to letters that transliterations exchange: each
letter is mapped to a consonant class (b/p, t/d, k/q/g, s, sh/ş/ش, j/c/ç/ch, h/kh …), vowels and
glides are dropped, the article (al-, el-, «ال» …) is left out and doubled classes are written
once. The key is only compared (rapidfuzz), never shown; `same_name` is the one judgement made of
it. Names that differ only in their vowels have one key («المهدي», «المهيدي»).

A small table rather than a transliteration library: a library spells the letters out
(«خ» → "kh"), and the classes would still have to be merged for matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from generator.text.normalise import fold, words

# Folded Arabic-script letters (text/normalise.fold has unified ي/ی/ى, ك/ک, ة→ه and the hamza carriers).
_ARABIC = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "s", "ج": "j", "چ": "j", "ح": "h", "خ": "h", "د": "t", "ذ": "z",
    "ر": "r", "ز": "z", "ژ": "z", "س": "s", "ش": "S", "ص": "s", "ض": "t", "ط": "t", "ظ": "z", "غ": "k",
    "ف": "f", "ق": "k", "ك": "k", "گ": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}  # fmt: skip
_LATIN = {
    "b": "b", "p": "b", "t": "t", "d": "t", "k": "k", "q": "k", "g": "k", "x": "ks", "h": "h", "f": "f",
    "v": "f", "j": "j", "l": "l", "m": "m", "n": "n", "r": "r", "s": "s", "z": "z",
}  # fmt: skip
_DIGRAPHS = (("kh", "h"), ("gh", "k"), ("sh", "S"), ("ch", "j"), ("th", "t"), ("ph", "f"), ("dh", "t"), ("zh", "z"))
# Turkish letters that fold would lose: ş is "sh" (ش), ç is "ch" (چ/ج).
_BEFORE_FOLD = str.maketrans({"ş": "sh", "Ş": "sh", "ç": "ch", "Ç": "ch"})
_ABD_RE = re.compile(r"^ab[duoe]+l(?=[a-z]{3})")  # "Abdulfettah", "Abdelhamid": «عبد» + «ال…»
_LATIN_ARTICLES = frozenset({"al", "el", "es", "en", "ed", "er", "et", "ez", "as", "ad", "ar", "ash", "at", "az", "ul"})
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_SURNAME_SUFFIXES = frozenset({"اوغلو", "oglu", "زاده", "zade"})  # folded
SIMILAR = 85.0  # rapidfuzz ratio of two skeletons that spell one name (tests/test_new_names.py)
CLOSE_LENGTH = 5  # a shorter part of a name is compared exactly: "sm"/"slm" (Sami, Salem) are two names
MIN_LENGTH = 3  # shorter skeletons are not compared by similarity at all


def word_skeleton(word: str, turkish: bool = False) -> str:
    """The consonant classes of one word ("" for a bare article). Classes are lower-case letters;
    "S" (sh, ş, ش) is kept apart from "s" (س, ص): «المشري» and «المصري» are two names."""
    key = fold(word.translate(_BEFORE_FOLD))
    if _ARABIC_RE.search(key):
        if key.startswith("ال") and len(key) > 3:
            key = key[2:]
        key = key[:-1] if key.endswith("ه") and len(key) > 2 else key  # final ه/ة is a vowel
        return "".join(_ARABIC.get(letter, "") for letter in key)
    if key in _LATIN_ARTICLES:
        return ""
    for pair, replacement in _DIGRAPHS:
        key = key.replace(pair, replacement.upper())  # upper case: not read again as a single letter
    key = _ABD_RE.sub("abd", key)
    c = "j" if turkish else "k"  # Turkish c is "j" (Necla, Cufra); elsewhere "k" (Camilleri)
    return "".join(
        (letter if letter == "S" else letter.lower())
        if letter.isupper()
        else _LATIN.get(letter, c if letter == "c" else "")
        for letter in key
    )


@lru_cache(maxsize=20_000)
def skeleton(name: str, language: str = "") -> str:
    """The name's consonant skeleton: every word's classes, run together, doubled classes once."""
    joined = "".join(word_skeleton(word, language == "tr") for word in words(name))
    return re.sub(r"(.)\1+", r"\1", joined)


@dataclass(frozen=True)
class SpellingKey:
    """A name's skeleton: whole, of its given names and of its surname (the last word, with a
    suffix word such as «أوغلو» joined to the word before it: «جاويش أوغلو» is one surname, as
    "Çavuşoğlu" is)."""

    full: str
    given: str
    surname: str

    @property
    def unvoiced(self) -> str:
        return _unvoiced(self.full)


@lru_cache(maxsize=20_000)
def spelling_key(name: str, language: str = "") -> SpellingKey:
    parts = words(name)
    split = len(parts) - (2 if len(parts) > 2 and fold(parts[-1]) in _SURNAME_SUFFIXES else 1)
    given, surname = " ".join(parts[:split]), " ".join(parts[split:])
    return SpellingKey(skeleton(name, language), skeleton(given, language), skeleton(surname, language))


def same_name(a: SpellingKey, b: SpellingKey) -> bool:
    """Do two names spell one name? The same skeleton (so «باش آغا» is «باشاغا»), or close given
    names and a close surname: «فرج المهدي» and «فرج الهادي», "Sami" and "Salem Ghanem", "Leyla
    Demir" and "Leyla Demirci" are two people each."""
    if a.full == b.full or a.unvoiced == b.unvoiced:
        return bool(a.full)
    return _close(a.given, b.given) and _close(a.surname, b.surname)


def _close(a: str, b: str) -> bool:
    """One part of a name in two spellings: equal but for the f class, or, when long enough to
    tell, at least SIMILAR alike (a short part differing by a consonant is another name)."""
    if a == b or _unvoiced(a) == _unvoiced(b):
        return True
    return min(len(a), len(b)) >= CLOSE_LENGTH and fuzz.ratio(a, b) >= SIMILAR


def _unvoiced(key: str) -> str:
    """Without the f class: v is written «ف» or «و», and «و» is read as a vowel (Yavuz, «يافوز», «یاووز»)."""
    return key.replace("f", "")
