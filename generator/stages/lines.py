"""Source lines: numbered, stripped, bidi controls taken out (and recorded), and hard-wrapped
paragraphs joined back, each joined line remembering the source lines it came from."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
                Removal(number, names, f"{len(controls)} bidi control character(s) that can reorder text", "bidi")
            )
        stripped = stripped.strip()
        result.append(Line(number, stripped, number, ((number, stripped),)) if stripped else None)
    return result


def unwrap(lines: list[Line | None]) -> list[Line]:
    """Join hard-wrapped lines back into paragraphs.

    A text is hard-wrapped when most of its lines stop near one short width; a line that
    reaches that width and does not end a sentence continues on the next line.
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
        return present
    result: list[Line] = []
    joinable = False
    for line in lines:
        if line is None:
            joinable = False
            continue
        if joinable and result:
            previous = result[-1]
            result[-1] = Line(previous.number, f"{previous.text} {line.text}", line.number, previous.parts + line.parts)
        else:
            result.append(line)
        joinable = len(line.text) >= NEAR_WIDTH * width and not ends_sentence(line.text)
    return result
