"""Ingest: find document files, read and decode them, split off editor metadata.

A document is any `.txt`, `.md` or `.html` file in `site_src/documents/`. Its id is
the file name without extension. Editor metadata comes from YAML front matter or a
sidecar `<id>.yml`; front matter wins where both set a field.
Every failure is a `Skipped` with a one-line reason: one bad file never stops a build.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from pathlib import Path
from typing import Any

import charset_normalizer
import pycountry

from generator.model.document import Skipped, SourceFile
from generator.model.metadata import METADATA_FIELDS
from generator.model.plurals import count, noun
from generator.text.inputs import (
    InputError,
    decode_mostly_utf8,
    file_name_problem,
    load_yaml,
    parse_yaml,
    read_input,
    split_front_matter,
)
from generator.text.languages import UNDETERMINED
from generator.text.normalise import clean_field

__all__ = ["InputError", "discover", "document_id", "load_yaml", "read_document", "split_front_matter", "without_twins"]

DOCUMENT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIXES = (".yml", ".yaml")
RESERVED_IDS = {"index"}
_SAFE_ID_RE = re.compile(r"^\w[\w.-]*$")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Dates a news article can carry: earlier ones are typing mistakes (0001-01-01), later ones are
# in the future. Either is reported and not used.
EARLIEST_DATE = dt.date(1900, 1, 1)


class IngestError(Exception):
    """A file that cannot be published; the message is the one-line reason."""


def discover(documents_dir: Path) -> list[Path]:
    """Document files in a stable order (by name): every entry with a document suffix that is
    not a folder, so that links and special files are reported (and refused) rather than
    silently left out."""
    if not documents_dir.is_dir():
        return []
    return sorted(
        p
        for p in documents_dir.iterdir()
        if p.suffix.lower() in DOCUMENT_SUFFIXES and not (p.is_dir() and not p.is_symlink())
    )


def without_twins(paths: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files whose ids are unique, and the others skipped: two files with one id (`twin.txt` and
    `twin.md`, or ids differing only in case, which collide on case-insensitive disks) would
    publish one page for two articles, so neither is published until an editor renames one."""
    by_id: dict[str, list[Path]] = {}
    for path in paths:
        by_id.setdefault(document_id(path).casefold(), []).append(path)
    unique = [group[0] for group in by_id.values() if len(group) == 1]
    twins = [
        Skipped(
            path,
            f"has the same id as {', '.join(o.name for o in group if o != path)}: "
            "neither is published until one is renamed",
        )
        for group in by_id.values()
        if len(group) > 1
        for path in group
    ]
    return sorted(unique), twins


def document_id(path: Path) -> str:
    """The page address of a document file: its name without extension."""
    return path.stem


def read_document(path: Path, source_dir: Path, max_bytes: int) -> SourceFile | Skipped:
    """Read one document file, or say in one line why it cannot be published."""
    try:
        return _read(path, source_dir, max_bytes)
    except IngestError as error:
        return Skipped(path, str(error))
    except InputError as error:
        where = "" if error.path == path else f"{error.path.name}: "  # its sidecar
        return Skipped(path, f"{where}{error.reason}" + (f" (line {error.line})" if error.line else ""))


def _read(path: Path, source_dir: Path, max_bytes: int) -> SourceFile:
    doc_id = document_id(path)
    _check_id(path, doc_id)
    raw = read_input(path, source_dir, max_bytes)
    if not raw.strip():
        raise IngestError("empty file")
    text, encoding, warnings = decode_document(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = DOCUMENT_SUFFIXES[path.suffix.lower()]
    metadata, text, first_line = split_front_matter(text, path) if fmt in ("txt", "md") else ({}, text, 1)
    metadata = {**_read_sidecar(path, source_dir, max_bytes), **metadata}
    metadata, field_warnings = validate_metadata(metadata)
    warnings += field_warnings
    embedded: dict[str, Any] = {}
    if fmt == "html":
        text, embedded = _html_to_text(text)
        first_line = 1
    if not text.strip():
        raise IngestError("no text (only front matter)" if fmt != "html" else "no article text found in the HTML")
    return SourceFile(
        path=path,
        doc_id=doc_id,
        raw=raw,
        text=text,
        first_line=first_line,
        encoding=encoding,
        format=fmt,
        metadata=metadata,
        embedded=embedded,
        warnings=tuple(warnings),
    )


def _check_id(path: Path, doc_id: str) -> None:
    problem = file_name_problem(path)
    if problem:
        raise IngestError(problem)
    if not _SAFE_ID_RE.match(doc_id) or doc_id.lower() in RESERVED_IDS:
        raise IngestError(
            f"file name {doc_id!r} cannot be a page address: use letters, digits, '-', '_' or '.'"
            + (" and not a reserved name" if doc_id.lower() in RESERVED_IDS else "")
        )


def decode_document(raw: bytes) -> tuple[str, str, list[str]]:
    """Text, encoding and warnings: UTF-8 with a few damaged bytes is published with U+FFFD in
    their place and a warning giving their offsets; anything else goes to `decode`."""
    if not raw.startswith(tuple(bom for bom, _ in _BOMS)) and b"\x00" not in raw:
        mostly = decode_mostly_utf8(raw)
        if mostly is not None:
            text, bad = mostly
            _checked(text, "utf-8")
            if not bad:
                return text, "utf-8", []
            offsets = ", ".join(map(str, bad[:10])) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
            where = f"{noun(len(bad), 'byte offset')} {offsets}"
            return text, "utf-8", [f"{count(len(bad), 'byte sequence')} not in UTF-8 replaced by U+FFFD (at {where})"]
    text, encoding = decode(raw)
    return text, encoding, ([] if encoding in ("utf-8", "utf-8-sig", "ascii") else [f"decoded as {encoding}"])


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes as text: BOM, then strict UTF-8, then charset detection.

    Binary content (NUL bytes that are not UTF-16, control characters) is refused.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(encoding, errors="strict"), encoding)
            except UnicodeDecodeError:
                raise IngestError(
                    f"binary file or broken text (it starts with a {encoding} byte-order mark "
                    "but does not decode as it)"
                ) from None
    if b"\x00" not in raw:
        try:
            return _checked(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise IngestError("binary file or unknown text encoding")
    return _checked(str(best), best.encoding.replace("_", "-"))


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # Cc characters other than tab, newlines, form feed


def _checked(text: str, encoding: str) -> tuple[str, str]:
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 1000):
        raise IngestError(f"binary file ({controls} control characters after decoding as {encoding})")
    return text, encoding


def _read_sidecar(path: Path, source_dir: Path, max_bytes: int) -> dict[str, Any]:
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file() or sidecar.is_symlink():
            raw = read_input(sidecar, source_dir, max_bytes)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise InputError(path, f"sidecar {sidecar.name} is not UTF-8 (byte {error.start})") from None
            data = parse_yaml(text, sidecar, f"sidecar {sidecar.name}") or {}
            if not isinstance(data, dict):
                raise InputError(path, f"sidecar {sidecar.name} must be a YAML mapping")
            return data
    return {}


def validate_metadata(metadata: dict[str, Any], today: dt.date | None = None) -> tuple[dict[str, Any], list[str]]:
    """Keep well-formed known fields; warn (naming the field) about the rest."""
    valid: dict[str, Any] = {}
    warnings = []
    for name, value in metadata.items():
        expected = METADATA_FIELDS.get(name)
        if name == "date" and isinstance(value, dt.date | int) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)  # YAML reads `2021` as a number
        if isinstance(value, str) and name in ("title", "outlet"):
            value = clean_field(value)
        if expected is None:
            warnings.append(f"front matter field {name!r} is unknown and was ignored")
        elif not isinstance(value, str):  # every field is a text
            warnings.append(f"front matter field {name!r} must be a {expected.__name__}; ignored")
        elif not value.strip():
            warnings.append(f"front matter field {name!r} is empty (or only invisible characters); ignored")
        elif problem := _field_problem(name, value, today or dt.date.today()):
            warnings.append(f"front matter field {name!r} {problem}; ignored")
        else:
            valid[name] = value
    return valid, warnings


def _field_problem(name: str, value: str, today: dt.date) -> str | None:
    if name == "date":
        day = _iso_date(value)
        if day is None:
            return f"must be YYYY-MM-DD (or YYYY-MM, YYYY when only the month or year is known), got {value!r}"
        if not EARLIEST_DATE <= day <= today + dt.timedelta(days=1):
            return f"is {value}, before {EARLIEST_DATE.year} or after tomorrow"
    if name == "url" and not re.match(r"^https?://\S+$", value):
        return f"must be an http(s) address, got {value!r}"
    if name == "language" and not is_language_code(value):
        return f"must be a two-letter ISO 639-1 language code such as ar, fa, tr, en; got {value!r}"
    return None


def is_language_code(code: str) -> bool:
    return code == UNDETERMINED or (
        bool(re.fullmatch(r"[a-z]{2}", code)) and pycountry.languages.get(alpha_2=code) is not None
    )


def _iso_date(value: str) -> dt.date | None:
    """The first day of an ISO date at day, month or year precision (2021-04-12, 2021-04, 2021)."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return None
    try:
        return dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return None


def _html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and page metadata of a saved web page (trafilatura)."""
    import trafilatura  # heavy import, only needed for HTML sources

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    found = trafilatura.extract_metadata(html)
    embedded: dict[str, Any] = {}
    if found is not None:
        for ours, theirs in (("title", "title"), ("outlet", "sitename"), ("date", "date"), ("url", "url")):
            value = getattr(found, theirs, None)
            if isinstance(value, str) and value.strip():
                embedded[ours] = value.strip()
    return text, validate_metadata(embedded)[0]
