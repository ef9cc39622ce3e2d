"""Outlet candidates in the article text: its dateline («أوج – طرابلس», «أنقرة - «X» -»,
"ANKARA (AA) –"), an opening «به گزارش X،», what "X" says it read («طالعته «X»»), and credits
(«بحسب وكالة …», "according to … Agency", "X muhabirinin …"). General phrasing of the four
languages only, never a particular outlet's name.
"""

from __future__ import annotations

import re

from generator.model.document import Cleaned, Paragraph
from generator.stages.outlet_names import (
    ABBREVIATION_RE,
    LATIN_WORD,
    QUOTES,
    Candidate,
    Known,
    candidate,
    same,
    vocabulary,
)
from generator.text.normalise import fold_words, line_key

DASH = "-–—"
OPENING_PARAGRAPHS = 2  # a report opens in its first paragraphs (after a standfirst kept as text)
# A dateline's parts: a place or an outlet, a few words, no sentence punctuation.
_PART = rf"[^{DASH}()\n.،,:؛!?؟]{{2,40}}?"
# "ANKARA (AA) –", "TRIPOLI, Libya (MWS) —", «طرابلس (وكالات) -»: the outlet in brackets.
PAREN_DATELINE_RE = re.compile(rf"^[^\W\d][^()\n]{{0,40}}?\s*\((?P<name>[^()\n]{{2,40}})\)\s*[{DASH}:]")
# «أنقرة - ليبيا الآن -», «أوج – الخمس –», «تهران- ایرنا-» opening the text ...
TWO_PART_DATELINE_RE = re.compile(rf"^\s*(?P<a>{_PART})\s*[{DASH}]\s*(?P<b>[«\"“]?{_PART}[»\"”]?)\s*[{DASH}]\s")
# ... or a line of its own above it: «أوج – طرابلس».
TWO_PART_LINE_RE = re.compile(rf"^\s*(?P<a>{_PART})\s*[{DASH}]\s*(?P<b>[«\"“]?{_PART}[»\"”]?)\s*[{DASH}]?\s*$")

# Persian news opens with the outlet's own name: «به گزارش ایرنا، …» (not «… به نقل از …», whom it cites).
OPENING_RE = re.compile(r"^\s*به\s+گزارش\s+(?P<name>[^،,:.«»]{2,60}?)(?:\s+به\s+نقل\s+از\s+[^،,:.]*)?\s*[،,]")

_QUOTED = r"[«\"“”](?P<name>[^»\"“”]{2,40})[»\"“”]"
_AR_WORD = r"[^\s،,.؛:()«»\"“”]+"
_AR_STOP = r"(?:أن|إن|ان|عن|في|على|من|إلى|الى|التي|الذي|اليوم|أمس|يوم)\s"  # the name ends before these
_AR_NAME = rf"(?P<name>{_AR_WORD}(?:\s+(?!{_AR_STOP}){_AR_WORD}){{0,4}})"
_LATIN_WORD = LATIN_WORD
# Credits and self-references in the article text: (position, pattern, the name must be an outlet).
IN_TEXT: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # «وطالعته «أوج»», «حصلت عليه «X»»: the report says what its own outlet read or obtained.
    ("own report", re.compile(rf"(?:طالعت(?:ه|ها)|اطلعت\s+عليه(?:ا)?|حصلت\s+عليه(?:ا)?)\s*{_QUOTED}"), False),
    # «بحسب وكالة الأناضول», «بحسب ما نقلته وكالة …», «وفقاً لصحيفة …», «ذكرت قناة …»
    (
        "credit",
        re.compile(
            r"(?:بحسب|حسب|وفق(?:ا|اً|ًا)?\s*ل|نقل(?:ا|اً|ًا)\s+عن|ذكرت(?:ه)?|أفادت|أوردت(?:ه)?|نقلت(?:ه)?)\s+"
            r"(?:ما\s+(?:نقلته|ذكرته|أوردته|نشرته|أفادت\s+به)\s+)?" + _AR_NAME
        ),
        True,
    ),
    # «به نوشته روزنامه «…»», «به گزارش خبرگزاری …» further into a Persian text
    (
        "credit",
        re.compile(
            r"به\s+(?:گزارش|نوشته)\s+(?P<name>[^،,:.«»]{0,40}«[^»]{2,40}»|[^،,:.«»]{2,40}?(?=\s*[،,:.]|\s+به\s+نقل\s+از\s))"
        ),
        True,
    ),
    # "according to Anadolu Agency", "according to the Herald (XY)"
    (
        "credit",
        re.compile(
            rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_LATIN_WORD}(?:\s+(?:{_LATIN_WORD}|of|and|&|for))*)"
            r"(?:\s+\((?P<abbr>[A-Z]{2,6})\))?"
        ),
        True,
    ),
    # "Anadolu Ajansı (AA) muhabirinin aktardığına göre", "AA muhabirine açıklamada"
    (
        "credit",
        re.compile(
            rf"(?P<name>(?:{_LATIN_WORD}\s+){{0,4}}?{_LATIN_WORD})(?:\s+\((?P<abbr>[A-Z]{{2,6}})\))?"
            r"\s+muhabir(?:i|ine|inin|lerine|lerinin)\b"
        ),
        True,
    ),
    # "Anadolu Ajansı'nın haberine göre"
    (
        "credit",
        re.compile(
            rf"(?P<name>(?:{_LATIN_WORD}\s+){{0,4}}?[A-ZÇĞİÖŞÜ]\w*)['’]n?[ıiuü]n\s+(?:haberine|aktardığına|bildirdiğine)\s+göre"
        ),
        True,
    ),
)


def text_candidates(paragraphs: tuple[Paragraph, ...], known: Known) -> list[Candidate]:
    """An opening «به گزارش X،», «طالعته «X»» and credits ("according to X") in the article text."""
    found: list[Candidate | None] = []
    for index, paragraph in enumerate(paragraphs):
        line, text = paragraph.lines[0], paragraph.text
        opening = OPENING_RE.match(text) if index < OPENING_PARAGRAPHS else None
        if opening:
            found.append(candidate(opening.group("name"), "own report", line, text))
        for position, pattern, needs_noun in IN_TEXT:
            for match in pattern.finditer(text):
                if opening and match.start() < opening.end():
                    continue
                name = _credited_name(match, needs_noun, known)
                found.append(candidate(name, position, line, text) if name else None)
    return [c for c in found if c]


def _credited_name(match: re.Match[str], needs_noun: bool, known: Known) -> str | None:
    """The name a credit gives, if it names an outlet: a media noun, an abbreviation or a known medium."""
    name = match.group("name").strip(QUOTES + " ")
    abbreviation = match.groupdict().get("abbr")
    if not needs_noun or known.media_name(name):
        return name
    tokens = fold_words(name)
    nouns = vocabulary().media_nouns
    if not name[:1].isascii():  # Arabic and Persian put the noun first: «وكالة …», «روزنامه …»
        tokens = [*tokens[:1], " ".join(tokens[:2])]
    if any(t in nouns for t in tokens):
        return f"{name} ({abbreviation})" if abbreviation else name
    last = name.split()[-1] if name.split() else ""
    return last if ABBREVIATION_RE.match(last) else None


def dateline_candidates(cleaned: Cleaned, known: Known, others: list[Candidate]) -> list[Candidate]:
    """The opening words of the text or the line just above it: «X – PLACE», «PLACE - X -», "PLACE (X) -"."""
    if not cleaned.paragraphs:
        return []
    first = cleaned.paragraphs[0]
    above = [h for h in cleaned.header_lines if h.line < first.lines[0]]
    # the first paragraphs (a standfirst kept as text may come before the dateline)
    places = [(p.lines[0], p.text, TWO_PART_DATELINE_RE) for p in cleaned.paragraphs[:OPENING_PARAGRAPHS]]
    if above and not _gap(cleaned, above[-1].line, first):
        places.insert(0, (above[-1].line, above[-1].text, TWO_PART_LINE_RE))
    found = []
    for number, text, two_part in places:
        if match := PAREN_DATELINE_RE.match(text):
            found.append(candidate(match.group("name"), "dateline", number, text))
        elif match := two_part.match(text):
            found.append(_dateline_side(match.group("a"), match.group("b"), known, others, (number, text)))
    return [c for c in found if c]


def _gap(cleaned: Cleaned, line: int, first: Paragraph) -> bool:
    """Whether any other line stands between `line` and the first paragraph."""
    return any(line < r.line < first.lines[0] for r in cleaned.removed)


def _dateline_side(a: str, b: str, known: Known, others: list[Candidate], at: tuple[int, str]) -> Candidate | None:
    """Which side of a two-part dateline is the outlet: the quoted one, a medium the knowledge base
    or another position names, or the side opposite a known place. Neither clearly: none."""
    sides = [candidate(a, "dateline", *at), candidate(b, "dateline", *at)]
    if None in sides:  # an unnamed source («وكالات») or no name: the dateline names no outlet
        return None
    media = [known.media_name(s) for s in (a, b)]
    outlet = [
        s.strip()[:1] in QUOTES or m is not None or any(same(c, o) for o in others if c)
        for s, m, c in zip((a, b), media, sides, strict=True)
    ]
    place = [line_key(s) in known.places for s in (a, b)]
    chosen = [i for i in (0, 1) if (outlet[i] or place[1 - i]) and not place[i]]
    if len(chosen) != 1:
        return None
    i = chosen[0]
    known_name = media[i]
    if known_name is not None and known_name[1]:  # the scrape cut the name: the knowledge base's spelling
        return candidate(known_name[0], "dateline", *at, completed=True)
    return sides[i]
