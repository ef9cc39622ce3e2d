"""Which date a document states, and what kind of date it is.

The date is read from the lines a page puts around its headline, in order of trust:

1. lines labelled as the publication date (the cleaner's metadata lines of kind "date":
   «تاريخ النشر: …», «تاریخ انتشار: …», "Published …", «Yayın: …»);
2. lines above the text that hold nothing but a date (a day or a month), with its weekday, clock
   time, AM/PM marker («ص/م», «ق.ظ/ب.ظ», ÖÖ/ÖS, AM/PM) and time zone: a page header's date line;
   or that begin with a date label of the cleaner's vocabulary and a date, where the cleaner left
   the label on the line;
3. other metadata lines (a byline or source line that carries the date);
4. the dateline opening the text ("TRIPOLI, July 3, 2020 (Reuters) –");
5. a line labelled as the last update («آخر تحديث», "Updated"), when nothing says the publication;
6. a date standing alone as one segment of a line above the text or the headline ("Monthly Brief |
   April 2021", a caption ending «… - 2020/07/03»), or leading such a line after at most two words
   ("tarih 2021-04-12 Dünya …"): the date of an issue, a photograph or an unknown label.

Dates inside the text are never taken: they date the events it reports. Month-only and year-only
dates count where a date stands alone (a date line, a segment) or in a labelled line, never in a
dateline. A date before 1900 or after tomorrow is no publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from generator.model.document import Cleaned, DatePrecision, DateRole, Evidence, Removal
from generator.stages.dates import Found, day_dates, partial_dates, weekday_names
from generator.stages.lexicon import lexicon
from generator.text.normalise import fold

EARLIEST = dt.date(1900, 1, 1)
OPENING_PARAGRAPHS = 3  # kept paragraphs read for date lines the cleaner left in the text
DATELINE_WORDS = 8  # a dateline's date begins within the text's first words
DATELINE_READ = 2 * DATELINE_WORDS  # words of the text read for a dateline (and shown as its evidence)
LABEL_WORDS = 2  # words of an unknown label before a date that leads a line
DATE_LINE_CHARS = 100  # a date line, or the date after a label, with weekday, time and zone, is shorter
LABELLED_CHARS = 300  # of a labelled line, what is read for its date
PRECISIONS: dict[int, DatePrecision] = {10: "day", 7: "month", 4: "year"}  # by the length of the ISO date

_TIME = re.compile(r"(?<!\d)\d{1,2}\s*[:.]\s*\d{2}(?:\s*[:.]\s*\d{2})?(?!\d)")
_OFFSET = re.compile(r"[+\-−]\s*\d{1,2}(?::?\d{2})?(?!\d)")  # a time zone's offset, GMT+3, +03:00
# AM/PM and era marks written with dots: a.m., ق.ظ (قبل از ظهر), ب.ظ (بعد از ظهر), ه.ش (Solar Hijri).
_DOTTED_MARKS = re.compile(r"(?<!\w)(?:a\.\s?m\.?|p\.\s?m\.?|ق\s*\.\s*ظ|ب\s*\.\s*ظ|ه\s*\.\s*ش)(?!\w)")
# Words a date line holds besides the date and its weekday (folded): AM/PM markers, time zones,
# "at" and "hour", "day", and the marks of the Gregorian and Solar Hijri eras.
CLOCK_WORDS = frozenset(
    fold(word)
    for word in (
        *("am", "pm", "ص", "م", "صباحا", "مساء", "ظهرا", "قظ", "بظ", "قبل‌ازظهر", "بعدازظهر", "ÖÖ", "ÖS"),
        *("gmt", "utc", "tsi", "trt", "eet", "eest", "cet", "cest", "irst", "irdt", "z"),
        *("at", "on", "saat", "ساعت", "الساعة", "ساعة", "الساعه", "يوم", "روز", "بتوقيت", "غرينتش"),
        *("الموافق", "ميلادي", "ميلادية", "هش", "شمسي", "هجري"),
    )
)
# Words of a photo credit or copyright line (folded).
CREDIT_WORDS = frozenset(
    fold(word)
    for word in ("photo", "photograph", "picture", "image", "credit", "copyright", "صورة", "الصورة", "أرشيفية",
                 "ارشيف", "عکس", "تصویر", "آرشیو", "fotoğraf", "foto", "görsel", "arşiv")
)  # fmt: skip
_SEPARATORS = re.compile(r"\s*[|｜¦•·—–]\s*|\s+-\s+")
_DATELINE_END = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—:]")
UPDATE_WORDS = tuple(
    fold(word)
    for word in ("updated", "update", "last updated", "آخر تحديث", "تاريخ التحديث", "تحديث", "محدث", "güncelleme",
                 "güncellendi", "son güncelleme", "به‌روزرسانی", "بروزرسانی", "به روز رسانی", "آخرین به‌روزرسانی")
)  # fmt: skip


@dataclass(frozen=True)
class StatedDate:
    """A document's date at its precision, what kind of date it is, and where it was read."""

    iso: str
    precision: DatePrecision
    role: DateRole
    evidence: Evidence


Lines = list[tuple[int | None, str]]
Reader = Callable[[str], Found | None]


def stated_date(cleaned: Cleaned, today: dt.date) -> StatedDate | None:
    """The date the text states for itself (see the module's notes), or None."""
    latest = today + dt.timedelta(days=1)
    for role, lines, read in _passes(cleaned):
        for number, text in lines:
            found = read(text)
            if found is not None and EARLIEST <= found.first_day <= latest:
                return StatedDate(found.iso, found.precision, role, Evidence("text", number, text))
    return None


def given_date(value: str, evidence: Evidence) -> StatedDate | None:
    """A date given besides the text (front matter, a web page's metadata): ISO at its precision."""
    precision = PRECISIONS.get(len(value))
    return StatedDate(value, precision, "published", evidence) if precision else None


def _passes(cleaned: Cleaned) -> list[tuple[DateRole, Lines, Reader]]:
    labelled = [line for line in cleaned.metadata_lines if line.kind == "date"]
    published = [line for line in labelled if not _is_update(line.text)]
    updated = [line for line in labelled if _is_update(line.text)]
    others = [line for line in cleaned.metadata_lines if line.kind != "date"]
    opening: Lines = [
        (p.lines[0], " ".join(p.text[:LABELLED_CHARS].split()[:DATELINE_READ])) for p in cleaned.paragraphs[:1]
    ]
    return [
        ("published", _pairs(published), labelled_date),
        ("published", _lines_above(cleaned), _date_line),
        ("published", _pairs(others), _day_or_segment),
        ("dateline", opening, dateline_date),
        ("updated", _pairs(updated), labelled_date),
        ("header", _header_and_title(cleaned), header_date),
    ]


def _pairs(lines: Iterable[Removal]) -> Lines:
    return [(line.line, line.text) for line in sorted(lines, key=lambda line: line.line)]


def _lines_above(cleaned: Cleaned) -> Lines:
    """Lines above the text, whatever the cleaner made of them (header, metadata, removed, the
    headline; not an embedded post's attribution, which dates the post), then the first paragraphs:
    where a page header's date line may have gone."""
    start = cleaned.paragraphs[0].lines[0] if cleaned.paragraphs else None
    above = [*cleaned.header_lines, *cleaned.metadata_lines, *(r for r in cleaned.removed if r.kind != "embed")]
    lines = {(r.line, r.text) for r in above if start is None or r.line < start}
    if cleaned.title and cleaned.title_line:
        lines.add((cleaned.title_line, cleaned.title))
    opening = [(p.lines[0], p.text) for p in cleaned.paragraphs[:OPENING_PARAGRAPHS]]
    return [*sorted(lines), *opening]


def _header_and_title(cleaned: Cleaned) -> Lines:
    title = [(cleaned.title_line, cleaned.title)] if cleaned.title and cleaned.title_line else []
    return sorted({*_pairs(cleaned.header_lines), *title}, key=lambda pair: pair[0] or 0)


def _is_update(text: str) -> bool:
    return " ".join(fold(text).split()).startswith(UPDATE_WORDS)


def _date_line(text: str) -> Found | None:
    """A line that is a date (a bare year is not: it is as often a number or a menu's archive link),
    or a date label and a date."""
    whole = whole_line_date(text)
    if whole is not None:
        return whole if whole.precision != "year" else None
    return None if _is_update(text) else label_date(text)


def labelled_date(text: str) -> Found | None:
    """In a line labelled as a date: its first complete date, else a month or year after the label
    or standing alone in a segment, else its first month."""
    folded = fold(text[:LABELLED_CHARS])
    days = day_dates(folded)
    if days:
        return days[0]
    months = [found for found in partial_dates(folded) if found.precision == "month"]
    return label_date(text) or segment_date(text) or (months[0] if months else None)


def _day_or_segment(text: str) -> Found | None:
    found = day_dates(fold(text[:LABELLED_CHARS]))
    return found[0] if found else segment_date(text)


def whole_line_date(text: str) -> Found | None:
    """The date of a line that holds nothing but a date, its weekday, clock time and time zone
    (the same date written in two calendars counts as one)."""
    if len(text) > DATE_LINE_CHARS:
        return None
    folded = fold(text)
    for dates in (day_dates(folded), partial_dates(folded)):
        if dates:
            first = dates[0]
            rest = _cut(folded, [d for d in dates if d.iso == first.iso])
            return first if _only_clock_words(rest) else None
    return None


def segment_date(text: str) -> Found | None:
    """A date standing alone in one segment of a line (segments are parted by | — – · • or a
    spaced hyphen)."""
    for segment in _SEPARATORS.split(text):
        found = whole_line_date(segment) if segment.strip() else None
        if found is not None:
            return found
    return None


def header_date(text: str) -> Found | None:
    """A date standing alone in a segment of a header line, or leading it; none in a photo caption's
    credit or a copyright line, whose dates are those of the picture or the site."""
    if "©" in text or not CREDIT_WORDS.isdisjoint(re.split(r"[\W_]+", fold(text))):
        return None
    return segment_date(text) or leading_date(text)


def label_date(text: str) -> Found | None:
    """The date after a date label of the cleaner's vocabulary that begins the line («تاريخ النشر:
    2021-04-12 | سياسة | …»): a complete date, or a month or year standing alone up to a separator."""
    folded = fold(text)
    label = _date_label().match(folded)
    if label is None:
        return None
    rest = folded[label.end() :][:DATE_LINE_CHARS]
    dates = day_dates(rest)
    if dates and dates[0].start == 0:
        return dates[0]
    return whole_line_date(_SEPARATORS.split(rest, maxsplit=1)[0])


def leading_date(text: str) -> Found | None:
    """A complete date that begins a line after at most LABEL_WORDS words without digits."""
    folded = fold(text[:DATE_LINE_CHARS])
    dates = day_dates(folded)
    before = folded[: dates[0].start] if dates else ""
    if dates and len(before.split()) <= LABEL_WORDS and not any(c.isdigit() for c in before):
        return dates[0]
    return None


@lru_cache(maxsize=1)
def _date_label() -> re.Pattern[str]:
    """A date label of the cleaner's vocabulary (generator/data/boilerplate.yml: the labels of date
    lines and of metadata prefixes) opening a folded line."""
    vocabulary = lexicon()
    phrases = set(getattr(vocabulary, "prefix_labels", ()))
    for kind, _, labels in vocabulary.labels:
        phrases |= labels if kind == "date" else set()
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^\W*(?:{alternation})(?!\w)[\s:：\-–—]*" if alternation else r"(?!)")


def dateline_date(text: str) -> Found | None:
    """The date of a dateline: within the first words, followed by the end of the dateline (a dash
    or colon, perhaps after the agency in brackets): «طرابلس في 3 يوليو 2020 (رويترز) -»."""
    folded = fold(" ".join(text[:LABELLED_CHARS].split()[:DATELINE_READ]))
    for found in day_dates(folded):
        if len(folded[: found.start].split()) < DATELINE_WORDS and _DATELINE_END.match(folded, found.end):
            return found
    return None


def _cut(folded: str, found: list[Found]) -> str:
    """The text without the spans of `found`."""
    pieces, at = [], 0
    for item in sorted(found, key=lambda f: f.start):
        pieces.append(folded[at : max(at, item.start)])
        at = max(at, item.end)
    return " ".join([*pieces, folded[at:]])


def _only_clock_words(rest: str) -> bool:
    rest = _OFFSET.sub(" ", _TIME.sub(" ", _DOTTED_MARKS.sub(" ", rest)))
    allowed = _date_line_words()
    return all(word in allowed for word in re.split(r"[\W_]+", rest) if word)


@lru_cache(maxsize=1)
def _date_line_words() -> frozenset[str]:
    """CLOCK_WORDS and every word of a weekday's name («پنج شنبه»: both)."""
    return CLOCK_WORDS | {word for name in weekday_names() for word in name.split()}
