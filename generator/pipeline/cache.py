"""Rebuilds with nothing changed: each document's processing result is kept between builds.

A result is stored under a key made of everything that can change it: the document file's
bytes, its sidecar and translation files, the whole knowledge base, the settings, and the
generator's own code and data files (so a code change starts afresh). The cache lives in
`.microsite-cache/` at the project root (git-ignored, never in site_src/); entries not used
by a build are removed at its end. Anything unreadable in it is simply recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import stat
from collections.abc import Iterable
from contextlib import closing, suppress
from functools import lru_cache
from pathlib import Path

from generator.model.document import Document, Skipped

DATABASE = ".microsite-cache/documents.sqlite"
MANIFEST = ".microsite-cache/build.json"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the generator's code, templates and data: any change invalidates every entry."""
    package = Path(__file__).resolve().parent.parent  # the whole generator package
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".yml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.name).encode())
        digest.update(_content_or_stand_in(path))
    return digest.hexdigest()


def _content_or_stand_in(path: Path) -> bytes:
    """What a fingerprint hashes for one input file: its bytes when it is a regular file; for a
    link or special file, a description of it (the build refuses what lies outside site_src/, so
    a fingerprint must not read it either, and reading a FIFO or /proc file could block)."""
    try:
        if path.is_symlink():
            target = path.resolve()
            status = target.stat() if target.exists() else None
            return f"link:{os.readlink(path)}:{status and (status.st_size, status.st_mtime_ns)}".encode()
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return b"\0special"
        return path.read_bytes()
    except (OSError, RuntimeError):
        return b"\0missing"


# Results this process unpickled or made, by key, for its next build (the preview builds once per save):
# a key names the content of every input, so the same key is the same result, and the objects can be
# reused as they are (they are immutable), which also lets later stages keep what they derived from them.
_in_memory: dict[str, Document | Skipped] = {}


class DocumentCache:
    """Processing results by key, pickled, in one SQLite file: creating a file per document costs
    more than processing it on some disks. A build stores its results and drops unused entries
    in one transaction at its end (`save`). The cache never fails a build: any database error
    means "not cached"."""

    def __init__(self, root: Path, shared_inputs: str) -> None:
        self.path = root / DATABASE
        self.shared = hashlib.sha256((code_version() + shared_inputs).encode()).hexdigest()
        self.used: set[str] = set()
        self._new: dict[str, bytes] = {}
        self._stored = self._read_all()

    def key(self, inputs: list[Path]) -> str:
        key = hashlib.sha256((self.shared + files_digest(inputs)).encode()).hexdigest()[:40]
        self.used.add(key)
        return key

    def load(self, key: str) -> Document | Skipped | None:
        if key in _in_memory and key in self._stored:
            return _in_memory[key]
        data = self._stored.get(key)
        if data is None:
            return None
        try:
            _in_memory[key] = pickle.loads(data)
        except Exception:
            return None
        return _in_memory[key]

    def store(self, key: str, data: bytes, result: Document | Skipped) -> None:
        """Keep a pickled result (written by `save`), and the result itself for this process's next build."""
        self._new[key] = data
        _in_memory[key] = result

    def save(self) -> None:
        """Write the new results and remove the entries this build did not use."""
        for key in list(_in_memory):  # a copy: the preview may be loading documents in another thread
            if key not in self.used:
                _in_memory.pop(key, None)
        unused = [(key,) for key in self._stored if key not in self.used]
        if not self._new and not unused:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._write(unused)
        except sqlite3.OperationalError:  # locked by another build, read-only, disk full: not cached
            return
        except sqlite3.DatabaseError:  # not a database (damaged): start it afresh
            self.path.unlink(missing_ok=True)
            with suppress(sqlite3.Error):
                self._write([])

    def _write(self, unused: list[tuple[str]]) -> None:
        with closing(sqlite3.connect(self.path, timeout=10)) as database, database:
            database.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
            database.executemany("DELETE FROM results WHERE key = ?", unused)
            database.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", sorted(self._new.items()))

    def _read_all(self) -> dict[str, bytes]:
        if not self.path.is_file():
            return {}
        try:
            with closing(sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=10)) as database:
                return dict(database.execute("SELECT key, data FROM results"))
        except sqlite3.Error:
            return {}


def build_fingerprint(source_dir: Path, settings: str, history: dict[str, str]) -> str:
    """Everything a build reads: every file of site_src/, the settings, the git dates and the code."""
    digest = hashlib.sha256((code_version() + settings + repr(sorted(history.items()))).encode())
    for path in sorted(source_dir.rglob("*")) if source_dir.is_dir() else []:
        if path.is_file() or path.is_symlink():
            digest.update(path.relative_to(source_dir).as_posix().encode() + b"\0")
            digest.update(_content_or_stand_in(path))
    return digest.hexdigest()


def docs_state(docs_dir: Path) -> dict[str, list[int]]:
    """Size and modification time of every file in docs/: cheap proof that nobody touched it."""
    if not docs_dir.is_dir():
        return {}
    state = {}
    for path in sorted(docs_dir.rglob("*")):
        status = path.stat()
        if stat.S_ISREG(status.st_mode):
            state[path.relative_to(docs_dir).as_posix()] = [status.st_size, status.st_mtime_ns]
    return state


def load_manifest(root: Path) -> dict:
    try:
        return json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_manifest(root: Path, manifest: dict) -> None:
    path = root / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
