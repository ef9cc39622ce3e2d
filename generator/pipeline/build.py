"""One build of docs/: stopped at once when nothing changed since the last build, else the
pipeline, and the report of what happened.

This module is the entry point of `microsite generate` and of the live preview, and keeps its
imports light: a build with nothing to do should cost a blink, and importing the pipeline's
stages (Jinja, rapidfuzz, folium …) costs more than checking that nothing changed.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import build_fingerprint, docs_state, load_manifest, save_manifest
from .config import Settings
from .history import last_changed
from .model import Document, Skipped
from .parallel import fewer_collections

Progress = Callable[[str], None]


@dataclass
class Report:
    documents: list[Document] = field(default_factory=list)
    published: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fatal: list[str] = field(default_factory=list)        # editors' mistakes that must stop the build
    written: int = 0
    deleted: int = 0
    seconds: float = 0.0
    unchanged: bool = False                                # nothing changed since the last build

    def summary_data(self) -> dict:
        """What a later unchanged build repeats of this report."""
        return {"published": self.published, "skipped": [[str(s.path), s.reason] for s in self.skipped],
                "warnings": self.warnings, "errors": self.errors}

    @classmethod
    def repeated(cls, data: dict) -> Report:
        """The report of an earlier build, for a build in which nothing changed."""
        return cls(published=data["published"], skipped=[Skipped(Path(p), r) for p, r in data["skipped"]],
                   warnings=data["warnings"], errors=data["errors"], unchanged=True)

    def summary(self) -> str:
        state = "nothing changed since the last build; " if self.unchanged else ""
        lines = [f"microsite: {state}{self.published} document(s) published, {len(self.skipped)} file(s) skipped, "
                 f"{len(self.errors) + len(self.fatal)} error(s), {len(self.warnings)} warning(s); {self.written} file(s) written, "
                 f"{self.deleted} removed in {self.seconds:.2f} s"]
        lines += [f"  FATAL    {item}" for item in self.fatal]
        lines += [f"  error    {item}" for item in self.errors]
        lines += [f"  skipped  {item}" for item in self.skipped]
        lines += [f"  warning  {item}" for item in self.warnings]
        return "\n".join(lines)


def generate(settings: Settings, progress: Progress | None = None) -> Report:
    """Build docs/ from site_src/; when no input changed and docs/ is as the last build left it,
    stop at once (the report of that build is repeated)."""
    started = time.perf_counter()
    history = last_changed(settings.root)
    fingerprint = build_fingerprint(settings.source_dir, repr(settings), history)
    previous = load_manifest(settings.root)
    if previous.get("fingerprint") == fingerprint and previous.get("docs") == docs_state(settings.docs_dir):
        report = Report.repeated(previous["report"])
        report.seconds = time.perf_counter() - started
        return report
    from .pipeline import build_docs  # only now: see the module docstring

    with fewer_collections():
        report = build_docs(settings, history, progress)
    report.seconds = time.perf_counter() - started
    if not report.fatal:
        save_manifest(settings.root, {"fingerprint": fingerprint, "docs": docs_state(settings.docs_dir),
                                      "report": report.summary_data()})
    return report


def print_progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)
