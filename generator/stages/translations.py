"""Translations: the English side of a document, aligned paragraph by paragraph.

A translation is editorial content in `site_src/translations/<document id>.en.md`:

    ---
    translator: Jane Roe
    status: reviewed            # reviewed | draft | machine
    date: 2026-11-24
    title: English headline
    summary: [...]              # optional: an editor's English summary
    ---
    <!-- p1 9f3a1c2b -->
    English of the first paragraph.

    <!-- p2 0c4d5e6f -->
    English of the second paragraph.

Each block names the paragraph it translates twice: by position (`p2`) and by the
fingerprint of the exact original wording. Blocks align by fingerprint first, so inserting a
paragraph above does not detach them; a block whose fingerprint no longer matches, but whose
position still names a paragraph, is *stale* (the original changed since); anything else is
an *orphan*.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from generator.model.document import (
    AlignedParagraph,
    Block,
    Diagnostic,
    English,
    Paragraph,
    SummarySentence,
    SummarySource,
    TranslationState,
    TranslationStatus,
)
from generator.model.plurals import count
from generator.text.inputs import InputError, read_input_text, split_front_matter, without_front_matter
from generator.text.normalise import clean_field
from generator.text.sentences import split_sentences

STATUSES: tuple[TranslationStatus, ...] = get_args(TranslationStatus)  # reviewed, draft, machine
MARKER_RE = re.compile(r"^<!--\s*(p\d+)\s+([0-9a-f]{8}|-)\s*-->\s*$")
# A line that is only an HTML comment (or starts one) but not a marker: a mistyped marker, which
# must not be read as English text of the block above it.
COMMENT_LINE_RE = re.compile(r"^<!--")
FIELDS: dict[str, type] = {"translator": str, "status": str, "date": str, "title": str, "summary": list}


@dataclass(frozen=True)
class TranslationFile:
    path: Path
    translator: str | None
    status: TranslationStatus
    date: str | None
    title: str | None
    summary: tuple[str, ...] | None
    blocks: tuple[Block, ...]
    problems: tuple[Diagnostic, ...]  # malformed fields or blocks (warnings), each naming the field or line


def translation_path(translations_dir: Path, doc_id: str) -> Path:
    return translations_dir / f"{doc_id}.en.md"


_UNREADABLE: dict[str, Any] = {}  # front matter that did not parse: reported once, not field by field


def read_translation(path: Path, source_dir: Path, max_bytes: int) -> TranslationFile:
    problems: list[Diagnostic] = []
    try:
        text = read_input_text(path, source_dir, max_bytes)
    except InputError as error:
        return TranslationFile(
            path,
            None,
            "draft",
            None,
            None,
            None,
            (),
            (Diagnostic.from_error(error, "warning", "; the file is not used"),),
        )
    try:
        meta, body, first_line = split_front_matter(text, path)
    except InputError as error:
        meta, (body, first_line) = _UNREADABLE, without_front_matter(text)
        problems.append(Diagnostic.from_error(error, "warning"))
    meta = _valid_fields(path, meta, problems)
    status = meta.get("status", "draft")
    summary = meta.get("summary")
    return TranslationFile(
        path=path,
        translator=meta.get("translator"),
        status=status,
        date=meta.get("date"),
        title=meta.get("title"),
        summary=tuple(str(s) for s in summary) if summary else None,
        blocks=_blocks(path, body, first_line, problems),
        problems=tuple(problems),
    )


def _problem(path: Path, message: str, line: int | None = None) -> Diagnostic:
    return Diagnostic(path, line, "warning", message)


def _valid_fields(path: Path, meta: dict[str, Any], problems: list[Diagnostic]) -> dict[str, Any]:
    valid = {}
    for name, value in meta.items():
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, str) and name in ("translator", "title"):
            value = clean_field(value)
        expected = FIELDS.get(name)
        if value == "":
            problems.append(_problem(path, f"front matter field {name!r} is empty (or only invisible characters)"))
        elif expected is None:
            problems.append(_problem(path, f"unknown front matter field {name!r}"))
        elif not isinstance(value, expected):
            problems.append(_problem(path, f"front matter field {name!r} must be a {expected.__name__}"))
        elif name == "status" and value not in STATUSES:
            problems.append(
                _problem(path, f"front matter field 'status' must be one of {', '.join(STATUSES)}, not {value!r}")
            )
        else:
            valid[name] = value
    if "translator" not in valid and meta is not _UNREADABLE:
        problems.append(_problem(path, "front matter field 'translator' is missing (who translated this?)"))
    return valid


def _blocks(path: Path, body: str, first_line: int, problems: list[Diagnostic]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    current: tuple[str, str, int] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            text = " ".join(" ".join(lines).split())
            if text:
                blocks.append(Block(current[0], current[1], text, current[2]))
            else:
                problems.append(_problem(path, f"block {current[0]} is empty", current[2]))

    for offset, line in enumerate(body.split("\n")):
        match = MARKER_RE.match(line.strip())
        if match:
            close()
            current, lines = (match.group(1), match.group(2), first_line + offset), []
        elif COMMENT_LINE_RE.match(line.strip()):
            problems.append(
                _problem(
                    path,
                    f"{line.strip()!r} is not a paragraph marker (expected "
                    "`<!-- p2 1a2b3c4d -->`); the line is ignored",
                    first_line + offset,
                )
            )
        elif current is None and line.strip():
            problems.append(_problem(path, "text before the first paragraph marker is ignored", first_line + offset))
        else:
            lines.append(line)
    close()
    seen: set[str] = set()
    for block in blocks:
        if block.key in seen:
            problems.append(_problem(path, f"paragraph {block.key} is translated twice", block.line))
        seen.add(block.key)
    return tuple(blocks)


def align(
    paragraphs: tuple[Paragraph, ...], blocks: tuple[Block, ...]
) -> tuple[tuple[AlignedParagraph, ...], tuple[Block, ...]]:
    """Pair paragraphs with translation blocks: by fingerprint, then by position (stale)."""
    matched: dict[str, tuple[Block, TranslationState]] = {}
    unused = list(blocks)
    for paragraph in paragraphs:
        block = next((b for b in unused if b.fingerprint == paragraph.fingerprint), None)
        if block is not None:
            matched[paragraph.key] = (block, "translated")
            unused.remove(block)
    for block in list(unused):
        if block.key in {p.key for p in paragraphs} and block.key not in matched:
            matched[block.key] = (block, "stale")
            unused.remove(block)
    aligned = tuple(
        AlignedParagraph(p, matched[p.key][0].text, matched[p.key][1], matched[p.key][0])
        if p.key in matched
        else AlignedParagraph(p, None, "untranslated", None)
        for p in paragraphs
    )
    return aligned, tuple(unused)


def english_side(
    paragraphs: tuple[Paragraph, ...],
    language: str,
    summary: tuple[SummarySentence, ...],
    translation: TranslationFile | None,
    original_title: str,
) -> English:
    if language == "en":
        return English(
            "original",
            None,
            None,
            None,
            original_title,
            tuple(AlignedParagraph(p, p.text, "translated", None) for p in paragraphs),
            (),
            tuple(s.text for s in summary),
            "aligned",
            None,
            (),
        )
    if translation is None:
        aligned = tuple(AlignedParagraph(p, None, "untranslated", None) for p in paragraphs)
        return English("missing", None, None, None, None, aligned, (), (), None, "no translation yet", ())
    aligned, orphans = align(paragraphs, translation.blocks)
    english_summary, source, problem = _english_summary(aligned, language, summary, translation)
    return English(
        translation.status,
        translation.path,
        translation.translator,
        translation.date,
        translation.title,
        aligned,
        orphans,
        english_summary,
        source,
        problem,
        translation.problems,
    )


def _english_summary(
    aligned: tuple[AlignedParagraph, ...],
    language: str,
    summary: tuple[SummarySentence, ...],
    translation: TranslationFile,
) -> tuple[tuple[str, ...], SummarySource | None, str | None]:
    """The English of the very sentences the summariser picked, when the translation keeps the
    original's sentence division in those paragraphs; an editor's summary wins."""
    if translation.summary:
        return translation.summary, "editor", None
    by_key = {a.paragraph.key: a for a in aligned}
    english = []
    for sentence in summary:
        pair = by_key[sentence.paragraph]
        if pair.state != "translated" or pair.english is None:
            return (), None, f"paragraph {sentence.paragraph} is {pair.state}"
        original = split_sentences(pair.paragraph.text, language)
        translated = split_sentences(pair.english, "en")
        if len(original) != len(translated):
            return (
                (),
                None,
                (
                    f"paragraph {sentence.paragraph} has {count(len(original), 'sentence')} in the original and "
                    f"{len(translated)} in English; add `summary:` to the translation's front matter"
                ),
            )
        english.append(translated[sentence.index])
    return tuple(english), "aligned", None
