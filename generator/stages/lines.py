"""Source lines: numbered, stripped, bidi controls taken out (and recorded), and hard-wrapped
paragraphs joined back, each joined line remembering the source lines it came from."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from generator.model import plurals
from generator.model.document import Removal
from generator.text.normalise import ends_sentence, line_key, strip_bidi_controls

# Hard wrapping (a paragraph broken at a fixed width), tuned on the seeds and the hypothesis
# properties: the wrap width is the length most lines stay under (the 90th percentile) ...
WRAP_WIDTH_PERCENTILE = 0.9
WRAP_MIN_LINES_FOR_WIDTH = 4  # fewer lines give no width worth the name
# ... a line "reaches" it from 70% of it (words do not fill a line exactly) ...
NEAR_WIDTH = 0.7
# ... and a text is hard-wrapped when it has a few lines, the width is a terminal's (web pages
# run paragraphs to hundreds of characters), half its lines reach it and most of those end mid-sentence.
WRAP_MIN_LINES = 6
WRAP_MAX_WIDTH = 110
WRAP_MIN_SHARE_NEAR_WIDTH = 0.5
WRAP_MIN_SHARE_UNENDED = 0.6
OVER_WIDTH = 1.1  # a line this much longer than the width was not wrapped at it
SAME_START_WORDS = 3  # a line starting with the previous line's first words is a copy, not its continuation
# A single hard-wrapped paragraph in a page whose other paragraphs are long lines: at least three
# lines, each but the last broken where the next line's first word would not have fitted.
RUN_MIN_LINES = 3
RUN_MIN_WIDTH = 40
RUN_PROSE_WORDS = 25  # the joined lines make a paragraph (or a sentence of a few words)
RUN_MIN_SENTENCE_WORDS = 6
# Lines that are items of a list, not parts of a paragraph: a link ending in an arrow ("Headline →"),
# a copyright notice, lines opening with the same label ("Read next: …", "Read next: …").
LINK_END_RE = re.compile(r"\s(?:→|➜|➔|⟶|►)\s*$")
LABEL_START_RE = re.compile(r"^(\w+(?:\s+\w+){0,2})\s*[:：]\s")


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    last: int  # last source line merged into this one (hard-wrapped text)
    parts: tuple[tuple[int, str], ...] = ()  # (number, text) of each source line merged into it

    @property
    def key(self) -> str:
        return _line_key(self.text)


@lru_cache(maxsize=100_000)
def _line_key(text: str) -> str:
    return line_key(text)


def removals(line: Line, reason: str, kind: str) -> list[Removal]:
    """One removal per source line, so each line of a removed hard-wrapped paragraph is accounted for."""
    return [Removal(number, text, reason, kind) for number, text in line.parts or ((line.number, line.text),)]


def source_lines(text: str, first_line: int, removed: list[Removal]) -> list[Line | None]:
    """Stripped lines with their numbers (None for blank lines); bidi controls taken out and recorded."""
    result: list[Line | None] = []
    for offset, raw in enumerate(text.split("\n")):
        number = first_line + offset
        stripped, controls = strip_bidi_controls(raw)
        if controls:
            names = ", ".join(sorted({f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in controls}))
            removed.append(
                Removal(
                    number,
                    names,
                    f"{plurals.count(len(controls), 'bidi control character')} that can reorder text",
                    "bidi",
                )
            )
        stripped = stripped.strip()
        result.append(Line(number, stripped, number, ((number, stripped),)) if stripped else None)
    return result


def unwrap(lines: list[Line | None]) -> list[Line]:
    """Join hard-wrapped lines back into paragraphs.

    A text is hard-wrapped when most of its lines stop near one short width; a line that
    reaches that width and does not end a sentence continues on the next line, if the next
    line's first word would not have fitted on it (a headline above a standfirst would have).
    """
    present = [line for line in lines if line is not None]
    lengths = sorted(len(line.text) for line in present)
    width = lengths[int(len(lengths) * WRAP_WIDTH_PERCENTILE)] if len(lengths) >= WRAP_MIN_LINES_FOR_WIDTH else 0
    near_width = [line for line in present if len(line.text) >= NEAR_WIDTH * width]
    wrapped = (
        len(present) >= WRAP_MIN_LINES
        and 0 < width <= WRAP_MAX_WIDTH
        and len(near_width) >= WRAP_MIN_SHARE_NEAR_WIDTH * len(present)
        and sum(not ends_sentence(line.text) for line in near_width) >= WRAP_MIN_SHARE_UNENDED * len(near_width)
    )
    if not wrapped:
        return _unwrap_runs(lines)
    result: list[Line] = []
    last: Line | None = None  # the previous source line when it may continue on this one
    for line in lines:
        if line is None:
            last = None
            continue
        if last is not None and result and _continues(last.text, line.text, width, greedy=False):
            previous = result[-1]
            result[-1] = Line(previous.number, f"{previous.text} {line.text}", line.number, previous.parts + line.parts)
        else:
            result.append(line)
        near = NEAR_WIDTH * width <= len(line.text) <= OVER_WIDTH * width
        last = line if near and not ends_sentence(line.text) else None
    return [
        part for line in result for part in (_parts(line) if len(line.parts) > 1 and not _prose(line.text) else [line])
    ]


def _parts(line: Line) -> list[Line]:
    """Lines joined in error (a headline and the caption under it) taken apart again."""
    return [Line(number, text, number, ((number, text),)) for number, text in line.parts]


def _prose(text: str) -> bool:
    """Joined lines make a paragraph: long, or a sentence."""
    count = len(text.split())
    return count >= RUN_PROSE_WORDS or (count >= RUN_MIN_SENTENCE_WORDS and ends_sentence(text))


def _continues(line: str, following: str, width: int, greedy: bool = True) -> bool:
    """The next line does not start over with the same words (a headline and its copy); and,
    where the page's wrapping is not established (`greedy`), it starts in lower case (in scripts
    with case) or the line stops where the next line's first word would not have fitted."""
    first, second = line.split(), following.split()
    if first[:SAME_START_WORDS] == second[:SAME_START_WORDS] or _items(line, following):
        return False
    return not greedy or following[:1].islower() or len(line) + 1 + len(second[0]) > width


def _items(line: str, following: str) -> bool:
    """Two lines of a list: a link and the next item, a notice, or two items with one label."""
    label = LABEL_START_RE.match(line)
    return (
        bool(LINK_END_RE.search(line))
        or following.startswith("©")
        or (label is not None and following.startswith(label.group(0).rstrip()))
    )


def _unwrap_runs(lines: list[Line | None]) -> list[Line]:
    """Join the runs of lines that were hard-wrapped at one width, leave every other line alone."""
    result: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None:
            run.append(line)
        if line is None or ends_sentence(line.text) or not RUN_MIN_WIDTH <= len(line.text) <= WRAP_MAX_WIDTH:
            result += _joined_run(run)
            run = []
    return result


def _joined_run(run: list[Line]) -> list[Line]:
    """The run's lines, those from the first that starts a wrapped paragraph on joined into one."""
    for start in range(len(run) - RUN_MIN_LINES + 1):
        if _wrapped_at_one_width(run[start:]):
            joined = run[start]
            for line in run[start + 1 :]:
                joined = Line(joined.number, f"{joined.text} {line.text}", line.number, joined.parts + line.parts)
            return [*run[:start], joined]
    return run


def _wrapped_at_one_width(run: list[Line]) -> bool:
    """Each line but the last stops where the next line's first word would pass the widest of them."""
    width = max(len(line.text) for line in run[:-1])
    text = " ".join(line.text for line in run)
    return (
        len(run[-1].text) <= width
        and all(_continues(a.text, b.text, width) for a, b in itertools.pairwise(run))
        and _prose(text)
    )
