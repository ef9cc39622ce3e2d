"""Clean: separate the article from the web page around it.

General signals only, never rules for particular files:
  * repetition     - a line seen before (exactly, or inside a longer line) is dropped;
  * section markers - «اقرأ أيضاً», «نظر شما», "Related" … on a line of their own end the article;
  * labels         - source, byline, date and tag lines are read for metadata, then dropped;
  * furniture      - short lines mostly made of share/app/ad/copyright/comment-form vocabulary;
  * script mix     - short fragments in another script (Latin menu items in an Arabic page);
  * position       - lines above the first and below the last prose line are page furniture
                     (the headline is taken from above the body).
Every line of the source ends up either in a paragraph or in `removed`, with its reason.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from generator.model.document import Cleaned, Paragraph, Removal
from generator.stages.lexicon import Lexicon, furniture_key, lexicon
from generator.text.normalise import (
    ends_sentence,
    fingerprint,
    fold,
    line_key,
    script_counts,
    strip_bidi_controls,
    words,
)

PROSE_MIN_WORDS_WITH_STOP = 6       # "… said the minister." is prose
PROSE_MIN_WORDS = 25                # a long line is prose even without a full stop (captions are shorter)
FURNITURE_MAX_WORDS = 20
FURNITURE_MIN_COVERAGE = 0.5        # share of a line's letters that are furniture vocabulary
FRAGMENT_MAX_WORDS = 4
PULL_QUOTE_MIN_WORDS = 8
NEAR_DUPLICATE_WINDOW = 40          # earlier lines compared for containment (keeps cleaning linear)
HASHTAG_RE = re.compile(r"(?<!\w)#[^\s#]+")
URL_ONLY_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# An embedded tweet's attribution ("— Name (@handle) July 3, 2020") or a line that is only its picture link;
# the tweet's own words are quoted content and stay.
TWEET_RE = re.compile(r"^(?:[—–-]\s*.{1,80}\(@\w{1,30}\)|(?:https?://)?pic\.twitter\.com/\S+$)", re.I)
KICKER_END_RE = re.compile(r"[:؛;：]\s*$")
LABEL_RE = re.compile(r"^\W*[^:：]{1,40}[:：]")          # "Label: …" (a short label, then a colon)


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    last: int           # last source line merged into this one (hard-wrapped text)
    parts: tuple[tuple[int, str], ...] = ()     # (number, text) of each source line merged into it

    @property
    def key(self) -> str:
        return _line_key(self.text)


@lru_cache(maxsize=100_000)
def _line_key(text: str) -> str:
    return line_key(text)


def _removals(line: _Line, reason: str, kind: str) -> list[Removal]:
    """One removal per source line, so each line of a removed hard-wrapped paragraph is accounted for."""
    return [Removal(number, text, reason, kind) for number, text in line.parts or ((line.number, line.text),)]


def clean(text: str, first_line: int = 1) -> Cleaned:
    removed: list[Removal] = []
    lines = _unwrap(_source_lines(text, first_line, removed))
    lex = lexicon()
    dominant_arabic = _dominant_is_arabic(text)
    candidates: list[_Line] = []
    metadata: list[Removal] = []
    seen: dict[str, int] = {}
    body_started = False
    for index, line in enumerate(lines):
        key = line.key
        if body_started and key in lex.end_markers:
            removed += _truncate(lines[index:], f"after the end-of-article marker «{line.text}» (line {line.number})")
            break
        verdict = _classify(line, key, lex, dominant_arabic, body_started)
        if verdict is None:
            verdict = _repetition(line, key, seen, candidates)
        if verdict is not None:
            kind, reason = verdict
            removed += _removals(line, reason, kind)
            if kind in ("source", "byline", "date"):
                metadata.append(Removal(line.number, line.text, reason, kind))
            continue
        seen.setdefault(key, line.number)
        candidates.append(line)
        body_started = body_started or _is_prose(line.text)
    return _by_position(candidates, removed, metadata)


def _source_lines(text: str, first_line: int, removed: list[Removal]) -> list[_Line | None]:
    """Stripped lines with their numbers (None for blank lines); bidi controls taken out and recorded."""
    result: list[_Line | None] = []
    for offset, raw in enumerate(text.split("\n")):
        number = first_line + offset
        stripped, controls = strip_bidi_controls(raw)
        if controls:
            names = ", ".join(sorted({f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in controls}))
            removed.append(Removal(number, names, f"{len(controls)} bidi control character(s) that can reorder text",
                                   "bidi"))
        stripped = stripped.strip()
        result.append(_Line(number, stripped, number, ((number, stripped),)) if stripped else None)
    return result


def _unwrap(lines: list[_Line | None]) -> list[_Line]:
    """Join hard-wrapped lines back into paragraphs.

    A text is hard-wrapped when most of its lines stop near one short width; a line that
    reaches that width and does not end a sentence continues on the next line.
    """
    present = [line for line in lines if line is not None]
    lengths = sorted(len(line.text) for line in present)
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 4 else 0
    near_width = [line for line in present if len(line.text) >= 0.7 * width]
    wrapped = (len(present) >= 6 and 0 < width <= 110 and len(near_width) >= 0.5 * len(present)
               and sum(not ends_sentence(line.text) for line in near_width) >= 0.6 * len(near_width))
    if not wrapped:
        return present
    result: list[_Line] = []
    joinable = False
    for line in lines:
        if line is None:
            joinable = False
            continue
        if joinable and result:
            previous = result[-1]
            result[-1] = _Line(previous.number, f"{previous.text} {line.text}", line.number, previous.parts + line.parts)
        else:
            result.append(line)
        joinable = len(line.text) >= 0.7 * width and not ends_sentence(line.text)
    return result


def _dominant_is_arabic(text: str) -> bool:
    arabic, latin = script_counts(text)
    return arabic >= latin


def _classify(line: _Line, key: str, lex: Lexicon, dominant_arabic: bool, body_started: bool) -> tuple[str, str] | None:
    """Why a single line is page furniture, or None if it may be article text."""
    text = line.text
    word_count = _word_count(text)
    if not any(ch.isalpha() for ch in text):
        return ("symbols", "no words (separator, symbols or a bare number)")
    if URL_ONLY_RE.match(text):
        return ("link", "bare web address")
    if TWEET_RE.search(text) and word_count <= 20:
        return ("tweet", "embedded-tweet attribution or picture link")
    if all(token.startswith("#") for token in text.split()):
        return ("hashtags", "hashtags")
    if key in lex.end_markers:                  # a marker above the body is a menu item
        return ("navigation", "section link above the article body")
    prefixes = lex.prefixes(key)
    if word_count <= 30 and LABEL_RE.match(text) and any(p != key and p in lex.end_markers for p in prefixes):
        return ("related", "related-article link")
    label = _label(text, prefixes, word_count, lex)
    if label is not None:
        return label
    if word_count <= FURNITURE_MAX_WORDS:
        furniture = _furniture(text, lex)
        if furniture is not None:
            return furniture
    if not body_started or not _is_prose(text):
        return _fragment(text, word_count, dominant_arabic)
    return None


def _label(text: str, prefixes: list[str], word_count: int, lex: Lexicon) -> tuple[str, str] | None:
    """Labelled metadata lines: «المصدر: …», «بقلم: …», «تاريخ النشر: …», "Tags: …"."""
    for kind, reason, phrases in lex.labels:
        for phrase in (p for p in prefixes if p in phrases):      # longest first
            folded_label = re.match(r"^\W*([^:：]+)[:：]", fold(text))
            has_colon = folded_label is not None and line_key(folded_label.group(1)) == phrase
            if has_colon and (kind == "tags" or word_count <= 15):
                return (kind, reason)
            if not has_colon and kind != "tags" and word_count <= 8 and not ends_sentence(text):
                return (kind, reason)
    return None


def _furniture(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """Share/app/ad/copyright/comment-form/navigation lines, by how much of them is such vocabulary."""
    folded = furniture_key(text)
    letters = sum(map(str.isalnum, folded)) or 1
    best: tuple[int, str, str] | None = None
    covered_total = 0
    for kind, reason, pattern in lex.furniture:
        covered = sum(sum(map(str.isalnum, phrase)) for phrase in pattern.findall(folded))
        covered_total += covered
        if covered and (best is None or covered > best[0]):
            best = (covered, kind, reason)
    if best is not None and covered_total / letters >= FURNITURE_MIN_COVERAGE:
        return (best[1], best[2])
    return None


def _fragment(text: str, word_count: int, dominant_arabic: bool) -> tuple[str, str] | None:
    """Short menu fragments written in the page's other script, or glued across scripts."""
    if word_count > FRAGMENT_MAX_WORDS or ends_sentence(text):
        return None
    arabic, latin = script_counts(text)
    foreign = latin if dominant_arabic else arabic
    if foreign and foreign >= 0.8 * (arabic + latin):
        return ("script", "short fragment in another script (site menu or widget)")
    if re.search(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]", text):
        return ("script", "words of two scripts glued together (site menu or widget)")
    return None


def _repetition(line: _Line, key: str, seen: dict[str, int], earlier: list[_Line]) -> tuple[str, str] | None:
    """Exact repeats anywhere; containment (caption + credit, pull quotes) among recent lines."""
    if key in seen:
        return ("repeated", f"repeats line {seen[key]}")
    word_count = key.count(" ") + 1
    for other in earlier[-NEAR_DUPLICATE_WINDOW:]:
        other_key = other.key
        if len(other_key) >= 0.6 * len(key) and other_key.count(" ") >= 3 and other_key in key:
            return ("repeated", f"repeats line {other.number} with additions")
        if word_count >= PULL_QUOTE_MIN_WORDS and key in other_key:
            return ("repeated", f"repeats part of line {other.number} (pull quote or headline)")
    return None


def _truncate(lines: list[_Line], reason: str) -> list[Removal]:
    return [removal for line in lines for removal in _removals(line, reason, "appended")]


@lru_cache(maxsize=100_000)
def _word_count(text: str) -> int:
    return len(words(text))


def _is_prose(text: str) -> bool:
    count = _word_count(text)
    return count >= PROSE_MIN_WORDS or (count >= PROSE_MIN_WORDS_WITH_STOP and ends_sentence(text))


def _by_position(candidates: list[_Line], removed: list[Removal], metadata: list[Removal]) -> Cleaned:
    """Keep the body (first to last prose line); take the headline from above it."""
    prose = [i for i, line in enumerate(candidates) if _is_prose(line.text)]
    first, last = (prose[0], prose[-1]) if prose else (0, len(candidates) - 1)
    header, body, footer = candidates[:first], candidates[first:last + 1], candidates[last + 1:]
    # Mastheads and section names are short: prefer the first header line of four words or more.
    title_line = next((line for line in header if _is_headline(line.text, 4)), None) or next(
        (line for line in header if _is_headline(line.text, 3)), None)
    header_removals = []
    title = None
    for line in header:
        if line is title_line:
            title, hashtags = _strip_hashtags(line.text)
            reason = "headline, shown as the page title" + (f" (hashtags removed: {' '.join(hashtags)})" if hashtags else "")
            removed += _removals(line, reason, "title")
        else:
            reason = "above the article body (kicker, caption, dateline or menu)"
            removed += _removals(line, reason, "header")
            header_removals.append(Removal(line.number, line.text, reason, "header"))
    removed += [removal for line in footer
                for removal in _removals(line, "below the article body (related links or page footer)", "footer")]
    paragraphs = tuple(Paragraph(f"p{i}", line.text, (line.number, line.last), fingerprint(line.text))
                       for i, line in enumerate(body, 1))
    return Cleaned(
        paragraphs=paragraphs,
        removed=tuple(sorted(removed, key=lambda r: (r.line, r.kind))),
        title=title,
        title_line=title_line.number if title_line else None,
        metadata_lines=tuple(metadata),
        header_lines=tuple(header_removals),
    )


def _is_headline(text: str, min_words: int) -> bool:
    """A headline has a few words and does not introduce what follows (kickers end in ':' or '؛')."""
    stripped, _ = _strip_hashtags(text)
    return min_words <= len(words(stripped)) <= 40 and not KICKER_END_RE.search(stripped)


def _strip_hashtags(text: str) -> tuple[str, list[str]]:
    tags = HASHTAG_RE.findall(text)
    return (" ".join(HASHTAG_RE.sub(" ", text).split()), tags) if tags else (text, [])

