"""Publish: the only stage that writes files.

`docs/` is generated in full: files are written only when their bytes change (so MkDocs'
live reload does not loop and file times stay put), and files no longer produced are deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

Outputs = dict[str, bytes]  # path inside docs/ -> content


def write_outputs(docs_dir: Path, batches: Iterable[Outputs]) -> tuple[int, int]:
    """Make `docs_dir` hold exactly the files of `batches` (written as each batch comes).
    Returns (files written, files deleted)."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    folders = {docs_dir}
    wanted: set[str] = set()
    for outputs in batches:
        for relative, content in outputs.items():
            wanted.add(relative)
            target = docs_dir / relative
            if _content(target) == content:
                continue
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            target.write_bytes(content)
            written += 1
    return written, _delete_stale(docs_dir, wanted)


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _delete_stale(docs_dir: Path, wanted: set[str]) -> int:
    deleted = 0
    for path in sorted(docs_dir.rglob("*"), reverse=True):
        relative = path.relative_to(docs_dir).as_posix()
        if path.is_file() and relative not in wanted:
            path.unlink()
            deleted += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return deleted
