"""Dates written in a text, in the forms news pages use, at the precision they are written.

Complete dates: numeric (2020/07/03, 03-07-2020, ١٤٠٣/٠٩/٠٣), day-month-year and month-day-year
with month names in Arabic (the Egyptian, Levantine, Iraqi and Maghreb series, and pairs written
«تموز/يوليو», where one of the two may be a name no table knows), Persian, Turkish, English and a
few European languages, and Solar Hijri years (13xx/14xx) with Persian or Dari month names, in any
digit system. Month-only and year-only dates (April 2021, 2021-04, 2022) are read by
`partial_dates`; callers take them only where a date stands alone (a date line, one segment of a
header line), since in running text a bare year or month is usually the date of something else.
Regexes find candidates in the folded text (`fold`: case, marks, letter variants, digits);
dateparser's locale data names the months, jdatetime converts Solar Hijri dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.model.document import DatePrecision
from generator.text.normalise import fold

LANGUAGES = ["ar", "fa", "en", "tr", "fr", "de", "es", "ru"]
GREGORIAN_YEARS = range(1950, 2101)
SOLAR_HIJRI_YEARS = range(1330, 1480)
MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Solar Hijri months as Persian (and Dari/Afghan) pages name them.
SOLAR_HIJRI_NAMES = (
    ("فروردین", "حمل"),
    ("اردیبهشت", "ثور"),
    ("خرداد", "جوزا"),
    ("تیر", "سرطان"),
    ("مرداد", "امرداد", "اسد"),
    ("شهریور", "سنبله"),
    ("مهر", "میزان"),
    ("آبان", "عقرب"),
    ("آذر", "قوس"),
    ("دی", "جدی"),
    ("بهمن", "دلو"),
    ("اسفند", "حوت"),
)
SOLAR_HIJRI_MONTHS = {fold(name): number for number, names in enumerate(SOLAR_HIJRI_NAMES, 1) for name in names}


@lru_cache(maxsize=1)
def locale_data() -> tuple[dict[str, Any], ...]:
    """dateparser's data for LANGUAGES and every regional Arabic locale (the Levantine and Iraqi
    month names «نيسان», «تشرين الثاني», the Maghreb ones «أفريل», «جوان»)."""
    from dateparser.data import language_locale_dict
    from dateparser.languages.loader import default_loader

    codes = [*LANGUAGES, *language_locale_dict.get("ar", [])]
    return tuple(default_loader.get_locale(code).info for code in codes)


def _names(info_keys: tuple[str, ...]) -> dict[str, int]:
    """Folded names of each key's values (1-based), in dateparser's data: at least three letters
    (Turkish «Oc» and the like are too short to trust) or two Arabic-script letters (Persian «مه»)."""
    found: dict[str, int] = {}
    for info in locale_data():
        for number, key in enumerate(info_keys, 1):
            for name in info.get(key, []):
                folded = " ".join(fold(name).rstrip(".").split())
                long_enough = len(folded) >= 3 or (len(folded) == 2 and folded.isalpha() and not folded.isascii())
                if long_enough and not any(c.isdigit() for c in folded):
                    found.setdefault(folded, number)
    return found


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Gregorian month names (folded) and their numbers."""
    return _names(MONTH_KEYS)


@lru_cache(maxsize=1)
def weekday_names() -> dict[str, int]:
    """Weekday names (folded), Monday 1."""
    return _names(WEEKDAY_KEYS)


def _alternation(names: list[str]) -> str:
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, name.split())) for name in ordered)


_W = r"[^\W\d_]"  # a letter
_OTHER = rf"{_W}{{2,}}(?:\s+{_W}{{2,}})?"  # a name no table knows, paired with one that is known
_KNOWN = rf"(?:{_alternation([*month_numbers(), *SOLAR_HIJRI_MONTHS])})\.?(?!{_W})"  # "Sept." too
_MONTH = rf"(?:{_KNOWN}(?:\s*/\s*{_OTHER})?|{_OTHER}\s*/\s*{_KNOWN})"
# A month name begins a word. (Without the check the regex engine would try, at every letter of a
# word, to read on to the word's end, which is quadratic on a long line without spaces.)
_WORD_START = rf"(?<!{_W})"
_YEAR_WORD = r"(?:عام\s+|سنه\s+|سنة\s+|العام\s+|of\s+)?"
_FLAGS = re.IGNORECASE
_PATTERNS = (
    ("ymd", re.compile(r"(?<!\d)(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")),
    (
        "d_month_y",
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?\.?,?\s+(?:من\s+|of\s+)?({_MONTH})\s*,?\s+{_YEAR_WORD}(\d{{4}})(?!\d)",
            _FLAGS,
        ),
    ),
    ("month_d_y", re.compile(rf"{_WORD_START}({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", _FLAGS)),
)
_PARTIAL_PATTERNS = (
    ("month_y", re.compile(rf"{_WORD_START}({_MONTH})\s*,?\s+{_YEAR_WORD}(\d{{4}})(?!\d)", _FLAGS)),
    ("ym", re.compile(r"(?<![\d/.\-])(\d{4})\s*[/.\-]\s*(\d{1,2})(?![\d/.\-])")),
    ("my", re.compile(r"(?<![\d/.\-])(\d{1,2})\s*[/.\-]\s*(\d{4})(?![\d/.\-])")),
    ("y", re.compile(r"(?<![\d/.\-])(\d{4})(?![\d/.\-])")),
)
# «هـ» (folded «ه») or «ه.ق» after a year: the Islamic lunar calendar, whose years (14xx) overlap the
# Solar Hijri ones; «ه.ش» and «هجری شمسی» are Solar Hijri.
_LUNAR_MARK = re.compile(r"\s*(?:ه\s*\.?\s*ق(?!\w)|ه(?![\w.])(?!\s*\.?\s*ش)|هجري(?!\s*شمسي))")


@dataclass(frozen=True)
class Found:
    """A date read in a folded text: ISO 8601 at its precision, and where it was written."""

    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: DatePrecision
    start: int
    end: int

    @property
    def first_day(self) -> dt.date:
        """The first day of the period it names."""
        return dt.date.fromisoformat((self.iso + "-01-01")[:10])


def find_date(text: str) -> dt.date | None:
    """The first complete date (day, month and year) written in `text`, or None."""
    found = day_dates(fold(text))
    return dt.date.fromisoformat(found[0].iso) if found else None


def day_dates(folded: str) -> list[Found]:
    """Every complete date of a folded text, in the order they are written."""
    found = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            date = None if _lunar(folded, match) else _interpret(kind, match.groups())
            if date is not None:
                found.append(Found(date.isoformat(), "day", match.start(), match.end()))
    return sorted(found, key=lambda f: (f.start, -f.end))


def partial_dates(folded: str) -> list[Found]:
    """Month-only and year-only dates of a folded text (April 2021, 2021-04, 04/2021, 2021), in the
    order they are written. A Solar Hijri month straddles two Gregorian months: it is given as its
    Gregorian year when it lies within one; a Solar Hijri year alone is never within one."""
    found = []
    for kind, pattern in _PARTIAL_PATTERNS:
        for match in pattern.finditer(folded):
            iso = None if _lunar(folded, match) else _interpret_partial(kind, match.groups())
            if iso is not None:
                found.append(Found(iso, "month" if len(iso) == 7 else "year", match.start(), match.end()))
    return sorted(found, key=lambda f: (f.start, -f.end))


def _lunar(folded: str, match: re.Match[str]) -> bool:
    return bool(_LUNAR_MARK.match(folded, match.end()))


def _interpret(kind: str, groups: tuple[str, ...]) -> dt.date | None:
    if kind == "ymd":
        year, month, day = map(int, groups)
        return _numeric(year, month, day)
    if kind == "dmy":
        day, month, year = map(int, groups)
        return _numeric(year, month, day) or _numeric(year, day, month)  # 07/23/2020 is month-first
    if kind == "d_month_y":
        day_text, names, year_text = groups
    else:
        names, day_text, year_text = groups
    number = month_number(names, int(year_text))
    return None if number is None else _numeric(int(year_text), number, int(day_text))


def month_number(names: str, year: int) -> int | None:
    """The month a name, or a pair «تموز/يوليو», names in the calendar of `year`; None when no name
    is known or two known names disagree."""
    table = SOLAR_HIJRI_MONTHS if year in SOLAR_HIJRI_YEARS else month_numbers()
    numbers = {table.get(" ".join(part.split()).rstrip(".")) for part in fold(names).split("/")} - {None}
    return numbers.pop() if len(numbers) == 1 else None


def _numeric(year: int, month: int, day: int) -> dt.date | None:
    try:
        if year in SOLAR_HIJRI_YEARS:
            return _solar_hijri(year, month, day)
        return dt.date(year, month, day) if year in GREGORIAN_YEARS else None
    except ValueError:
        return None


def _solar_hijri(year: int, month: int, day: int) -> dt.date | None:
    """A Solar Hijri date as a Gregorian one (jdatetime: arithmetic, no astronomy)."""
    import jdatetime

    date = jdatetime.date(year, month, day).togregorian()
    return date if date.year in GREGORIAN_YEARS else None  # Solar Hijri 1479 runs into 2101


def _interpret_partial(kind: str, groups: tuple[str, ...]) -> str | None:
    if kind == "y":
        year = int(groups[0])
        return f"{year:04d}" if year in GREGORIAN_YEARS else None
    if kind == "month_y":
        year = int(groups[1])
        month = month_number(groups[0], year)
    elif kind == "ym":
        year, month = int(groups[0]), int(groups[1])
    else:
        month, year = int(groups[0]), int(groups[1])
    if month is None or not 1 <= month <= 12:
        return None
    if year in SOLAR_HIJRI_YEARS:
        return _solar_hijri_month(year, month)
    return f"{year:04d}-{month:02d}" if year in GREGORIAN_YEARS else None


def _solar_hijri_month(year: int, month: int) -> str | None:
    """The Gregorian year a Solar Hijri month lies in, or None when it runs from one into the next."""
    first = _solar_hijri(year, month, 1)
    last = _solar_hijri(year + (month == 12), month % 12 + 1, 1)
    if first is None or last is None:
        return None
    last -= dt.timedelta(days=1)
    return f"{first.year:04d}" if first.year == last.year else None
