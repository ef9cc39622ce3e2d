"""The report of one build: what was published, skipped, and every problem found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model.document import Diagnostic, Document, Severity, Skipped
from generator.model.plurals import count

# Told what a build is doing: the stage ("Processing documents"), how many of its items are done, of how
# many; called with 0 as a stage starts and after each item. generator/progress.py shows it.
Progress = Callable[[str, int, int], None]
ORDER: tuple[Severity, ...] = ("fatal", "error", "skipped", "warning")  # as the summary lists them
LABELS = {"fatal": "FATAL", "error": "error", "skipped": "skipped", "warning": "warning"}


@dataclass
class Report:
    documents: list[Document] = field(default_factory=list)
    published: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # fatal, errors and warnings, as found
    written: int = 0
    deleted: int = 0
    seconds: float = 0.0
    unchanged: bool = False  # nothing changed since the last build

    def of(self, severity: Severity) -> list[Diagnostic]:
        if severity == "skipped":
            return [s.diagnostic() for s in self.skipped]
        return [d for d in self.diagnostics if d.severity == severity]

    def listed(self) -> list[Diagnostic]:
        """Every problem, skipped files included, in the summary's order: fatal first, warnings last."""
        return [d for severity in ORDER for d in self.of(severity)]

    # The lines as the summary prints them (`file:line: message`), for readers of text.
    @property
    def fatal(self) -> list[str]:  # editors' mistakes that must stop the build
        return [str(d) for d in self.of("fatal")]

    @property
    def errors(self) -> list[str]:
        return [str(d) for d in self.of("error")]

    @property
    def warnings(self) -> list[str]:
        return [str(d) for d in self.of("warning")]

    def summary_data(self) -> dict[str, Any]:
        """What a later unchanged build repeats of this report."""
        return {
            "published": self.published,
            "skipped": [[str(s.path), s.reason] for s in self.skipped],
            "diagnostics": [
                [None if d.file is None else str(d.file), d.line, d.severity, d.message] for d in self.diagnostics
            ],
        }

    @classmethod
    def repeated(cls, data: dict[str, Any]) -> Report:
        """The report of an earlier build, for a build in which nothing changed."""
        return cls(
            published=data["published"],
            skipped=[Skipped(Path(p), r) for p, r in data["skipped"]],
            diagnostics=[
                Diagnostic(None if file is None else Path(file), line, severity, message)
                for file, line, severity, message in data["diagnostics"]
            ],
            unchanged=True,
        )

    def summary(self) -> str:
        state = "nothing changed since the last build; " if self.unchanged else ""
        errors = len(self.of("fatal")) + len(self.of("error"))
        lines = [
            f"microsite: {state}{count(self.published, 'document')} published, {count(len(self.skipped), 'file')} "
            f"skipped, {count(errors, 'error')}, {count(len(self.of('warning')), 'warning')}; "
            f"{count(self.written, 'file')} written, {self.deleted} removed in {self.seconds:.2f} s"
        ]
        lines += [f"  {LABELS[d.severity]:<9}{d}" for d in self.listed()]
        return "\n".join(lines)
