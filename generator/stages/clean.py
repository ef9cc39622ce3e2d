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
from functools import lru_cache

from generator.model.document import Cleaned, Paragraph, Removal
from generator.stages.lexicon import Lexicon, furniture_key, lexicon
from generator.stages.lines import Line, removals, source_lines, unwrap
from generator.text.normalise import (
    ends_sentence,
    fingerprint,
    fold,
    line_key,
    script_counts,
    words,
)

PROSE_MIN_WORDS_WITH_STOP = 6  # "… said the minister." is prose
PROSE_MIN_WORDS = 25  # a long line is prose even without a full stop (captions are shorter)
FURNITURE_MAX_WORDS = 20
FURNITURE_MIN_COVERAGE = 0.5  # share of a line's letters that are furniture vocabulary
FRAGMENT_MAX_WORDS = 4
PULL_QUOTE_MIN_WORDS = 8
TWEET_ATTRIBUTION_MAX_WORDS = 20  # "— Name (@handle) July 3, 2020" and its picture link, not prose quoting a handle
LABELLED_LINE_MAX_WORDS = 30  # "Source: …" lines are short; a paragraph that starts "Label:" is prose
LABELLED_LINE_MAX_WORDS_AFTER_COLON = 15  # a label's value (a byline, an outlet) is a few words
UNLABELLED_LINE_MAX_WORDS = 8  # a label phrase without a colon ("By Reuters") is furniture only when short
FOREIGN_SCRIPT_SHARE = 0.8  # a line mostly in the other script than the article's is page furniture
CONTAINED_MIN_SHARE = 0.6  # an earlier line inside this one repeats it when it is most of it ...
CONTAINED_MIN_WORDS = 4  # ... and long enough not to be a common phrase
HEADLINE_PREFERRED_WORDS = 4  # mastheads and section names are shorter: prefer a header line this long
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 40  # longer is a standfirst or a paragraph
NEAR_DUPLICATE_WINDOW = 40  # earlier lines compared for containment (keeps cleaning linear)
HASHTAG_RE = re.compile(r"(?<!\w)#[^\s#]+")
URL_ONLY_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# An embedded tweet's attribution ("— Name (@handle) July 3, 2020") or a line that is only its picture link;
# the tweet's own words are quoted content and stay.
TWEET_RE = re.compile(r"^(?:[—–-]\s*.{1,80}\(@\w{1,30}\)|(?:https?://)?pic\.twitter\.com/\S+$)", re.I)
KICKER_END_RE = re.compile(r"[:؛;：]\s*$")
LABEL_RE = re.compile(r"^\W*[^:：]{1,40}[:：]")  # "Label: …" (a short label, then a colon)
# Removal kinds (RemovalKind): the rules' own, and boilerplate.yml's groups, whose labels must include LABEL_KINDS.
RULE_KINDS = frozenset(
    {
        "bidi",
        "symbols",
        "link",
        "tweet",
        "hashtags",
        "navigation",
        "related",
        "script",
        "repeated",
        "appended",
        "title",
        "header",
        "footer",
    }
)
LABEL_KINDS = ("source", "byline", "date", "tags")


def clean(text: str, first_line: int = 1) -> Cleaned:
    removed: list[Removal] = []
    lines = unwrap(source_lines(text, first_line, removed))
    lex = _vocabulary()
    dominant_arabic = _dominant_is_arabic(text)
    candidates: list[Line] = []
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
            removed += removals(line, reason, kind)
            if kind in ("source", "byline", "date"):
                metadata.append(Removal(line.number, line.text, reason, kind))
            continue
        seen.setdefault(key, line.number)
        candidates.append(line)
        body_started = body_started or _is_prose(line.text)
    return _by_position(candidates, removed, metadata)


@lru_cache(maxsize=1)
def _vocabulary() -> Lexicon:  # the cleaner's vocabulary, checked once
    if missing := set(LABEL_KINDS) - {kind for kind, _, _ in lexicon().labels}:
        raise ValueError(f"generator/data/boilerplate.yml lacks the labels {sorted(missing)} the cleaner reads")
    return lexicon()


def _dominant_is_arabic(text: str) -> bool:
    arabic, latin = script_counts(text)
    return arabic >= latin


def _classify(line: Line, key: str, lex: Lexicon, dominant_arabic: bool, body_started: bool) -> tuple[str, str] | None:
    """Why a single line is page furniture, or None if it may be article text."""
    text = line.text
    word_count = _word_count(text)
    if not any(ch.isalpha() for ch in text):
        return ("symbols", "no words (separator, symbols or a bare number)")
    if URL_ONLY_RE.match(text):
        return ("link", "bare web address")
    if TWEET_RE.search(text) and word_count <= TWEET_ATTRIBUTION_MAX_WORDS:
        return ("tweet", "embedded-tweet attribution or picture link")
    if all(token.startswith("#") for token in text.split()):
        return ("hashtags", "hashtags")
    if key in lex.end_markers:  # a marker above the body is a menu item
        return ("navigation", "section link above the article body")
    prefixes = lex.prefixes(key)
    if (
        word_count <= LABELLED_LINE_MAX_WORDS
        and LABEL_RE.match(text)
        and any(p != key and p in lex.end_markers for p in prefixes)
    ):
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
        for phrase in (p for p in prefixes if p in phrases):  # longest first
            folded_label = re.match(r"^\W*([^:：]+)[:：]", fold(text))
            has_colon = folded_label is not None and line_key(folded_label.group(1)) == phrase
            if has_colon and (kind == "tags" or word_count <= LABELLED_LINE_MAX_WORDS_AFTER_COLON):
                return (kind, reason)
            if not has_colon and kind != "tags" and word_count <= UNLABELLED_LINE_MAX_WORDS and not ends_sentence(text):
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
    if foreign and foreign >= FOREIGN_SCRIPT_SHARE * (arabic + latin):
        return ("script", "short fragment in another script (site menu or widget)")
    if re.search(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]", text):
        return ("script", "words of two scripts glued together (site menu or widget)")
    return None


def _repetition(line: Line, key: str, seen: dict[str, int], earlier: list[Line]) -> tuple[str, str] | None:
    """Exact repeats anywhere; containment (caption + credit, pull quotes) among recent lines."""
    if key in seen:
        return ("repeated", f"repeats line {seen[key]}")
    word_count = key.count(" ") + 1
    for other in earlier[-NEAR_DUPLICATE_WINDOW:]:
        other_key = other.key
        if (
            len(other_key) >= CONTAINED_MIN_SHARE * len(key)
            and other_key.count(" ") + 1 >= CONTAINED_MIN_WORDS
            and other_key in key
        ):
            return ("repeated", f"repeats line {other.number} with additions")
        if word_count >= PULL_QUOTE_MIN_WORDS and key in other_key:
            return ("repeated", f"repeats part of line {other.number} (pull quote or headline)")
    return None


def _truncate(lines: list[Line], reason: str) -> list[Removal]:
    return [removal for line in lines for removal in removals(line, reason, "appended")]


@lru_cache(maxsize=100_000)
def _word_count(text: str) -> int:
    return len(words(text))


def _is_prose(text: str) -> bool:
    count = _word_count(text)
    return count >= PROSE_MIN_WORDS or (count >= PROSE_MIN_WORDS_WITH_STOP and ends_sentence(text))


def _by_position(candidates: list[Line], removed: list[Removal], metadata: list[Removal]) -> Cleaned:
    """Keep the body (first to last prose line); take the headline from above it."""
    prose = [i for i, line in enumerate(candidates) if _is_prose(line.text)]
    first, last = (prose[0], prose[-1]) if prose else (0, len(candidates) - 1)
    header, body, footer = candidates[:first], candidates[first : last + 1], candidates[last + 1 :]
    # Mastheads and section names are short: prefer the first header line of four words or more.
    title_line = next((line for line in header if _is_headline(line.text, HEADLINE_PREFERRED_WORDS)), None) or next(
        (line for line in header if _is_headline(line.text, HEADLINE_MIN_WORDS)), None
    )
    header_removals = []
    title = None
    for line in header:
        if line is title_line:
            title, hashtags = _strip_hashtags(line.text)
            reason = "headline, shown as the page title" + (
                f" (hashtags removed: {' '.join(hashtags)})" if hashtags else ""
            )
            removed += removals(line, reason, "title")
        else:
            reason = "above the article body (kicker, caption, dateline or menu)"
            removed += removals(line, reason, "header")
            header_removals.append(Removal(line.number, line.text, reason, "header"))
    removed += [
        removal
        for line in footer
        for removal in removals(line, "below the article body (related links or page footer)", "footer")
    ]
    paragraphs = tuple(
        Paragraph(f"p{i}", line.text, (line.number, line.last), fingerprint(line.text))
        for i, line in enumerate(body, 1)
    )
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
    return min_words <= len(words(stripped)) <= HEADLINE_MAX_WORDS and not KICKER_END_RE.search(stripped)


def _strip_hashtags(text: str) -> tuple[str, list[str]]:
    tags = HASHTAG_RE.findall(text)
    return (" ".join(HASHTAG_RE.sub(" ", text).split()), tags) if tags else (text, [])
