"""An editor's metadata for a document: the fields front matter or a sidecar `<id>.yml` may set,
in the order the import skeleton lists them, and the type each must have (stages/ingest.py
validates them, `microsite add` takes each as an option and writes them as a skeleton)."""

from __future__ import annotations

METADATA_FIELDS: dict[str, type] = {
    "title": str,
    "outlet": str,
    "url": str,
    "date": str,
    "language": str,
}
