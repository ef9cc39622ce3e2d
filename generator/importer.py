"""`microsite add FILE`: import an article into site_src/documents/ for an editor to complete.

A saved web page is copied unchanged (the build extracts its main text with trafilatura each
time, so the page itself stays the source), with a sidecar `<id>.yml` for the editor's
metadata. A text or Markdown file is decoded (any encoding the ingest stage reads, e.g.
Windows-1256 or UTF-16) and written as UTF-8 with a front-matter skeleton. Nothing is ever
overwritten: an existing document with the same id stops the import.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

from generator.model.metadata import METADATA_FIELDS
from generator.stages.ingest import DOCUMENT_SUFFIXES, IngestError, decode, split_front_matter


def document_id(path: Path) -> str:
    """A page-safe id from a file name: letters, digits, '-', '_' and '.' only."""
    stem = unicodedata.normalize("NFC", path.stem)
    cleaned = re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "document"
    return cleaned[:80]


def import_file(source: Path, documents_dir: Path, overrides: dict[str, str], today: dt.date) -> list[Path]:
    """Write the import into documents_dir; returns the files written. Raises FileExistsError."""
    suffix = source.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise IngestError(f"{source}: not a .txt, .md or .html file")
    doc_id = document_id(source)
    existing = [
        p for p in documents_dir.glob(f"{doc_id}.*") if p.suffix.lower() in (*DOCUMENT_SUFFIXES, ".yml", ".yaml")
    ]
    if existing:
        raise FileExistsError(
            f"{existing[0]} exists: `microsite add` never overwrites; rename the file to import it under another id"
        )
    documents_dir.mkdir(parents=True, exist_ok=True)
    raw = source.read_bytes()
    header = f"Imported by `microsite add` from {source.name} on {today.isoformat()}."
    if DOCUMENT_SUFFIXES[suffix] == "html":
        target, sidecar = documents_dir / f"{doc_id}.html", documents_dir / f"{doc_id}.yml"
        _write_new(target, raw)
        _write_new(sidecar, _skeleton(overrides, header, fenced=False).encode("utf-8"))
        return [target, sidecar]
    text, encoding = decode(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    existing_meta, body, _ = split_front_matter(text, source)
    if encoding not in ("utf-8", "ascii"):
        header += f" Converted from {encoding} to UTF-8."
    target = documents_dir / f"{doc_id}.txt"
    _write_new(
        target, (_skeleton({**existing_meta, **overrides}, header, fenced=True) + body.lstrip("\n")).encode("utf-8")
    )
    return [target]


def _skeleton(values: dict[str, str], header: str, fenced: bool) -> str:
    """Front matter an editor completes: given values set, the others as commented-out keys."""
    lines = [
        f"# {header}",
        "# Fill in what the text does not say; delete a line to let the generator read it from the text.",
    ]
    for key in METADATA_FIELDS:
        value = values.get(key)
        if value:
            lines.append(yaml.safe_dump({key: str(value)}, allow_unicode=True, width=1000).strip())
        else:
            lines.append(f"# {key}:")
    body = "\n".join(lines) + "\n"
    return f"---\n{body}---\n" if fenced else body


def _write_new(path: Path, content: bytes) -> None:
    with path.open("xb") as handle:  # "x": never replace a file, even one created meanwhile
        handle.write(content)
