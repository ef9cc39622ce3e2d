"""The report of one build: what was published, skipped, and every problem found."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.document import Document, Skipped

Progress = Callable[[str], None]           # told what the build is doing, one line at a time


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
