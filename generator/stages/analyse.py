"""Analyse: language, direction, title, outlet, date and summary of a cleaned document.

Every value is read from the text by general rules or libraries, and records where it
came from (`Evidence`). Editor front matter overrides any of them; an HTML page's own
metadata is used where the text says nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from generator.model.document import Analysis, Cleaned, Evidence, EvidenceSource, SourceFile
from generator.model.entity import Entity
from generator.model.settings import Settings
from generator.stages.date_lines import StatedDate, given_date, stated_date
from generator.stages.outlet import known_from, read_outlet
from generator.stages.summarise import summarise
from generator.text.languages import direction
from generator.text.normalise import fold_words
from generator.text.sentences import split_sentences

# py3langid's model knows Arabic dialects; the site treats them as Arabic.
LANGUAGE_ALIASES = {"ary": "ar", "arz": "ar", "apc": "ar", "acm": "ar", "arb": "ar", "pes": "fa", "prs": "fa"}
# Arabic vs Persian: letters only Persian uses, and each language's commonest function words.
# Folded forms (ی->ي, ک->ك), so legacy Persian typed with Arabic ي/ك still counts as Persian.
PERSIAN_LETTERS = re.compile("[پچژگ]")
PERSIAN_WORDS = frozenset({"را", "است", "اين", "كه", "مي", "براي", "هاي", "شده", "كرد", "ميان", "نيز", "بود", "خود"})
ARABIC_WORDS = frozenset({"في", "الي", "علي", "عن", "التي", "الذي", "ان", "مع", "هذا", "كان", "قد", "بين", "او"})
FALLBACK_TITLE_WORDS = 12
LANGUAGE_SAMPLE = 1500  # characters: plenty for the model, and it keeps identification fast
Given = tuple[EvidenceSource, dict[str, Any]]  # values given besides the text, and where from


def analyse(
    source: SourceFile, cleaned: Cleaned, settings: Settings, knowledge: Mapping[str, Entity] | None = None
) -> Analysis:
    editor, page = _given(source)
    body = "\n".join(p.text for p in cleaned.paragraphs)
    language = source.metadata.get("language") or detect_language(body)
    title, title_evidence = _title(source, cleaned, language)
    known = known_from(knowledge)  # the knowledge base's media and places: who is the outlet in a dateline
    outlet, outlet_evidence = _override("outlet", editor, page) or read_outlet(cleaned, known) or (None, None)
    date = _date(cleaned, editor, page)
    url, _ = _override("url", editor, page) or (None, None)
    return Analysis(
        language=language,
        direction=direction(language, body),
        title=title,
        title_evidence=title_evidence,
        outlet=outlet,
        outlet_evidence=outlet_evidence,
        date=date.iso if date else None,
        date_evidence=date.evidence if date else None,
        date_precision=date.precision if date else None,
        date_role=date.role if date else None,
        url=url,
        summary=summarise(cleaned.paragraphs, language, settings.summary_sentences),
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, model shipped in the wheel)."""
    if not text.strip():
        return "und"
    import py3langid

    code, _ = py3langid.classify(text[:LANGUAGE_SAMPLE])
    code = LANGUAGE_ALIASES.get(code, code)
    if code in ("ar", "fa"):
        code = _arabic_or_persian(text, code)
    return code


def _arabic_or_persian(text: str, guess: str) -> str:
    """The model confuses the two on short texts and on Persian typed with Arabic ي/ك; a vote of
    Persian-only letters and function words does not."""
    tokens = fold_words(text)
    persian = len(PERSIAN_LETTERS.findall(text)) + sum(t in PERSIAN_WORDS for t in tokens)
    arabic = sum(t in ARABIC_WORDS for t in tokens)
    if persian > 2 * arabic:
        return "fa"
    if arabic > 2 * persian:
        return "ar"
    return guess


def _given(source: SourceFile) -> tuple[Given, Given]:
    """An editor's front matter (or sidecar), and a saved web page's own metadata, each labelled."""
    return ("front_matter", source.metadata), ("html_metadata", source.embedded)


def _override(field: str, *sources: Given) -> tuple[str, Evidence] | None:
    """The field's value from the first of `sources` that gives it, labelled with that source's name."""
    for name, values in sources:
        value = values.get(field)
        if value:
            return value, Evidence(name)
    return None


def _title(source: SourceFile, cleaned: Cleaned, language: str) -> tuple[str, Evidence]:
    found = _override("title", *_given(source))
    if found:
        return found
    if cleaned.title:
        return cleaned.title, Evidence("text", cleaned.title_line, cleaned.title)
    if cleaned.paragraphs:
        first = cleaned.paragraphs[0]
        sentence = split_sentences(first.text, language)[0]
        tokens = sentence.split()
        text = " ".join(tokens[:FALLBACK_TITLE_WORDS]).rstrip("،,.؛:") + (
            "…" if len(tokens) > FALLBACK_TITLE_WORDS else ""
        )
        return text, Evidence("first_sentence", first.lines[0], sentence)
    return source.doc_id, Evidence("file_name")


def _date(cleaned: Cleaned, editor: Given, page: Given) -> StatedDate | None:
    """An editor's date, else the date the text states for itself (stages/date_lines.py), else the
    saved web page's own; each at its precision, with its kind and evidence."""
    given = _override("date", editor)
    if given:
        return given_date(*given)
    found = stated_date(cleaned, dt.date.today())
    if found:
        return found
    given = _override("date", page)
    return given_date(*given) if given else None
