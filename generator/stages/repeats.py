"""Repetition: a line the page has already shown, exactly, inside a longer line (a caption with
its credit, a pull quote), cut short with "…", or as a copy of the headline with the site's name
appended (the clean headline is kept, the site's name becomes an outlet candidate)."""

from __future__ import annotations

from generator.model.document import Removal
from generator.stages import furniture
from generator.stages.body import Scan, is_prose
from generator.stages.lines import Line, removals
from generator.text.normalise import line_key

PULL_QUOTE_MIN_WORDS = 8
CONTAINED_MIN_SHARE = 0.6  # an earlier line inside this one repeats it when it is most of it ...
CONTAINED_MIN_WORDS = 4  # ... and long enough not to be a common phrase ...
ADDITIONS_MAX_WORDS = 4  # ... and what this line adds is a credit, not prose (then the earlier line is the copy)
TRUNCATED_MIN_WORDS = 3  # a copy cut short with "…" is compared from this many words
NEAR_DUPLICATE_WINDOW = 40  # earlier lines compared for containment (keeps cleaning linear)


def repetition(scan: Scan, line: Line) -> tuple[str, str] | None:
    """Exact repeats anywhere; a headline with the site's name appended; copies cut short with "…";
    containment (caption + credit, pull quotes) among recent lines."""
    key = line.key
    if key in scan.seen:
        return ("repeated", f"repeats line {scan.seen[key]}")
    if key in scan.suffixed and not scan.body_started:  # the clean headline: its earlier copy with a site name goes
        _replace_copy(scan, line, scan.suffixed.pop(key))
        return None
    found = _repeated_headline(scan, line) or _shortened_copy(scan, line)
    if found is not None:
        return found
    count = key.count(" ") + 1
    for other in scan.candidates[-NEAR_DUPLICATE_WINDOW:]:
        other_key = other.key
        if (
            len(other_key) >= CONTAINED_MIN_SHARE * len(key)
            and other_key.count(" ") + 1 >= CONTAINED_MIN_WORDS
            and other_key in key
            and (count - other_key.count(" ") - 1 <= ADDITIONS_MAX_WORDS or not is_prose(line.text))
        ):
            return ("repeated", f"repeats line {other.number} with additions")
        if count >= PULL_QUOTE_MIN_WORDS and key in other_key:
            return ("repeated", f"repeats part of line {other.number} (pull quote or headline)")
    return None


def _replace_copy(scan: Scan, line: Line, earlier: Line) -> None:
    """The headline after "Headline | Site" makes that earlier line a copy with the site's name."""
    scan.candidates.remove(earlier)
    split = furniture.site_suffix(earlier.text)
    _site_name(scan, earlier.number, split.metadata if split else "")
    reason = f"repeats the headline (line {line.number}) with the site's name appended"
    scan.removed += removals(earlier, reason, "repeated")


def _repeated_headline(scan: Scan, line: Line) -> tuple[str, str] | None:
    """ "Headline - Site" after the headline is a copy; the site's name is an outlet candidate."""
    split = furniture.site_suffix(line.text)
    head = line_key(split.headline) if split else ""
    if split is None or head not in scan.seen:
        return None
    _site_name(scan, line.number, split.metadata)
    return ("repeated", f"repeats the headline (line {scan.seen[head]}) with the site's name appended")


def _site_name(scan: Scan, number: int, name: str) -> None:
    if name:
        scan.site_names.append(Removal(number, name, "site name after a copy of the headline", "source"))


def _shortened_copy(scan: Scan, line: Line) -> tuple[str, str] | None:
    """A line cut short with "…" whose words begin an earlier line."""
    key = line.key
    if not furniture.truncated(line.text) or key.count(" ") + 1 < TRUNCATED_MIN_WORDS:
        return None
    number = next((n for other, n in scan.seen.items() if other.startswith(key + " ")), None)
    return None if number is None else ("repeated", f"repeats the beginning of line {number}, cut short")
