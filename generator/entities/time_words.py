"""Words of time that tell whether a report is contemporary with an event: weekday names ("on
Saturday", «الجمعة», «جمعه», "Cuma"), and phrases that place what a sentence tells in the past
("last July", «يوليو الماضي», «تیر گذشته», "geçen Temmuz", "last year", «قبل عامين», "two years
ago"), in Arabic, Persian, Turkish and English.

The vocabulary is dateparser's locale data (month and weekday names with every regional variant,
its "last month" / "N years ago" phrases, from which the words for "last" and "ago" and the units
are taken) and jdatetime's Solar Hijri month and weekday names; nothing here is a list of phrases.
Everything works on folded text (text/normalise.fold), where Arabic and Persian letter variants,
digits and half-spaces are unified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from generator.text.normalise import WORD_RE, fold

LANGUAGES = ("ar", "fa", "tr", "en")
MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")  # fmt: skip
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # datetime's order
PAST_UNITS = ("week", "month", "year")  # "last week" and beyond: farther than a few days
NEAR = 2  # words between "last"/"ago" and the month or unit they qualify, at most
MIN_NAME = 4  # shorter names are abbreviations or common words ("sat", "mar", «مه»), but for these:
SHORT_MONTHS = ("may",)  # and the Solar Hijri months (تیر, مهر, دی)
ARABIC_CLITICS = "وبلف"  # one-letter prefixes: «والجمعة», «بيوليو»
_LATIN_RE = re.compile(r"[^\W\d_\u0600-\u06ff]+")


@dataclass(frozen=True)
class PastPhrase:
    """A phrase that places what its sentence tells in the past of the document."""

    text: str  # as folded
    month: int | None  # a named month ("last July"): its number, in `calendar`
    calendar: str  # "gregorian" or "solar_hijri"


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, tuple[str, int]]  # folded name -> (calendar, number)
    weekdays: re.Pattern[str]  # named groups d0 (Monday) … d6 (Sunday)
    last_before: frozenset[str]  # "last", "geçen": before the month or unit
    last_after: frozenset[str]  # «الماضي», «گذشته»: after it
    ago: frozenset[str]  # "ago", «قبل», «پيش», "önce"
    units: frozenset[str]  # week, month, year and their plural and dual forms


def _locale_infos() -> list[tuple[str, dict]]:
    """(language, locale data) of each language and its regional variants (تموز, جانفي …)."""
    from importlib import import_module

    from dateparser.languages.loader import default_loader

    infos = []
    for language in LANGUAGES:
        infos.append((language, default_loader.get_locale(language).info))
        module = import_module(f"dateparser.data.date_translation_data.{language}")
        infos += [(language, info) for info in module.info.get("locale_specific", {}).values()]
    return infos


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """Names that mean one thing only (a name under two months or weekdays is left out)."""
    meanings: dict[str, set[object]] = {}
    for name, meaning in pairs:
        meanings.setdefault(name, set()).add(meaning)
    return {name: next(iter(found)) for name, found in meanings.items() if len(found) == 1}


def _months(infos: list[tuple[str, dict]]) -> dict[str, tuple[str, int]]:
    import jdatetime

    pairs: list[tuple[str, object]] = [
        (fold(name).rstrip("."), ("gregorian", number))
        for _, info in infos
        for number, key in enumerate(MONTH_KEYS, 1)
        for name in info.get(key, [])
    ]
    pairs += [(fold(name), ("solar_hijri", number)) for number, name in enumerate(jdatetime.date.j_months_fa, 1)]
    months = _unique(pairs)
    return {
        name: value  # type: ignore[misc]
        for name, value in months.items()
        if len(name) >= MIN_NAME or name in SHORT_MONTHS or value[0] == "solar_hijri"  # type: ignore[index]
    }


def _weekday_pattern(infos: list[tuple[str, dict]]) -> re.Pattern[str]:
    """Weekday names; Persian ones from jdatetime (dateparser's Persian list mixes them up)."""
    import jdatetime

    pairs: list[tuple[str, object]] = [
        (fold(name), number) for language, info in infos if language != "fa"
        for number, key in enumerate(WEEKDAY_KEYS) for name in info.get(key, [])
    ]  # fmt: skip
    for index, name in enumerate(jdatetime.date.j_weekdays_fa):  # Saturday first
        number = (index + 5) % 7
        folded = fold(name)
        pairs += [(folded, number), (folded.replace("شنبه", " شنبه") if folded != "شنبه" else folded, number)]
    names = {name: number for name, number in _unique(pairs).items() if len(name) >= MIN_NAME}
    groups = []
    for number in range(7):
        alternatives = sorted((re.escape(n) for n, d in names.items() if d == number), key=len, reverse=True)
        groups.append(f"(?P<d{number}>{'|'.join(alternatives)})")
    return re.compile(rf"(?<!\w)[{ARABIC_CLITICS}]?(?:{'|'.join(groups)})(?!\w)")


def _relative_words(infos: list[tuple[str, dict]]) -> tuple[frozenset[str], frozenset[str]]:
    """(ago, units) from dateparser's "N years ago" patterns: the word after the number is the
    unit, the others say "ago"."""
    ago: set[str] = set()
    units: set[str] = set()
    for _, info in infos:
        units |= {fold(w) for key in PAST_UNITS for w in info.get(key, [])}
        ago |= {fold(w) for w in info.get("ago", [])}
        for key, patterns in info.get("relative-type-regex", {}).items():
            for pattern in patterns if re.fullmatch(rf"\\1 ({'|'.join(PAST_UNITS)}) ago", key) else []:
                before, _, after = pattern.partition(")")
                after_words = fold(after.lstrip("\\d*+?]).,")).split()
                units |= set(after_words[:1])
                ago |= set(fold(before.split("(")[0]).split()) | set(after_words[1:])
    return frozenset(ago), frozenset(units)


def _last_words(infos: list[tuple[str, dict]], ago: frozenset[str], units: frozenset[str]) -> Vocabulary:
    """The words for "last" from dateparser's "last month" phrases, by the side of the noun they
    stand on ("last month", "geçen ay"; «الشهر الماضي», «ماه گذشته»); the words of its "two years
    ago" phrases that do not say "ago" are units («عامين»)."""
    before: set[str] = set()
    after: set[str] = set()
    more_units = set(units)
    for _, info in infos:
        for key, phrases in info.get("relative-type", {}).items():
            found = re.fullmatch(rf"([1-9]) ({'|'.join(PAST_UNITS)}) ago", key)
            for words in (fold(p).split() for p in (phrases if found else [])):
                if found and found.group(1) == "1" and len(words) == 2:
                    side = before if words[1] in units else after
                    side |= {w for w in words if w not in units | ago}
                elif found:
                    more_units |= {w for w in words if w not in ago}
    unit_words = frozenset(u for u in more_units - ago - before - after if len(u) >= 2 and u.isalpha())
    return Vocabulary({}, re.compile(""), frozenset(before), frozenset(after), ago, unit_words)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    infos = _locale_infos()
    words = _last_words(infos, *_relative_words(infos))
    return replace(words, months=_months(infos), weekdays=_weekday_pattern(infos))


def weekdays(text: str) -> frozenset[int]:
    """Weekdays `text` names (0 = Monday … 6 = Sunday, as datetime counts them)."""
    found = set()
    for match in vocabulary().weekdays.finditer(fold(text)):
        found.add(int(next(name for name, value in match.groupdict().items() if value)[1]))
    return frozenset(found)


def _word_is(word: str, names: frozenset[str] | dict) -> str | None:
    """The name `word` is: as it stands, after an Arabic clitic or article («والعام», «بيوليو»),
    with a Turkish suffix ("temmuzda", "yılın"), or joined to a unit («تيرماه»)."""
    for form in (word, word[1:] if word[:1] in ARABIC_CLITICS else "", *_without_article(word)):
        if form in names:
            return form
    latin = bool(_LATIN_RE.fullmatch(word))
    for cut in range(len(word) - 1, 2, -1):  # longest name first
        name, rest = word[:cut], word[cut:]
        if name in names and not rest[0].isdigit() and (latin or rest in vocabulary().units):
            return name
    return None


def _without_article(word: str) -> tuple[str, ...]:
    for prefix in ("ال", "وال", "بال", "لل", "فال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return (word[len(prefix) :],)
    return ()


def _placed_last(preceding: list[str], following: list[str], v: Vocabulary) -> bool:
    """ "last July", «يوليو الماضي», "geçen Temmuz", and "July last year"."""
    if v.last_before & set(preceding) or v.last_after & set(following):
        return True
    return any(first in v.last_before and _word_is(second, v.units) for first, second in pairwise(following))


def past_phrases(text: str) -> tuple[PastPhrase, ...]:
    """Phrases of `text` that place what it tells in the past: a named month or a unit of time
    (week, month, year) near a word for "last" or "ago" ("last July", «قبل عامين»), never a unit
    followed by a number («منذ عام 2014»: an explicit year, not a relative one)."""
    v = vocabulary()
    words = WORD_RE.findall(fold(text))
    found: list[PastPhrase] = []
    if not (v.ago | v.last_before | v.last_after).intersection(words):
        return ()  # most sentences: no word for "last" or "ago"
    for index, word in enumerate(words):
        pair = " ".join(words[index : index + 2])
        month = pair if pair in v.months else _word_is(word, v.months)
        unit = None if month else _word_is(word, v.units)
        if not (month or unit) or (unit and words[index + 1 : index + 2] and words[index + 1].isdigit()):
            continue
        span = len(month.split()) if month else 1
        preceding, following = words[max(0, index - NEAR) : index], words[index + span : index + span + NEAR]
        text = " ".join(words[max(0, index - NEAR) : index + span + NEAR])
        if month and _placed_last(preceding, following, v):
            calendar, number = v.months[month]
            found.append(PastPhrase(text, number, calendar))
        elif unit and ({*preceding, *following} & (v.ago | v.last_before | v.last_after)):
            found.append(PastPhrase(text, None, "gregorian"))
    return tuple(found)
