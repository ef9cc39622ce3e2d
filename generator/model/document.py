"""The data model every stage passes along: plain dataclasses, no behaviour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from generator.model.entity import DocumentEntity, NewName

# Where an extracted value (title, date, outlet) came from: read in the text, set by an editor's
# front matter or sidecar, read from a saved web page's own metadata, or a fallback.
EvidenceSource = Literal["text", "front_matter", "html_metadata", "first_sentence", "file_name"]
# How much of a date is known: a day (2021-04-12), a month (2021-04) or a year (2021).
DatePrecision = Literal["day", "month", "year"]
# What a document's date is: the date the source gives as its publication date (a labelled date
# line, a page-header line that is only a date, front matter, the web page's metadata), the date of
# its last update (when that is all it states), the date of the dateline opening its text, or a
# date standing alone in a line above the text that does not say what it dates (an issue line, a
# caption).
DateRole = Literal["published", "updated", "dateline", "header"]
# A paragraph's English: its translation block matches the paragraph's fingerprint, matches only
# its position (the original changed since), or there is none.
TranslationState = Literal["translated", "stale", "untranslated"]
TranslationStatus = Literal["reviewed", "draft", "machine"]  # a translation file's `status:`
# The English side of a document: the original is English, a translation file's status, or no file.
EnglishStatus = Literal["original", "missing"] | TranslationStatus
SummarySource = Literal["editor", "aligned"]
# Why the cleaner removed a line (Removal.kind). Not a Literal: besides the kinds its rules name
# (stages/clean.RULE_KINDS), every group under `labels` and `furniture` in
# generator/data/boilerplate.yml is a kind, and that vocabulary grows by editing the data. The
# labels the code reads by name (stages/clean.LABEL_KINDS) are checked when it is loaded.
RemovalKind = str
# How bad a problem is: fatal stops the build (docs/ is left as it was); an error leaves something
# out of the site; a skipped file is not published; a warning is reported and changes nothing.
Severity = Literal["fatal", "error", "skipped", "warning"]


@dataclass(frozen=True)
class SourceFile:
    """A document file as read from disk, decoded, with its editor metadata split off."""

    path: Path
    doc_id: str
    raw: bytes  # the file's bytes, published unchanged for download
    text: str  # the article text (front matter removed; HTML reduced to text)
    first_line: int  # line number in the file where `text` starts (1-based)
    encoding: str
    format: str  # "txt", "md" or "html"
    metadata: dict[str, Any] = field(default_factory=dict)  # editor's front matter / sidecar
    embedded: dict[str, Any] = field(default_factory=dict)  # found in an HTML page's own metadata
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Removal:
    """A line (or part of one) the cleaner took out, and why. Always shown to readers."""

    line: int  # 1-based line number in the source file
    text: str
    reason: str
    kind: RemovalKind  # machine-readable category, e.g. "repeated", "navigation"


TITLE_KEY = "title"  # the headline read as a paragraph for entities (and its anchor on the page)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of cleaned article text."""

    key: str  # anchor by position: "p1", "p2", ...; TITLE_KEY for the headline
    text: str
    lines: tuple[int, int]  # first and last source line it came from
    fingerprint: str = ""  # hash of the exact text: ties a translation to what it translates
    # An embedded post (a tweet) quoted in the article: its byline "Name (@handle), date" and its
    # links (the picture), removed from the prose and shown with the quotation.
    attribution: str = ""
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cleaned:
    """What the cleaner made of a source text."""

    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...]
    title: str | None  # headline found in the source, hashtags stripped
    title_line: int | None
    metadata_lines: tuple[Removal, ...]  # byline, source, date lines: removed but read by analysis
    header_lines: tuple[Removal, ...]  # lines above the body (captions, kickers): read for dates
    # Outlet candidates (kind "source"): a site name split off a copy of the headline ("… | Site")
    # or written above the masthead, with the line it is on.
    site_names: tuple[Removal, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Where an extracted value came from."""

    source: EvidenceSource
    line: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class SummarySentence:
    text: str
    paragraph: str  # key of the paragraph it comes from
    index: int  # sentence number within that paragraph (0-based)


@dataclass(frozen=True)
class Analysis:
    language: str
    direction: str  # "rtl" or "ltr"
    title: str
    title_evidence: Evidence
    outlet: str | None
    outlet_evidence: Evidence | None
    date: str | None  # ISO 8601 at its precision: YYYY-MM-DD, YYYY-MM or YYYY
    date_evidence: Evidence | None
    url: str | None
    summary: tuple[SummarySentence, ...]
    date_precision: DatePrecision | None = None  # None exactly when date is None
    date_role: DateRole | None = None

    @property
    def day(self) -> dt.date | None:
        """The date when it is known to the day (what same-event grouping may compare), else None."""
        return dt.date.fromisoformat(self.date) if self.date and self.date_precision == "day" else None


@dataclass(frozen=True)
class Block:
    key: str
    fingerprint: str
    text: str
    line: int  # line of its marker in the translation file


@dataclass(frozen=True)
class AlignedParagraph:
    paragraph: Paragraph
    english: str | None
    state: TranslationState
    block: Block | None


@dataclass(frozen=True)
class English:
    """The English side of one document."""

    status: EnglishStatus
    path: Path | None
    translator: str | None
    date: str | None
    title: str | None
    paragraphs: tuple[AlignedParagraph, ...]
    orphans: tuple[Block, ...]
    summary: tuple[str, ...]
    summary_source: SummarySource | None  # None when no English summary can be given
    summary_problem: str | None
    problems: tuple[Diagnostic, ...]  # in the translation file (warnings)

    def count(self, state: TranslationState) -> int:
        return sum(p.state == state for p in self.paragraphs)


@dataclass(frozen=True)
class Document:
    """A document ready to render: source, cleaned text and analysis."""

    source: SourceFile
    cleaned: Cleaned
    analysis: Analysis
    english: English
    entities: tuple[DocumentEntity, ...] = ()
    new_names: tuple[NewName, ...] = ()
    # What later stages derive from this document alone, by name (entities/events.py: its event profile),
    # made as the document is processed, on all cores, and cached with it. A copy made with
    # `dataclasses.replace` starts empty, so nothing derived outlives what it was derived from.
    derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def doc_id(self) -> str:
        return self.source.doc_id


@dataclass(frozen=True)
class Skipped:
    """A file that could not be published, with the one-line reason."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.path, None, "skipped", self.reason)


class LocatedError(Protocol):
    """An error that names its file and line (text.inputs.InputError and its kinds)."""

    path: Path
    line: int | None
    reason: str


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the inputs, as the build report, `microsite check` and the live
    preview show it: the file and line where known, how bad it is, and a one-line message.
    (Here rather than in report.py: a document's English side carries its translation's problems.)"""

    file: Path | None
    line: int | None
    severity: Severity
    message: str

    @classmethod
    def from_error(cls, error: LocatedError, severity: Severity, note: str = "") -> Diagnostic:
        """The diagnostic of an input file's error, its reason followed by `note`."""
        return cls(error.path, error.line, severity, error.reason + note)

    @property
    def where(self) -> str:
        """`file:line`, `file`, or "" when the problem is in no one file."""
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line else str(self.file)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.file is not None else self.message
