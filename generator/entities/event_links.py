"""Whether two documents report the same event: the evidence of a pair, weighed, and what in a
document's own words rules out a date for it (the weights and thresholds are measured in
entities/events.py's docstring)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

import jdatetime

from generator.entities.event_evidence import Profile
from generator.entities.time_words import MONTH_KEYS, WEEKDAY_KEYS

PERSON = 2  # a person both name
ORGANISATION = 1
PLACE = 1  # a point: city, airport, base
NUMBER = 1  # a number both give (140 km, 14 ministers)
PASSAGE = 3  # a passage both quote word for word (a statement, an embedded post)
CLOSE_IN_TIME = 1  # both dated at most a day apart, or the undated one names the other's weekday
MIN_SCORE = 6  # two people and a city (5) are not enough but close in time
MAX_DAYS_APART = 3  # reports of one event are dated within a few days of each other
MIN_NUMBERS = 2  # shared numbers that tell, without dates, that two texts tell one story
UNDATED_MIN_PEOPLE = 2  # a document without a day date brings no date as evidence: it must name more
NEAR_DAYS = dt.timedelta(days=MAX_DAYS_APART)


@dataclass(frozen=True)
class Pair:
    """What two documents share and how their dates relate."""

    first: Profile
    second: Profile
    people: frozenset[str]  # knowledge-base ids
    organisations: frozenset[str]
    places: frozenset[str]
    numbers: frozenset[str]
    passage: bool
    days_apart: int | None  # both dated to the day
    conflict: str | None  # why their dates cannot be one event's
    weekday: bool = False  # one is undated and names the weekday of the other's date

    @property
    def close(self) -> bool:
        return self.weekday or (self.days_apart is not None and self.days_apart <= 1)

    @property
    def score(self) -> int:
        return (
            PERSON * len(self.people)
            + ORGANISATION * len(self.organisations)
            + PLACE * len(self.places)
            + NUMBER * len(self.numbers)
            + PASSAGE * self.passage
            + CLOSE_IN_TIME * self.close
        )

    @property
    def telling(self) -> bool:
        """Enough in common: a person, something besides people, MIN_SCORE, no date conflict."""
        besides = self.organisations or self.places or self.numbers or self.passage
        return self.conflict is None and bool(self.people) and bool(besides) and self.score >= MIN_SCORE

    @property
    def telling_undated(self) -> bool:
        """Telling enough for a pair of which one has no day date: UNDATED_MIN_PEOPLE people."""
        return self.telling and len(self.people) >= UNDATED_MIN_PEOPLE

    @property
    def said_alike(self) -> bool:
        """Evidence of one story that needs no date: a shared passage or MIN_NUMBERS numbers."""
        return self.passage or len(self.numbers) >= MIN_NUMBERS


def compare(a: Profile, b: Profile, shares_passage: Callable[[], bool]) -> Pair:
    """The pair's evidence. `shares_passage` is asked only when its answer can change whether the
    pair is telling: it compares the whole texts."""
    days = abs((a.day - b.day).days) if a.day and b.day else None
    pair = Pair(a, b, a.people_ids & b.people_ids, a.organisation_ids & b.organisation_ids,
                a.place_ids & b.place_ids, a.numbers & b.numbers, False, days,
                _date_conflict(a, b, days), _names_weekday(a, b) or _names_weekday(b, a))  # fmt: skip
    if pair.conflict or not pair.people:
        return pair
    if pair.score < MIN_SCORE <= pair.score + PASSAGE:
        return replace(pair, passage=shares_passage())
    return pair


def _names_weekday(undated: Profile, dated: Profile) -> bool:
    return undated.day is None and dated.day is not None and dated.day.weekday() in undated.weekdays


def _date_conflict(a: Profile, b: Profile, days: int | None) -> str | None:
    if days is not None:  # both dated to the day (neither has a period)
        return f"dated {days} days apart" if days > MAX_DAYS_APART else None
    for x, y in ((a, b), (b, a)):
        if not x.period:  # most pairs: both dated to the day
            continue
        stated = y.day.isoformat() if y.day else y.period
        if stated and not (stated.startswith(x.period) or x.period.startswith(stated)):
            return f"dated {x.period} and {stated}"
    return None


def contradiction(document: Profile, date: dt.date, shared: set[str]) -> str | None:
    """What in an undated document's text rules out `date` for it: a year it mentions after
    that date, its own month or year, or a phrase placing in the past ("last July") a month
    within a few days of it, in a sentence that names what it shares with the dated reports."""
    if document.period and not date.isoformat().startswith(document.period):
        return f"it is dated {document.period}"
    if document.latest_year is not None and document.latest_year > date.year:
        return f"it mentions the year {document.latest_year}"
    for phrase, named in document.past:
        if phrase.month is not None and named & shared and _month_near(phrase.month, phrase.calendar, date):
            return f"it places “{phrase.text}” in the past"
    return None


def _month_near(month: int, calendar: str, date: dt.date) -> bool:
    days = (date - NEAR_DAYS + dt.timedelta(days=n) for n in range(2 * MAX_DAYS_APART + 1))
    if calendar == "solar_hijri":
        return any(jdatetime.date.fromgregorian(date=day).month == month for day in days)
    return any(day.month == month for day in days)


def fits_weekday(document: Profile, date: dt.date) -> bool:
    return date.weekday() in document.weekdays


def weekday_name(date: dt.date) -> str:
    return WEEKDAY_KEYS[date.weekday()].capitalize()


def day_text(date: dt.date) -> str:
    """3 July 2020"""
    return f"{date.day} {MONTH_KEYS[date.month - 1].capitalize()} {date.year}"


def period_text(period: str) -> str:
    """2021-04 -> April 2021; 2021 stays."""
    return f"{MONTH_KEYS[int(period[5:7]) - 1].capitalize()} {period[:4]}" if len(period) == 7 else period


def when(pair: Pair) -> str:
    """How the two documents' dates relate, for readers."""
    a, b = pair.first, pair.second
    if a.day and b.day:
        if a.day == b.day:
            return f"both dated {day_text(a.day)}"
        first, second = sorted((a.day, b.day))
        return f"dated {day_text(first)} and {day_text(second)}"
    dated, other = (a, b) if a.day else (b, a)
    if dated.day is None:
        stated = [period_text(x.period) for x in (a, b) if x.period]
        return f"dated {' and '.join(stated)}" if stated else "both undated"
    if other.period:
        return f"dated {day_text(dated.day)} and {period_text(other.period)}"
    if pair.weekday:
        return f"one dated {day_text(dated.day)}, the other undated but naming {weekday_name(dated.day)}, its weekday"
    return f"one dated {day_text(dated.day)}, the other undated"
