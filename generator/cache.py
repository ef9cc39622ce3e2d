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
import pickle
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .model import Document, Skipped

FOLDER = ".microsite-cache/documents"
MANIFEST = ".microsite-cache/build.json"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the generator's code, templates and data: any change invalidates every entry."""
    package = Path(__file__).resolve().parent
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
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    return digest.hexdigest()


class DocumentCache:
    def __init__(self, root: Path, shared_inputs: str) -> None:
        self.folder = root / FOLDER
        self.shared = hashlib.sha256((code_version() + shared_inputs).encode()).hexdigest()
        self.used: set[str] = set()

    def key(self, inputs: list[Path]) -> str:
        key = hashlib.sha256((self.shared + files_digest(inputs)).encode()).hexdigest()[:40]
        self.used.add(key)
        return key

    def load(self, key: str) -> Document | Skipped | None:
        try:
            with (self.folder / f"{key}.pickle").open("rb") as handle:
                result = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, KeyError):
            return None
        return result

    def store(self, key: str, result: Document | Skipped) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}.pickle"
        temporary = path.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)

    def prune(self) -> None:
        """Remove entries this build did not use (deleted or changed documents)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.pickle"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


def build_fingerprint(source_dir: Path, settings: str, history: dict[str, str]) -> str:
    """Everything a build reads: every file of site_src/, the settings, the git dates and the code."""
    digest = hashlib.sha256((code_version() + settings + repr(sorted(history.items()))).encode())
    for path in sorted(source_dir.rglob("*")) if source_dir.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(source_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def docs_state(docs_dir: Path) -> dict[str, list[int]]:
    """Size and modification time of every file in docs/: cheap proof that nobody touched it."""
    if not docs_dir.is_dir():
        return {}
    return {p.relative_to(docs_dir).as_posix(): [p.stat().st_size, p.stat().st_mtime_ns]
            for p in sorted(docs_dir.rglob("*")) if p.is_file()}


def load_manifest(root: Path) -> dict:
    try:
        return json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_manifest(root: Path, manifest: dict) -> None:
    path = root / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
