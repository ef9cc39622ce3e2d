"""Publication dates written in the text, in the forms news pages use.

Numeric (2020/07/03, 03-07-2020, ١٤٠٣/٠٩/٠٣), day-month-year and month-day-year with month
names in Arabic (both the Levantine and Egyptian names), Persian, Turkish and English, and
Solar Hijri years (13xx/14xx), in any digit system. Regexes only find candidates; dateparser
and its Jalali calendar decide what a candidate means.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from generator.model.document import Evidence
from generator.text.normalise import ascii_digits, fold

LANGUAGES = ["ar", "fa", "en", "tr", "fr", "de", "es", "ru"]
_SETTINGS = {"STRICT_PARSING": True, "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}
_MONTH = r"[^\W\d_]{3,}(?:\s*/\s*[^\W\d_]{3,})?"
# A month name begins a word. (A match could never begin inside one anyway: from the word's start
# the same month-and-date matches first; but without the check the regex engine tries, at every
# letter of a word, to read on to the word's end, which is quadratic on a long line without spaces.)
_WORD_START = r"(?<![^\W\d_])"
_PATTERNS = (
    ("ymd", re.compile(r"(?<!\d)(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")),
    (
        "d_month_y",
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?\.?,?\s+(?:من\s+)?({_MONTH})\s*,?\s+(?:عام\s+|سنة\s+|العام\s+)?(\d{{4}})(?!\d)"
        ),
    ),
    ("month_d_y", re.compile(rf"{_WORD_START}({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")),
)
GREGORIAN_YEARS = range(1950, 2101)
SOLAR_HIJRI_YEARS = range(1330, 1480)


def find_date(text: str) -> dt.date | None:
    """The first complete date (day, month and year) written in `text`, or None."""
    text = ascii_digits(text)
    found: list[tuple[int, dt.date]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            date = _interpret(kind, match.groups())
            if date is not None:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else None


def first_date(lines: Iterable[tuple[int | None, str]]) -> tuple[str, Evidence] | None:
    """The first line (of `(line number, text)` pairs) holding a date, as ISO date and evidence."""
    for number, text in lines:
        date = find_date(text)
        if date is not None:
            return date.isoformat(), Evidence("text", number, text)
    return None


def _interpret(kind: str, groups: tuple[str, ...]) -> dt.date | None:
    if kind == "ymd":
        year, month, day = map(int, groups)
        return _numeric(year, month, day)
    if kind == "dmy":
        day, month, year = map(int, groups)
        return _numeric(year, month, day) or _numeric(year, day, month)  # 07/23/2020 is month-first
    if kind == "d_month_y":
        day_text, month_names, year_text = groups
    else:
        month_names, day_text, year_text = groups
    for month_name in re.split(r"\s*/\s*", month_names):
        date = _parse_words(f"{int(day_text)} {month_name} {year_text}", int(year_text))
        if date is not None:
            return date
    return None


def _numeric(year: int, month: int, day: int) -> dt.date | None:
    if year in SOLAR_HIJRI_YEARS:
        return _solar_hijri(f"{year}/{month:02d}/{day:02d}")
    if year in GREGORIAN_YEARS:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


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


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month names of LANGUAGES (folded), from dateparser's own locale data."""
    from dateparser.languages.loader import default_loader

    months: dict[str, int] = {}
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, key in enumerate(MONTH_KEYS, 1):
            for name in info.get(key, []):
                folded = fold(name).rstrip(".")
                if len(folded) >= 3:
                    months.setdefault(folded, number)
    return months


def _parse_words(candidate: str, year: int) -> dt.date | None:
    if year in SOLAR_HIJRI_YEARS:
        return _solar_hijri(candidate)
    if year not in GREGORIAN_YEARS:
        return None
    day, month, _ = candidate.split(" ", 2)
    number = _month_numbers().get(fold(month))
    if number is not None:  # the common case, answered from dateparser's month names directly
        try:
            return dt.date(year, number, int(day))
        except ValueError:
            return None
    parsed = _parser().get_date_data(candidate)
    return parsed.date_obj.date() if parsed and parsed.date_obj and parsed.period == "day" else None


@lru_cache(maxsize=1)
def _parser():
    """One dateparser parser for the build: building one per call reloads its locale data."""
    from dateparser.date import (
        DateDataParser,  # imported lazily: it takes a while to load
    )

    return DateDataParser(languages=LANGUAGES, settings=_SETTINGS)


# Solar Hijri months as Persian (and Dari/Afghan) pages name them, folded (ی/ي, ک/ك).
SOLAR_HIJRI_MONTHS = {
    fold(name): number
    for number, names in enumerate(
        (
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
        ),
        1,
    )
    for name in names
}


def _solar_hijri(candidate: str) -> dt.date | None:
    """'1399/04/13' or '12 تیر 1399' to a Gregorian date (jdatetime: arithmetic, no astronomy)."""
    import jdatetime

    parts = re.split(r"[\s/.\-]+", candidate.strip())
    if len(parts) != 3:
        return None
    if parts[0].isdigit() and len(parts[0]) == 4:  # year/month/day
        year, month, day = parts
    else:  # day month year
        day, month, year = parts
    month_number = int(month) if month.isdigit() else SOLAR_HIJRI_MONTHS.get(fold(month))
    try:
        date = jdatetime.date(int(year), month_number, int(day)).togregorian()
    except (TypeError, ValueError):
        return None
    return date if date.year in GREGORIAN_YEARS else None  # Solar Hijri 1479 runs into 2101
