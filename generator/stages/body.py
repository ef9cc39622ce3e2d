"""The article's extent: the body runs from the first to the last prose line; the headline and
standfirst are read from above it (stages/headline.py), the page footer lies below it. Then the
standfirst counts once (a caption between it and the lede goes, and so does a standfirst repeated
inside a later paragraph), closing notes go, and embedded posts become quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.model.document import Cleaned, Paragraph, Removal
from generator.stages import furniture
from generator.stages.embeds import Embed
from generator.stages.headline import Context, Header, read_header
from generator.stages.lexicon import Lexicon
from generator.stages.lines import Line, removals
from generator.text.normalise import ends_sentence, fingerprint, line_key, words

PROSE_MIN_WORDS_WITH_STOP = 6  # "… said the minister." is prose
PROSE_MIN_WORDS = 25  # a long line is prose even without a full stop (captions are shorter)
CAPTION_MAX_WORDS = 12  # a one-sentence caption between the standfirst and a long lede
REPEAT_SHINGLE = 3  # words per shingle when comparing paragraphs
REPEAT_MIN_SHARE = 0.75  # of the standfirst's shingles found in a later paragraph: it is repeated there
WRAPPED_HEADLINE_MIN_PARTS = 3  # a headline line and at least two lines of the paragraph
SENTENCE_BREAK_RE = re.compile(r"[.!?؟]\s+\S")


@dataclass
class Scan:
    """The cleaner's state while it reads a page top to bottom."""

    lex: Lexicon
    dominant_arabic: bool
    removed: list[Removal]
    candidates: list[Line] = field(default_factory=list)
    metadata: list[Removal] = field(default_factory=list)
    site_names: list[Removal] = field(default_factory=list)
    prefixes: dict[int, str] = field(default_factory=dict)  # line -> metadata prefix split off it
    masthead_lines: set[int] = field(default_factory=set)
    seen: dict[str, int] = field(default_factory=dict)
    suffixed: dict[str, Line] = field(default_factory=dict)  # headline key -> its copy with a site name
    embeds: dict[int, Embed] = field(default_factory=dict)  # quoted line -> its post's byline
    previous: str = ""  # what the previous line was: "candidate", "role" or a removal kind
    embed_target: int | None = None
    body_started: bool = False


@lru_cache(maxsize=100_000)
def word_count(text: str) -> int:
    return len(words(text))


def is_prose(text: str) -> bool:
    count = word_count(text)
    return count >= PROSE_MIN_WORDS or (count >= PROSE_MIN_WORDS_WITH_STOP and ends_sentence(text))


def assemble(scan: Scan) -> Cleaned:
    """Keep the body (first to last prose line); take the headline and standfirst from above it."""
    candidates = scan.candidates
    prose = [i for i, line in enumerate(candidates) if is_prose(line.text)]
    first, last = (prose[0], prose[-1]) if prose else (0, len(candidates) - 1)
    header, body = _header_and_body(scan, candidates[:first], candidates[first : last + 1])
    header_removals = _header_removals(scan, header)
    body = ([header.standfirst] if header.standfirst else []) + body
    body = _trimmed(scan, body, header.standfirst is not None)
    footer = candidates[last + 1 :]
    reason = "below the article body (related links or page footer)"
    scan.removed += [removal for line in footer for removal in removals(line, reason, "footer")]
    return Cleaned(
        paragraphs=tuple(_paragraph(scan, i, line) for i, line in enumerate(body, 1)),
        removed=tuple(sorted(scan.removed, key=lambda r: (r.line, r.kind))),
        title=header.title_text,
        title_line=header.title.number if header.title else None,
        metadata_lines=tuple(scan.metadata),
        header_lines=tuple(header_removals),
        site_names=tuple(scan.site_names + header.site_names),
    )


def _header_and_body(scan: Scan, above: list[Line], body: list[Line]) -> tuple[Header, list[Line]]:
    """The header read from the lines above the body; when none of them is a headline, the first
    line of a hard-wrapped first paragraph may be one, wrapped into it (a headline as wide as the text);
    else a line shaped like the site's tagline is the headline after all."""
    context = _context(scan)
    header = read_header(above, scan.lex, context)
    if header.title is not None or not above:
        return header, body
    wrapped = _wrapped_headline(scan, above, body, context)
    return wrapped or (read_header(above, scan.lex, context, taglines=False), body)


def _wrapped_headline(
    scan: Scan, above: list[Line], body: list[Line], context: Context
) -> tuple[Header, list[Line]] | None:
    """The header with the first line of the first paragraph as its headline, and the body without it."""
    parts = body[0].parts if body else ()
    # a headline and two lines of the paragraph, or a headline and a one-line standfirst
    if len(parts) < WRAPPED_HEADLINE_MIN_PARTS and not (len(parts) == 2 and ends_sentence(parts[1][1])):
        return None
    (number, text), rest = parts[0], parts[1:]
    remainder = Line(rest[0][0], " ".join(t for _, t in rest), body[0].last, rest)
    if ends_sentence(text) or not is_prose(remainder.text) or not _starts_sentence(remainder.text):
        return None
    again = read_header([*above, Line(number, text, number, ((number, text),))], scan.lex, context)
    return (again, [remainder, *body[1:]]) if again.title is not None and again.title.number == number else None


def _starts_sentence(text: str) -> bool:
    """Not a continuation: a capital letter in scripts that have them."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.isupper() or first.lower() == first.upper()


def _context(scan: Scan) -> Context:
    return Context(
        prefixes=scan.prefixes,
        masthead_lines=frozenset(scan.masthead_lines),
        site_names=frozenset(line_key(r.text) for r in scan.site_names),
        copyright_keys=tuple(line_key(r.text) for r in scan.removed if r.kind == "copyright"),
    )


def _header_removals(scan: Scan, header: Header) -> list[Removal]:
    """The title's line and the other lines above the body, removed with their reasons."""
    if header.title is not None:
        scan.removed += removals(header.title, header.title_reason, "title")
    found = []
    for line, kind, reason in header.removals:
        scan.removed += removals(line, reason, kind)
        found.append(Removal(line.number, line.text, reason, kind))
    return found


def _trimmed(scan: Scan, body: list[Line], standfirst: bool) -> list[Line]:
    """The body without a caption under the standfirst, a standfirst repeated later, closing notes."""
    gone: list[tuple[Line, str, str]] = []
    if standfirst and len(body) >= 3 and _caption_above_lede(body[1], body[2], scan.lex):
        gone.append((body.pop(1), "caption", "image caption between the standfirst and the first paragraph"))
    repeated_in = next((later for later in body[1:] if _repeats(body[0], later)), None) if len(body) > 1 else None
    if repeated_in is not None:
        gone.append((body.pop(0), "repeated", f"the standfirst, repeated in line {repeated_in.number}"))
    while body and furniture.note(body[-1].text, scan.lex):
        reason = "closing note (the story was cut, first published elsewhere, or is for subscribers)"
        gone.append((body.pop(), "note", reason))
    scan.removed += [removal for line, kind, reason in gone for removal in removals(line, reason, kind)]
    return body


def _caption_above_lede(line: Line, lede: Line, lex: Lexicon) -> bool:
    """One short sentence right above a long first paragraph, under the standfirst: a photo caption
    (not a short lede, which says when: "on Monday", «اليوم»)."""
    return (
        word_count(line.text) <= CAPTION_MAX_WORDS
        and not furniture.says_when(line.key, lex)
        and ends_sentence(line.text)
        and not SENTENCE_BREAK_RE.search(line.text.rstrip())
        and word_count(lede.text) >= PROSE_MIN_WORDS
    )


def _repeats(line: Line, later: Line) -> bool:
    """Whether most of `line`'s word sequences recur in the longer `later` paragraph."""
    mine, theirs = line.key.split(), later.key.split()
    if len(mine) < PROSE_MIN_WORDS_WITH_STOP or len(theirs) < len(mine):
        return False
    own = {tuple(mine[i : i + REPEAT_SHINGLE]) for i in range(len(mine) - REPEAT_SHINGLE + 1)}
    other = {tuple(theirs[i : i + REPEAT_SHINGLE]) for i in range(len(theirs) - REPEAT_SHINGLE + 1)}
    return len(own & other) >= REPEAT_MIN_SHARE * len(own)


def _paragraph(scan: Scan, index: int, line: Line) -> Paragraph:
    embed = scan.embeds.get(line.number)
    return Paragraph(
        f"p{index}",
        line.text,
        (line.number, line.last),
        fingerprint(line.text),
        attribution=embed.attribution if embed else "",
        links=tuple(link for link in embed.links if link) if embed else (),
    )
