"""Publish: the only stage that writes files.

`docs/` is generated in full: files are written only when their bytes change (so MkDocs'
live reload does not loop and file times stay put), and files no longer produced are deleted.
Files are written by several threads at once, here and for MkDocs' build (`BackgroundWrites`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path

Outputs = dict[str, bytes]  # path inside docs/ -> content


# Threads that write files at once. Creating a file waits on the file system far more than it uses the
# CPU: on the build machine 2,000 new files took 2.3 s one after another, 0.5 s four at a time.
WRITERS = 4


def write_outputs(docs_dir: Path, batches: Iterable[Outputs]) -> tuple[int, int]:
    """Make `docs_dir` hold exactly the files of `batches` (written as each batch comes, by WRITERS
    threads). Returns (files written, files deleted)."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    writes: dict[str, Future[bool]] = {}
    written = 0
    with ThreadPoolExecutor(WRITERS, thread_name_prefix="microsite-write") as writers:
        for outputs in batches:
            for relative, content in outputs.items():
                if relative in writes:  # made twice: the later one wins, as when written one after another
                    written += writes.pop(relative).result()
                writes[relative] = writers.submit(_write_if_changed, docs_dir / relative, content)
        written += sum(write.result() for write in writes.values())  # raises the first write's error, if any
    return written, _delete_stale(docs_dir, set(writes))


def _write_if_changed(target: Path, content: bytes) -> bool:
    """Write `content` to `target` unless it holds it already; whether written."""
    if _content(target) == content:
        return False
    _write(content, str(target))
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


class BackgroundWrites:
    """Files written by WRITERS threads as they are handed over (for MkDocs' build, which writes and copies
    one file after another: mkdocs_hooks.py). Writes of one path keep the order they were given in, so a
    later write wins as it would have written at once; `finish` waits for all and raises the first error."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: dict[str, Future[None]] = {}

    def write(self, content: bytes, output_path: str) -> None:
        """`mkdocs.utils.write_file`, in the background."""
        self._submit(output_path, _write, content, output_path)

    def copy(self, source_path: str, output_path: str) -> None:
        """`mkdocs.utils.copy_file`, in the background; a copy onto itself is nothing to do (MkDocs lets
        plugins write into the site folder directly)."""
        self._submit(output_path, _copy, source_path, output_path)

    def finish(self) -> None:
        pending, self._pending = list(self._pending.values()), {}
        pool, self._pool = self._pool, None
        try:
            for write in pending:
                write.result()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _submit(self, output_path: str, job: Callable[..., None], *arguments: object) -> None:
        earlier = self._pending.get(output_path)
        if earlier is not None:
            earlier.result()
        if self._pool is None:
            self._pool = ThreadPoolExecutor(WRITERS, thread_name_prefix="microsite-write")
        self._pending[output_path] = self._pool.submit(job, *arguments)


def _write(content: bytes, output_path: str) -> None:
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    with open(output_path, "wb") as output:
        output.write(content)


def _copy(source_path: str, output_path: str) -> None:
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    if os.path.isdir(output_path):  # a folder to copy into, as MkDocs allows (each check waits on the disk: here)
        output_path = os.path.join(output_path, os.path.basename(source_path))
    with suppress(shutil.SameFileError):
        shutil.copyfile(source_path, output_path)
