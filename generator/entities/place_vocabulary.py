"""Words the gazetteer must know besides GeoNames: the short names articles use for some countries
(generator/data/country_names.yml), the seas and regions GeoNames' city list lacks
(generator/data/regions.yml) and the frequent words of the four languages, which a place
name may also be (jusText's stoplists are frequency lists)."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from generator.entities.matching import tokenize

STOPLISTS = ("Arabic", "Persian", "Turkish", "English")  # jusText's names for the four languages
INITIALISM_WORDS = 3  # "United Arab Emirates" -> UAE; two-word names give two letters ("US", "UK": too short)
INITIALISM_SKIP = frozenset({"of", "the", "and"})


@lru_cache(maxsize=1)
def short_country_names() -> dict[str, tuple[str, ...]]:
    """generator/data/country_names.yml: the short names articles use beside CLDR's."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("generator").joinpath("data/country_names.yml").read_text("utf-8"))
    return {str(code): tuple(str(name) for name in names) for code, names in (data or {}).items()}


class Region(NamedTuple):
    name: str
    country: str  # ISO code, "" when in several
    lat: float
    lon: float
    names: tuple[tuple[str, str], ...]  # (language, name)


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    """generator/data/regions.yml: seas, gulfs, straits and regions, with a representative point."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("generator").joinpath("data/regions.yml").read_text("utf-8"))
    return tuple(
        Region(
            str(r["name"]),
            str(r.get("country") or ""),
            float(r["lat"]),
            float(r["lon"]),
            tuple((str(language), str(n)) for language, names in r["names"].items() for n in names),
        )
        for r in data or []
    )


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded frequent words of the four languages (jusText's stoplists are frequency lists)."""
    import justext

    return frozenset(
        " ".join(token.key for token in tokenize(word))
        for language in STOPLISTS
        for word in justext.get_stoplist(language)
    )


def arabic_script(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("\u0600" <= ch <= "\u06ff" for ch in letters) and not has_digits(name)


def persian_letters(name: str) -> tuple[int, str]:
    """Arabic spellings first: fewer letters of Persian and Urdu (پ چ ژ گ ک ی ہ ھ ۀ)."""
    return sum(ch in "پچژگکیہھۀے" for ch in name), name


def latin_name(name: str) -> bool:
    """A Latin-script name as people write it: a capital first, not a code ("TIP"), no digits."""
    letters = [ch for ch in name if ch.isalpha()]
    return (
        bool(letters)
        and letters[0].isupper()
        and not name.isupper()
        and all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff" for ch in letters)
        and not has_digits(name)
    )


def has_digits(name: str) -> bool:
    return any(ch.isdigit() for ch in name)


def initialisms_of(names: list[str]) -> set[str]:
    found = set()
    for name in names:
        if not latin_name(name):
            continue
        words = [w for w in name.replace("-", " ").split() if w.casefold() not in INITIALISM_SKIP]
        if len(words) >= INITIALISM_WORDS and all(w[0].isupper() for w in words):
            found.add(" ".join(token.key for token in tokenize("".join(w[0] for w in words))))
    return found
