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
import yaml

from .model import Skipped, SourceFile

DOCUMENT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIXES = (".yml", ".yaml")
RESERVED_IDS = {"index"}
_SAFE_ID_RE = re.compile(r"^\w[\w.-]*$")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

# Editor metadata fields and the type each must have.
METADATA_FIELDS: dict[str, type] = {
    "title": str, "outlet": str, "url": str, "date": str, "language": str,
}


# libyaml's C parser when PyYAML was built with it (its wheels are), else the pure-Python one.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=YAML_LOADER)


class IngestError(Exception):
    """A file that cannot be published; the message is the one-line reason."""


def discover(documents_dir: Path) -> list[Path]:
    """Document files in a stable order (by name)."""
    if not documents_dir.is_dir():
        return []
    return sorted(p for p in documents_dir.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def read_document(path: Path, max_bytes: int) -> SourceFile | Skipped:
    """Read one document file, or say in one line why it cannot be published."""
    try:
        return _read(path, max_bytes)
    except IngestError as error:
        return Skipped(path, str(error))
    except OSError as error:
        return Skipped(path, f"cannot be read ({error.strerror or error})")


def _read(path: Path, max_bytes: int) -> SourceFile:
    doc_id = path.stem
    if not _SAFE_ID_RE.match(doc_id) or doc_id.lower() in RESERVED_IDS:
        raise IngestError(f"file name {doc_id!r} cannot be a page address: use letters, digits, '-', '_' or '.'"
                          + (" and not a reserved name" if doc_id.lower() in RESERVED_IDS else ""))
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"file too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB, "
                          "set by extra.microsite.max_document_bytes in mkdocs.yml)")
    raw = path.read_bytes()
    if not raw.strip():
        raise IngestError("empty file")
    text, encoding = decode(raw)
    warnings = [] if encoding in ("utf-8", "utf-8-sig", "ascii") else [f"decoded as {encoding}"]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = DOCUMENT_SUFFIXES[path.suffix.lower()]
    metadata, text, first_line = split_front_matter(text) if fmt in ("txt", "md") else ({}, text, 1)
    metadata = {**_read_sidecar(path), **metadata}
    metadata, field_warnings = _validate_metadata(metadata)
    warnings += field_warnings
    embedded: dict[str, Any] = {}
    if fmt == "html":
        text, embedded = _html_to_text(text)
        first_line = 1
    if not text.strip():
        raise IngestError("no text (only front matter)" if fmt != "html" else "no article text found in the HTML")
    return SourceFile(path=path, doc_id=doc_id, raw=raw, text=text, first_line=first_line,
                      encoding=encoding, format=fmt, metadata=metadata, embedded=embedded,
                      warnings=tuple(warnings))


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes as text: BOM, then strict UTF-8, then charset detection.

    Binary content (NUL bytes that are not UTF-16, control characters) is refused.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(raw.decode(encoding, errors="strict"), encoding)
    if b"\x00" not in raw:
        try:
            return _checked(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise IngestError("binary file or unknown text encoding")
    return _checked(str(best), best.encoding.replace("_", "-"))


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")     # Cc characters other than tab, newlines, form feed


def _checked(text: str, encoding: str) -> tuple[str, str]:
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 1000):
        raise IngestError(f"binary file ({controls} control characters after decoding as {encoding})")
    return text, encoding


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return {}, text, 1
    try:
        data = load_yaml(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        raise IngestError(f"front matter is not valid YAML ({_first_line(error)})") from None
    if not isinstance(data, dict):
        raise IngestError("front matter must be a YAML mapping (key: value lines)")
    return data, text[match.end():], text[: match.end()].count("\n") + 1


def _read_sidecar(path: Path) -> dict[str, Any]:
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file():
            try:
                data = load_yaml(sidecar.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as error:
                raise IngestError(f"sidecar {sidecar.name} is not valid YAML ({_first_line(error)})") from None
            if not isinstance(data, dict):
                raise IngestError(f"sidecar {sidecar.name} must be a YAML mapping")
            return data
    return {}


def _validate_metadata(metadata: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Keep well-formed known fields; warn (naming the field) about the rest."""
    valid: dict[str, Any] = {}
    warnings = []
    for name, value in metadata.items():
        expected = METADATA_FIELDS.get(name)
        if isinstance(value, dt.date) and name == "date":
            value = value.isoformat()
        if expected is None:
            warnings.append(f"front matter field {name!r} is unknown and was ignored")
        elif not isinstance(value, expected):
            warnings.append(f"front matter field {name!r} must be a {expected.__name__}; ignored")
        elif name == "date" and not _is_iso_date(value):
            warnings.append(f"front matter field 'date' must be YYYY-MM-DD, got {value!r}; ignored")
        elif name == "url" and not re.match(r"^https?://\S+$", value):
            warnings.append(f"front matter field 'url' must be an http(s) address, got {value!r}; ignored")
        else:
            valid[name] = value
    return valid, warnings


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


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
    return text, _validate_metadata(embedded)[0]


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
