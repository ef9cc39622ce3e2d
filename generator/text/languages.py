"""The languages and scripts the site knows (generator/data/languages.yml), read once: each
language's English name, its script and, through its script, its writing direction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import yaml

UNDETERMINED = "und"  # ISO 639's code for a language that could not be identified


@dataclass(frozen=True)
class Script:
    code: str  # ISO 15924: Arab, Latn …
    name: str
    direction: str  # "rtl" or "ltr"
    letters: str  # a regular-expression character class of its letters ("" when not used)


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English, as pages show it
    script: Script

    @property
    def direction(self) -> str:
        return self.script.direction


def _load() -> tuple[dict[str, Script], dict[str, Language]]:
    data = yaml.safe_load(resources.files("generator").joinpath("data/languages.yml").read_text("utf-8"))
    scripts = {
        code: Script(code, item["name"], item["direction"], item.get("letters", ""))
        for code, item in data["scripts"].items()
    }
    languages = {
        code: Language(code, item["name"], scripts[item["script"]]) for code, item in data["languages"].items()
    }
    return scripts, languages


SCRIPTS, LANGUAGES = _load()
# Letters of right-to-left scripts: a text of undetermined language holding one is right-to-left.
_RTL_LETTERS = "".join(s.letters for s in SCRIPTS.values() if s.direction == "rtl")
_RTL_LETTERS_RE = re.compile(f"[{_RTL_LETTERS}]" if _RTL_LETTERS else "(?!)")


def language_name(code: str) -> str:
    """The language's English name; its code if the site does not know it."""
    language = LANGUAGES.get(code)
    return language.name if language else code


def direction(language: str, text: str = "") -> str:
    """ "rtl" or "ltr": the direction of the language's script. A text of undetermined language is
    right-to-left when it holds a letter of a right-to-left script; an unknown language, left to right."""
    if language == UNDETERMINED:
        return "rtl" if _RTL_LETTERS_RE.search(text) else "ltr"
    known = LANGUAGES.get(language)
    return known.direction if known else "ltr"
