"""Words the gazetteer must know besides GeoNames: the short names articles use for some countries
(generator/data/country_names.yml) and the frequent words of the four languages, which a place
name may also be (jusText's stoplists are frequency lists)."""

from __future__ import annotations

from functools import lru_cache

from generator.entities.matching import tokenize

STOPLISTS = ("Arabic", "Persian", "Turkish", "English")  # jusText's names for the four languages


@lru_cache(maxsize=1)
def short_country_names() -> dict[str, tuple[str, ...]]:
    """generator/data/country_names.yml: the short names articles use beside CLDR's."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("generator").joinpath("data/country_names.yml").read_text("utf-8"))
    return {str(code): tuple(str(name) for name in names) for code, names in (data or {}).items()}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded frequent words of the four languages (jusText's stoplists are frequency lists)."""
    import justext

    return frozenset(
        " ".join(token.key for token in tokenize(word))
        for language in STOPLISTS
        for word in justext.get_stoplist(language)
    )
