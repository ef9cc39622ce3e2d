"""What one document says about the event it reports, in forms two documents can be compared by,
whatever their languages: who (people and organisations by knowledge-base id), where (places that
are points: cities, airports, bases; a country or region says little), what (numbers in any digit
system, verbatim passages such as a quoted statement or an embedded post), and when (its own date,
the weekdays it names, the years it mentions, and phrases that place what a sentence tells in the
past: "last July", «قبل عامين»).

Names in a sentence that places its story in the past ("Akar, who visited Tripoli last July")
are background: they are kept apart from the names of the story the document reports.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from generator.entities.name_vocabulary import vocabulary as name_vocabulary
from generator.entities.time_words import PastPhrase, past_phrases, vocabulary, weekdays
from generator.model.document import Document
from generator.model.entity import DocumentEntity
from generator.model.entity_types import entity_type
from generator.text.normalise import WORD_RE, ascii_digits, fold, fold_words

KIN_WINDOW = 3  # words: «نجل المشير X», "son of Marshal X"; Turkish "X'in oğlu"
PASSAGE_WORDS = 15  # a shared run of this many words (folded) is a verbatim passage
MIN_NUMBER = 10  # smaller numbers (one, two, five …) are too common to tell events apart
GREGORIAN_YEARS = range(1950, 2101)
SOLAR_HIJRI_YEARS = range(1330, 1480)  # ١٣٩٩ = 2020/21: a year mentioned in Persian
SOLAR_HIJRI_OFFSET = 621  # Solar Hijri year + 621 = the Gregorian year it begins in
_SENTENCE_END_RE = re.compile(r"(?<=[.!?؟۔…])[\"'”»)]*\s+|\n+")
_NUMBER_RE = re.compile(r"(?<![\d.,:/])\d{1,3}(?:[,.٬]\d{3})+(?![\d:])|(?<![\d.,:/])\d+(?:[.,٫]\d+)?(?![\d:/])")


@dataclass(frozen=True)
class Profile:
    """One document, as the grouping compares it."""

    doc_id: str
    day: dt.date | None  # its own date, when stated to the day
    period: str | None  # its own date when stated to the month or year only ("2021-04", "2021")
    people: dict[str, str]  # knowledge-base id -> English name, named in its own story
    organisations: dict[str, str]
    places: dict[str, str]  # points only (cities, airports, bases)
    numbers: frozenset[str]
    weekdays: frozenset[int]  # 0 = Monday
    past: tuple[tuple[PastPhrase, frozenset[str]], ...]  # each with the entity ids of its sentence
    latest_year: int | None  # the latest year its text (or the byline of a post it quotes) mentions

    @property
    def entities(self) -> dict[str, str]:
        return self.people | self.organisations | self.places

    # The ids as sets, made once: a document is compared with every other dated within days of it.
    @cached_property
    def people_ids(self) -> frozenset[str]:
        return frozenset(self.people)

    @cached_property
    def organisation_ids(self) -> frozenset[str]:
        return frozenset(self.organisations)

    @cached_property
    def place_ids(self) -> frozenset[str]:
        return frozenset(self.places)


def profile(document: Document) -> Profile:
    stated = document.analysis.date
    day = dt.date.fromisoformat(stated) if stated and len(stated) == 10 else None
    sentences = _Sentences([s for p in document.cleaned.paragraphs for s in _sentences(p.key, p.text)])
    past = [(phrase, key, start, end) for key, start, end, text in sentences.all for phrase in past_phrases(text)]
    background = {(key, start) for _, key, start, _ in past}
    background |= {(key, start) for key, start, _, text in sentences.all if _of_another_year(text, day)}
    names: dict[str, dict[str, str]] = {"person": {}, "organisation": {}, "place": {}}
    for item in document.entities:
        if _in_story(item, sentences, background) and _telling(item):
            names[item.entity.type][item.entity.id] = item.entity.name
    mentioned = _mention_index(document)
    text = _text(document)
    return Profile(
        document.doc_id,
        day,
        stated if stated and day is None else None,
        names["person"],
        names["organisation"],
        names["place"],
        _numbers(text),
        weekdays(text),
        tuple((phrase, _named_in(mentioned, key, start, end)) for phrase, key, start, end in past),
        _latest_year("\n".join([text, *(p.attribution for p in document.cleaned.paragraphs)])),
    )


def _sentences(key: str, text: str) -> list[tuple[str, int, int, str]]:
    """(paragraph key, start, end, text) of each sentence."""
    found, start = [], 0
    for match in [*_SENTENCE_END_RE.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[start:end].strip():
            found.append((key, start, end, text[start:end]))
        start = match.end() if match else start
    return found


Sentence = tuple[str, int, int, str]  # paragraph key, start, end, text


class _Sentences:
    """A document's sentences, each found by an offset in O(log n): one paragraph may be a whole article
    on one line, with thousands of sentences and mentions (issue 11)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.all = sentences
        self._of: dict[str, list[Sentence]] = {}
        for sentence in sentences:  # in order within each paragraph, none overlapping
            self._of.setdefault(sentence[0], []).append(sentence)
        self._starts = {key: [s[1] for s in found] for key, found in self._of.items()}

    def at(self, key: str, offset: int) -> Sentence | None:
        found = self._of.get(key, [])
        last = bisect_right(self._starts.get(key, []), offset) - 1
        return found[last] if last >= 0 and offset < found[last][2] else None


def _in_story(item: DocumentEntity, sentences: _Sentences, background: set) -> bool:
    """Named at least once outside a sentence that places its story in the past, and not only as
    someone's relative («نجل المشير خليفة حفتر»: the father is not at the meeting)."""
    for mention in item.mentions:
        sentence = sentences.at(mention.paragraph, mention.start)
        if sentence is None:
            return True
        key, start, _, text = sentence
        if (key, start) not in background and not _as_relative(text, mention.start - start, mention.end - start):
            return True
    return False


def _as_relative(sentence: str, start: int, end: int) -> bool:
    """Whether a name at sentence[start:end] is written as someone's relative: a kinship word among the
    KIN_WINDOW words before it (a rank may stand between: "son of Marshal X"), or right after it."""
    words = name_vocabulary()
    before = fold_words(sentence[:start])[-KIN_WINDOW:]
    after = fold_words(sentence[end:])[:KIN_WINDOW]
    phrases = {" ".join(before[i:j]) for i in range(len(before)) for j in range(i + 1, len(before) + 1)}
    bare = {w[1:] for w in before if w.startswith("و")}  # «ونجل»
    return bool((phrases | bare) & words.kin_before) or any(w in words.kin_after for w in after)


def _telling(item: DocumentEntity) -> bool:
    """People and organisations; places only when they are points (a country says little)."""
    if item.entity.type != "place":
        return True
    subtype = entity_type("place").subtype(item.entity.subtype)
    return subtype is not None and subtype.point


def _mention_index(document: Document) -> dict[str, tuple[list[int], list[str]]]:
    """Paragraph key -> the start offsets of its mentions, in order, and the entity id of each."""
    found: dict[str, list[tuple[int, str]]] = {}
    for item in document.entities:
        for mention in item.mentions:
            found.setdefault(mention.paragraph, []).append((mention.start, item.entity.id))
    return {key: ([start for start, _ in sorted(pairs)], [i for _, i in sorted(pairs)]) for key, pairs in found.items()}


def _named_in(mentioned: dict[str, tuple[list[int], list[str]]], key: str, start: int, end: int) -> frozenset[str]:
    """The entities with a mention that starts in paragraph `key` between `start` and `end`."""
    starts, ids = mentioned.get(key, ([], []))
    return frozenset(ids[bisect_left(starts, start) : bisect_left(starts, end)])


def _numbers(text: str) -> frozenset[str]:
    """Numbers of the text (any digit system, thousands separators dropped), but years and the
    days of dates ("3 July", «٥ يونيو»)."""
    text = ascii_digits(text)
    months = vocabulary().months
    found = set()
    for match in _NUMBER_RE.finditer(text):
        raw = match.group()
        value = re.sub(r"[,.٬](?=\d{3}(?!\d))", "", raw) if re.search(r"[,.٬]\d{3}$", raw) else raw
        value = value.replace("٫", ".").replace(",", ".")
        before = fold_words(text[max(0, match.start() - 20) : match.start()])[-1:]
        after = fold_words(text[match.end() : match.end() + 20])[:1]
        if any(w in months for w in before + after) or _is_year(value):
            continue
        if float(value) >= MIN_NUMBER:
            found.add(value)
    return frozenset(found)


def _of_another_year(sentence: str, day: dt.date | None) -> bool:
    """In a document without a day date, a sentence that names a year tells of a time the document
    does not place ("the attack on Tripoli in April 2019"): its names are background, no evidence of
    the event it reports. (A dated report's own year often stands in its story sentence: kept.)"""
    return day is None and bool(_years(sentence))


def _is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and (int(value) in GREGORIAN_YEARS or int(value) in SOLAR_HIJRI_YEARS)


def _latest_year(text: str) -> int | None:
    return max(_years(text), default=None)


def _years(text: str) -> list[int]:
    """The Gregorian years a text mentions (a Solar Hijri year as the one it begins in)."""
    years = [int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", ascii_digits(text))]
    gregorian = [y for y in years if y in GREGORIAN_YEARS]
    return gregorian + [y + SOLAR_HIJRI_OFFSET for y in years if y in SOLAR_HIJRI_YEARS]


Tokens = list[tuple[str, int, int]]  # a text's words, folded, with their offsets


def tokens(document: Document) -> tuple[str, Tokens]:
    """The document's text and its words, folded (in one go: a line break stays one), with
    their offsets."""
    text = _text(document)
    found = list(WORD_RE.finditer(text))
    folded = fold("\n".join(m.group() for m in found)).split("\n")
    return text, [(word, m.start(), m.end()) for word, m in zip(folded, found, strict=True)]


def runs(words: Tokens) -> list[int]:
    """Hashes of the runs of PASSAGE_WORDS words: computed when a pair needs them, not kept for
    every document."""
    folded = [w[0] for w in words]
    return [hash(tuple(folded[i : i + PASSAGE_WORDS])) for i in range(len(folded) - PASSAGE_WORDS + 1)]


def shared_passage(text: str, words: Tokens, theirs: frozenset[int]) -> str | None:
    """The first run of PASSAGE_WORDS words of `text` among `theirs` (matched folded), as written."""
    for i, run in enumerate(runs(words)):
        if run in theirs:
            return text[words[i][1] : words[i + PASSAGE_WORDS - 1][2]]
    return None


def _text(document: Document) -> str:
    return "\n".join(p.text for p in document.cleaned.paragraphs)
