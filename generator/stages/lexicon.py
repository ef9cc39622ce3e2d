"""The cleaner's vocabulary (generator/data/boilerplate.yml), compiled once: end-of-story markers,
labels of metadata lines, and page-furniture phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from generator.text.inputs import load_yaml
from generator.text.normalise import fold, line_key

# Words glued by scraping: "FlipboardNabdLinkedin", Latin against Arabic script.
GLUED_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[\u0600-\u06ff])|(?<=[\u0600-\u06ff])(?=[A-Za-z])")


@dataclass(frozen=True)
class Lexicon:
    end_markers: frozenset[str]
    labels: tuple[tuple[str, str, frozenset[str]], ...]  # (kind, reason, folded phrases)
    furniture: tuple[tuple[str, str, re.Pattern[str]], ...]  # (kind, reason, phrase pattern)
    longest: int  # words in the longest marker or label

    def prefixes(self, key: str) -> list[str]:
        """The line key's first words, as many as a marker or label can have, longest first."""
        parts = key.split(" ", self.longest)[: self.longest]
        return [" ".join(parts[:n]) for n in range(len(parts), 0, -1)]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml(resources.files("generator").joinpath("data/boilerplate.yml").read_text("utf-8"))
    labels = tuple(
        (kind, spec["reason"], frozenset(line_key(p) for p in spec["phrases"])) for kind, spec in data["labels"].items()
    )
    end_markers = frozenset(line_key(m) for m in data["end_markers"])
    furniture = []
    for kind, spec in data["furniture"].items():
        keys = sorted({furniture_key(p) for p in spec["phrases"]}, key=len, reverse=True)
        furniture.append((kind, spec["reason"], re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + ")")))
    longest = max(phrase.count(" ") + 1 for phrases in (end_markers, *(p for _, _, p in labels)) for phrase in phrases)
    return Lexicon(end_markers, labels, tuple(furniture), longest)


def furniture_key(text: str) -> str:
    """Folded text with glued words split (menus scraped as "FlipboardNabdLinkedin")."""
    return " ".join(fold(GLUED_RE.sub(" ", text)).replace("/", " ").split())
