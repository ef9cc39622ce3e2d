"""Synthetic corpora derived from the five source documents, for benchmarks.

Each synthetic document takes the page furniture of one real document (navigation, share and
ad lines, related headlines: the cleaner still has work to do), a headline and 3–8 paragraphs
recombined from documents of the same language, then varies names and places (swapping in
other spellings, other known places and places only the gazetteer knows) and states a
publication date. Seeded: the same size gives the same corpus. `one_line_document` makes the
hostile case of issue 11: megabytes of Arabic prose on a single line.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from generator.stages.clean import clean
from generator.text.sentences import split_sentences

ARABIC_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
PERSIAN_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
# (spellings that may replace one another): names and places vary across outlets like this.
SWAPS = [
    ["خلوصي آكار", "خلوصي أكار", "خلوصی آکار"],
    ["ياشار غولر", "يشار غولار", "ياشار غولار"],
    ["فايز السراج", "فائز السراج"],
    # places of the knowledge base and, from مصراتة on, places only the gazetteer knows
    ["طرابلس", "بنغازي", "سرت", "أنطاليا", "أنقرة", "ترهونة", "مصراتة", "إسطنبول", "الدوحة", "الخرطوم", "الزاوية"],
    ["مطار معيتيقة الدولي", "قاعدة الوطية الجوية"],
    ["بنغازی", "طرابلس", "سرت", "مصراته", "استانبول"],
]


# Titles written before a person's name (generator/data/titles.yml); the new-names pass looks after each.
TITLES = ["وزير الدفاع التركي", "العقيد", "السفير", "اللواء", "رئيس الأركان", "المتحدث باسم الجيش"]
NEW_PERSON_EVERY = 4  # one sentence in four opens with a title and a person nobody knows
# A whole word of three Arabic letters or more that is not an «ال» word (name words of `one_line_document`).
NAME_WORD_RE = re.compile(r"(?<!\S)(?!ال)[ءآأؤإئابةتثجحخدذرزسشصضطظعغقكلمنهيى]{3,}(?!\S)")


def furniture_and_body(text: str) -> tuple[list[str], list[str], list[str]]:
    """(lines above the body, body paragraphs, lines below it) of a real document."""
    cleaned = clean(text)
    lines = text.split("\n")
    first = cleaned.paragraphs[0].lines[0]
    last = cleaned.paragraphs[-1].lines[1]
    return lines[: first - 1], [p.text for p in cleaned.paragraphs], lines[last:]


def build_corpus(sources: list[Path], target: Path, count: int, seed: int = 20261124) -> None:
    rng = random.Random(seed)
    parsed = [(p.read_text(encoding="utf-8"), furniture_and_body(p.read_text(encoding="utf-8"))) for p in sources]
    by_language: dict[str, list[str]] = {}
    for _, (_, body, _) in parsed:
        language = "fa" if any(ch in "پچژگی" for ch in "".join(body)) else "ar"
        by_language.setdefault(language, []).extend(body)
    target.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        _text, (header, body, footer) = parsed[rng.randrange(len(parsed))]
        language = "fa" if any(ch in "پچژگی" for ch in "".join(body)) else "ar"
        pool = by_language[language]
        paragraphs = [rng.choice(pool) for _ in range(rng.randint(3, 8))]
        paragraphs = [_vary(p, rng) for p in dict.fromkeys(paragraphs)]
        year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        if language == "fa":
            date_line = f"تاریخ انتشار: {day} {PERSIAN_MONTHS[month - 1]} {year - 621}"
        else:
            date_line = f"تاريخ النشر: {day} {ARABIC_MONTHS[month - 1]} {year}"
        headline = " ".join(paragraphs[0].split()[:9])
        document = [*header, headline, date_line, *paragraphs, *footer]
        (target / f"s{number:05d}.txt").write_text("\n".join(document) + "\n", encoding="utf-8")


def _vary(paragraph: str, rng: random.Random) -> str:
    for group in SWAPS:
        for spelling in group:
            if spelling in paragraph and rng.random() < 0.5:
                paragraph = paragraph.replace(spelling, rng.choice(group))
                break
    return paragraph


def one_line_document(sources: list[Path], size: int, seed: int = 20261124) -> str:
    """About `size` bytes of Arabic on a single line (one paragraph), the hostile case of issue 11:
    the Arabic documents' sentences recombined, names and places varied, and one sentence in
    NEW_PERSON_EVERY opening with a title and a person the knowledge base does not know (two words
    of the documents), so the new-names pass has thousands of different candidates."""
    rng = random.Random(seed)
    body = [
        p
        for path in sources
        for p in furniture_and_body(path.read_text(encoding="utf-8"))[1]
        if not any(ch in "پچژگی" for ch in p)
    ]
    sentences = [s for p in body for s in split_sentences(p, "ar")]
    name_words = sorted({w for p in body for w in NAME_WORD_RE.findall(p) if w[0] not in "وفبلك"})  # no clitic
    parts: list[str] = []
    used = 0
    while True:
        sentence = _vary(rng.choice(sentences), rng)
        if rng.randrange(NEW_PERSON_EVERY) == 0:
            person = f"{rng.choice(name_words)} {rng.choice(name_words)}"
            sentence = f"وقال {rng.choice(TITLES)} {person} إن {sentence}"
        cost = len(sentence.encode("utf-8")) + 1  # and the space or newline after it
        if used + cost > size:
            return " ".join(parts) + "\n"
        parts.append(sentence)
        used += cost
