"""Publish: the only stage that writes files.

`docs/` is generated in full: files are written only when their bytes change (so MkDocs'
live reload does not loop and file times stay put), and files no longer produced are deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

Outputs = dict[str, bytes]  # path inside docs/ -> content


# Threads that write files at once. Creating a file waits on the file system far more than it uses the
# CPU (1 ms a file on the build machine's disk, a fifth of that with four at once: bench/run.py).
WRITERS = 4


def write_outputs(docs_dir: Path, batches: Iterable[Outputs]) -> tuple[int, int]:
    """Make `docs_dir` hold exactly the files of `batches` (written as each batch comes, by WRITERS
    threads). Returns (files written, files deleted)."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    with ThreadPoolExecutor(WRITERS, thread_name_prefix="microsite-write") as writers:
        writes = []
        for outputs in batches:
            for relative, content in outputs.items():
                assert relative not in wanted, f"{relative} made twice"  # two writers would race
                wanted.add(relative)
                writes.append(writers.submit(_write_if_changed, docs_dir / relative, content))
        written = sum(write.result() for write in writes)  # raises the first write's error, if any
    return written, _delete_stale(docs_dir, wanted)


def write_files(folder: Path, files: Iterable[tuple[str, bytes]]) -> None:
    """Write each (path inside `folder`, content), by WRITERS threads (for scratch folders)."""
    with ThreadPoolExecutor(WRITERS, thread_name_prefix="microsite-write") as writers:
        for write in [writers.submit(_write_if_changed, folder / relative, content) for relative, content in files]:
            write.result()


def _write_if_changed(target: Path, content: bytes) -> bool:
    """Write `content` to `target` (its folder made if missing) unless it holds it already; whether written."""
    if _content(target) == content:
        return False
    try:
        target.write_bytes(content)
    except FileNotFoundError:  # a new folder (another thread may be making it too: exist_ok)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return True


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
