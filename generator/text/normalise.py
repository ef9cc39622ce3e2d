"""Script-aware text helpers shared by every stage.

Normalised forms are *matching keys* only: they are never shown to a reader.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from functools import lru_cache
from typing import Any

# Arabic-Indic (U+0660..) and Extended Arabic-Indic / Persian (U+06F0..) digits.
_DIGITS = tuple(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True))

# Explicit embeddings, overrides and isolates: they can reorder what a reader
# sees ("Trojan Source"), so they never reach a page. Marks (LRM/RLM/ALM) are
# harmless and kept.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")

# The folding table, the one copy: `fold` here, and the search page's script (microsite.js), which
# reads it as data (`folding_table`, written by the build into assets/javascripts/folding.js).
# Applied after compatibility decomposition, so hamza and madda carriers (أ إ آ ؤ ئ ۀ) have
# already lost their combining marks and need no entry.
_ARABIC_FOLD = (
    ("ٱ", "ا"),
    ("ٲ", "ا"),
    ("ٳ", "ا"),
    ("ى", "ي"),
    ("ی", "ي"),
    ("ې", "ي"),
    ("ک", "ك"),
    ("ڪ", "ك"),
    ("ة", "ه"),
    ("ە", "ه"),
    ("ـ", ""),  # tatweel
    ("\u200c", ""),  # ZWNJ (Persian half-space)
    ("\u200d", ""),
    ("\u200f", ""),
    ("\u200e", ""),
    ("\u061c", ""),
)
_FOLD_PAIRS = _ARABIC_FOLD + _DIGITS
# Search only (site/search_index.py, search_key): Persian-only letters (پ چ ژ گ) on their Arabic base
# letters, so a query typed in either script meets the indexed word in one spelling.
SEARCH_PAIRS = (("پ", "ب"), ("چ", "ج"), ("ژ", "ز"), ("گ", "ك"))
_NON_WORD_RE = re.compile(r"[^\w]+")
# Every combining mark of the Basic Multilingual Plane (canonical combining class not 0: tashkeel,
# hamza, madda, accents), as one character class (C speed). Marks of class 0 (the enclosing circle
# U+20DD, spacing vowel signs) are not combining in this sense and stay, in the build and the browser.
_MARKS = [c for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))]
_COMBINING_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _MARKS) + "]")

# Runs of Arabic-script and of Latin letters: counting run by run is several times faster than letter by letter.
_ARABIC_RUN_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN_RUN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# A word: letters and digits with their combining marks (Python's \w leaves out tashkeel and
# accents, which would cut «خُلوصي» in two) and the Persian half-space (ZWNJ) inside it.
WORD_CHARS = r"\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
WORD_RE = re.compile(f"[{WORD_CHARS}]+")

TERMINAL_RE = re.compile(r"[.!?؟۔…][\"'”»)\]]*\s*$")


def _replace_each(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """Each character of `pairs` replaced in turn (no replacement writes a character another
    pair replaces, so the order does not matter). On Arabic-script text this is tens of times
    faster than `str.translate`, which looks every character up in a dict."""
    for character, replacement in pairs:
        if character in text:
            text = text.replace(character, replacement)
    return text


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII."""
    return _replace_each(text, _DIGITS)


# Characters that show nothing on their own. A field made only of them is empty; ZWNJ (the
# Persian half-space) is kept inside text, where it is part of the spelling.
_INVISIBLE_RE = re.compile("[\u200b\u200d\u2060\ufeff\u00ad]")
_BLANK_RE = re.compile("[\\s\u200c\u200e\u200f\u061c]+")


def clean_field(value: str) -> str:
    """An editor's one-line field (title, outlet, name) as it may be shown: bidi controls and
    zero-width characters removed, runs of white space made one space; "" when nothing visible
    is left."""
    value = _INVISIBLE_RE.sub("", _BIDI_RE.sub("", value))
    if not _BLANK_RE.sub("", value):
        return ""
    return " ".join(value.split())


def strip_bidi_controls(text: str) -> tuple[str, list[str]]:
    """Remove bidi embedding/override/isolate characters; return the text and what was removed."""
    found = _BIDI_RE.findall(text)
    return (_BIDI_RE.sub("", text), found) if found else (text, [])


@lru_cache(maxsize=1 << 16)  # words and lines recur across a corpus: most calls are repeats
def fold(text: str) -> str:
    """Matching key: case-folded, every combining mark (tashkeel, hamza, Latin accents) and
    tatweel removed, letter variants unified.

    Unifies hamza and alef forms, ى/ي/ی, ة/ه, ك/ک, ZWNJ and digits, so that Arabic and
    Persian spellings of the same word compare equal, and "Güler" matches "Guler".
    """
    text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _replace_each(text, _FOLD_PAIRS)


@lru_cache(maxsize=1)
def folding_table() -> dict[str, Any]:
    """`fold` and the search key (site/search_index.py) as data for the browser, which has no case
    folding and no combining classes: a query is folded by lower-casing it, replacing each character
    of `casefold` (where case folding differs from lower case: ß → ss, ς → σ …), decomposing it
    (NFKD), removing the `marks` (ranges of code points), then replacing each character of `fold`
    and, for search, of `search`. tests/test_folding.py runs the browser's fold on every character."""
    casefold = {c: f for c in map(chr, range(sys.maxunicode + 1)) if (f := c.casefold()) != c and f != c.lower()}
    marks: list[list[int]] = []
    for code in _MARKS:
        if marks and marks[-1][1] == code - 1:
            marks[-1][1] = code
        else:
            marks.append([code, code])
    return {"casefold": casefold, "marks": marks, "fold": dict(_FOLD_PAIRS), "search": dict(SEARCH_PAIRS)}


def fold_words(text: str) -> list[str]:
    """The folded text split into words (punctuation dropped)."""
    return [w for w in _NON_WORD_RE.split(fold(text)) if w]


def line_key(text: str) -> str:
    """Key for comparing whole lines: folded words joined by single spaces."""
    return " ".join(fold_words(text))


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def script_counts(text: str) -> tuple[int, int]:
    """(Arabic-script letters, Latin letters) in the text."""
    return sum(map(len, _ARABIC_RUN_RE.findall(text))), sum(map(len, _LATIN_RUN_RE.findall(text)))


def fingerprint(text: str) -> str:
    """Short stable hash of a paragraph's exact wording (Unicode-normalised, spaces collapsed)."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:8]


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL_RE.search(text))
