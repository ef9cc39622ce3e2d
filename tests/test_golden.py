"""The five seeds' generated docs/ are byte-identical to the golden copy in tests/golden/docs/
(issue 12), so any change of the output is a reviewed diff. After an intended change, `make golden`
rewrites the golden copy from the working tree; review and commit its diff.

Generation is tests/golden/refresh.py's, shared with `make golden`: conftest's `make_project` in a
temporary folder outside git, then `Project.generate()`. Nothing from `generator` is imported here.
"""

from __future__ import annotations

import difflib
import importlib.util
from os.path import commonprefix
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("golden_refresh", Path(__file__).parent / "golden" / "refresh.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)

REFRESH = (
    "if the change is intended, run `make golden` (tests/golden/refresh.py) and review "
    "`git diff tests/golden` before committing it"
)
SHOWN_FILES = 3  # differing files shown as a diff
SHOWN_LINES = 40  # lines of diff per file
SHOWN_WIDTH = 240  # characters of a diff line


@pytest.fixture(scope="module")
def seeds_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return golden.generate_seeds(tmp_path_factory.mktemp("golden")) / "docs"


def short_diff(name: str, expected: bytes, actual: bytes) -> str:
    try:
        old, new = expected.decode("utf-8"), actual.decode("utf-8")
    except UnicodeDecodeError:
        return f"--- golden/{name}\n+++ docs/{name}\n(binary: {len(expected)} bytes golden, {len(actual)} generated)"
    lines = [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile=f"docs/{name}",
            n=1,
        )
    ]
    # minified JSON and HTML lines are long: show a changed pair around its first difference
    for i in range(2, len(lines) - 1):
        before, after = lines[i], lines[i + 1]
        if before[:1] == "-" and after[:1] == "+" and max(len(before), len(after)) > SHOWN_WIDTH:
            start = max(1, len(commonprefix([before[1:], after[1:]])) + 1 - SHOWN_WIDTH // 3)  # noqa: RUF071 (characters are meant)
            lines[i], lines[i + 1] = (f"{line[0]}…{line[start : start + SHOWN_WIDTH]}…" for line in (before, after))
    lines = [line if len(line) <= SHOWN_WIDTH + 3 else line[:SHOWN_WIDTH] + "…" for line in lines]
    if len(lines) > SHOWN_LINES:
        lines = [*lines[:SHOWN_LINES], f"… {len(lines) - SHOWN_LINES} more diff line(s)"]
    return "\n".join(lines)


def test_golden_copy_exists():
    stored = [p.relative_to(golden.GOLDEN).as_posix() for p in golden.GOLDEN.rglob("*") if p.is_file()]
    assert stored, f"tests/golden/docs/ is empty: {REFRESH}"
    assert not [name for name in stored if golden.duplicate_of(name)], "copied inputs are checked, not stored"


def test_seeds_docs_are_byte_identical_to_golden(seeds_docs):
    expected, actual = golden.golden_files(), golden.stored_files(seeds_docs)
    missing, extra = sorted(expected.keys() - actual.keys()), sorted(actual.keys() - expected.keys())
    changed = [name for name in sorted(expected.keys() & actual.keys()) if expected[name] != actual[name]]
    if not (missing or extra or changed):
        return
    report = [
        f"generated docs/ differs from tests/golden/docs/: {len(changed)} changed, "
        f"{len(missing)} no longer generated, {len(extra)} new"
    ]
    report += [f"  no longer generated: {name}" for name in missing]
    report += [f"  new: {name}" for name in extra]
    report += [f"  changed: {name}" for name in changed]
    report += [short_diff(name, expected[name], actual[name]) for name in changed[:SHOWN_FILES]]
    if len(changed) > SHOWN_FILES:
        report.append(f"(diffs of {len(changed) - SHOWN_FILES} more changed file(s) not shown)")
    report.append(REFRESH)
    pytest.fail("\n".join(report), pytrace=False)


def test_copied_inputs_equal_the_repository_files(seeds_docs):
    """docs/sources/ (the source downloads) and the corpus schema are not stored: they must be the
    repository's own files, byte for byte, and every seed document has its download."""
    copies = golden.duplicated_files(seeds_docs)
    documents = sorted(p.name for p in (golden.REPO / "site_src" / "documents").iterdir() if p.is_file())
    assert sorted(name for name in copies if name.startswith("sources/")) == [f"sources/{d}" for d in documents]
    assert "data/corpus.schema.json" in copies
    for name, source in copies.items():
        assert (seeds_docs / name).read_bytes() == (golden.REPO / source).read_bytes(), f"docs/{name} != {source}"
