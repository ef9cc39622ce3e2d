"""How a count is written, on pages and in messages alike: "1 document", "2 documents".

The one plural rule of the package, in the lowest layer so that every layer can use it (the
templates through render.py's `count` filter)."""

from __future__ import annotations


def count(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 document", "2 documents", "0 documents", "1,250 documents"; `plural` where adding an s is
    wrong (`count(n, "entry", "entries")`)."""
    return f"{number:,} {noun(number, singular, plural)}"


def noun(number: int, singular: str, plural: str | None = None) -> str:
    """The noun alone, agreeing with `number` ("document" or "documents"), for sentences that place
    the number elsewhere ("2 of 5 paragraphs")."""
    return singular if number == 1 else plural or singular + "s"
