"""The cleaner's vocabulary (generator/data/boilerplate.yml), compiled once: end-of-story markers,
labels of metadata lines, page-furniture phrases, and the words the furniture classes are
recognised by (masthead roles, date words, section names, "read more", photo credits, notes)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

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
    copyright: re.Pattern[str] | None = None  # marks of a copyright notice (folded text)
    roles: frozenset[str] = frozenset()  # masthead roles (line keys)
    date_words: frozenset[str] = frozenset()  # folded words of date and time lines
    prefix_labels: frozenset[str] = frozenset()  # labels of a metadata prefix (line keys)
    sections: frozenset[str] = frozenset()  # section names and kickers (line keys)
    read_more: tuple[str, ...] = ()  # teaser endings (line keys)
    photo: re.Pattern[str] | None = None  # "Photo:" labels (folded text)
    during: frozenset[str] = frozenset()  # "during" words of captions (folded)
    time_words: frozenset[str] = frozenset()  # "today", «اليوم» … (folded)
    notes: re.Pattern[str] | None = None  # closing notes (folded text)
    publications: frozenset[str] = frozenset()  # nouns opening a site's tagline (line keys)
    publications_last: frozenset[str] = frozenset()  # ... or ending it, in Turkish
    describers: frozenset[str] = frozenset()  # "an", "independent": a Latin-script tagline has one
    desks: frozenset[str] = frozenset()  # news desks named as bylines (line keys)
    platforms: frozenset[str] = frozenset()  # platforms of embedded posts (line keys)
    post_links: tuple[str, ...] = ()  # "See more on …" (line keys)
    post_reactions: frozenset[str] = frozenset()  # "Like", «بازدید» (line keys)
    signup: re.Pattern[str] | None = None  # newsletter sign-up (folded text)

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
    return Lexicon(end_markers, labels, tuple(furniture), longest, **_classes(data))


def _classes(data: dict[str, Any]) -> dict[str, Any]:
    """The vocabulary of the furniture classes (generator/stages/furniture.py)."""
    photo = sorted({fold(p) for p in data["photo_labels"]}, key=len, reverse=True)
    return {
        "copyright": re.compile("|".join(f"(?:{fold(p)})" for p in data["copyright_marks"])),
        "roles": frozenset(line_key(p) for group in data["masthead_roles"] for p in group),
        "date_words": frozenset(w for group in data["date_words"] for p in group for w in line_key(p).split()),
        "prefix_labels": frozenset(line_key(p) for p in data["prefix_labels"]),
        "sections": frozenset(line_key(p) for group in data["sections"] for p in group),
        "read_more": tuple(sorted({line_key(p) for p in data["read_more"]}, key=len, reverse=True)),
        # "Photo:" opening the line, or after a bracket, a dash, a bar or a full stop ("… arrival. Photo: AA")
        "photo": re.compile(r"(?:^|[(\[|\-–—.,]\s*)(?:" + "|".join(map(re.escape, photo)) + r")\s*[:：]"),
        "during": frozenset(fold(p) for p in data["during"] if " " not in p)
        | frozenset(line_key(p) for p in data["during"]),
        "time_words": frozenset(fold(p) for p in data["time_words"]),
        "notes": re.compile("|".join(f"(?:{fold(p)})" for p in data["notes"])),
        "publications": keys(p for group in data["publications"]["first"] for p in group),
        "publications_last": keys(data["publications"]["last"]),
        "describers": keys(data["publications"]["describers"]),
        "desks": keys(data["desks"]),
        "platforms": keys(data["post_platforms"]),
        "post_links": tuple(sorted(keys(data["post_links"]), key=len, reverse=True)),
        "post_reactions": keys(data["post_reactions"]),
        "signup": re.compile("|".join(f"(?:{fold(p)})" for p in data["signup"])),
    }


def keys(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(line_key(p) for p in phrases)


def furniture_key(text: str) -> str:
    """Folded text with glued words split (menus scraped as "FlipboardNabdLinkedin")."""
    return " ".join(fold(GLUED_RE.sub(" ", text)).replace("/", " ").split())
