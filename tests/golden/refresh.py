"""Golden docs/ of the five seeds (issue 12): `make golden` rewrites tests/golden/docs/ from the
working tree, so that any change of the generated pages is a diff to review in git.

The seeds are generated in a throwaway project made by tests/conftest.py's `make_project` in a
temporary folder outside any git checkout (so pages carry no git-derived "last updated" date).
Everything `docs/` holds is stored except what only repeats an input byte for byte: the source
downloads `docs/sources/` (= `site_src/documents/`) and `docs/data/corpus.schema.json`
(= `schemas/corpus.schema.json`); tests/test_golden.py checks those equal their inputs instead.

This module is also what tests/test_golden.py runs, so both generate the seeds the same way. It
uses only `make_project` and `Project.generate()`, never `generator` itself.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
REPO = TESTS.parent
GOLDEN = HERE / "docs"
# Parts of docs/ that are byte copies of the repository's inputs: checked against them, not stored.
DUPLICATES = {"sources": "site_src/documents", "data/corpus.schema.json": "schemas/corpus.schema.json"}

if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def generate_seeds(where: Path) -> Path:
    """Generate the five seeds' docs/ in a new project under `where`; return that project root."""
    from conftest import make_project

    try:
        inside_git = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=where,
                                    capture_output=True, text=True).stdout.strip() == "true"
    except OSError:     # no git: no dates either
        inside_git = False
    if inside_git:      # pages would carry git's "last updated" dates: the output would depend on history
        raise RuntimeError(f"{where} is inside a git checkout: generate the golden seeds elsewhere (set TMPDIR)")
    project = make_project(where / "project")
    report = project.generate()
    if report.fatal:
        raise RuntimeError("the seeds did not generate:\n" + report.summary())
    return project.root


def duplicate_of(name: str) -> str | None:
    """The input (relative to the repository) that docs/<name> copies, if it is one of DUPLICATES."""
    for prefix, source in DUPLICATES.items():
        if name == prefix or name.startswith(prefix + "/"):
            return source + name[len(prefix):]
    return None


def stored_files(docs: Path) -> dict[str, bytes]:
    """Every file of a docs/ folder that the golden copy keeps, by POSIX path relative to docs/."""
    return {name: path.read_bytes() for path in sorted(docs.rglob("*"))
            if path.is_file() and duplicate_of(name := path.relative_to(docs).as_posix()) is None}


def duplicated_files(docs: Path) -> dict[str, str]:
    """The files of a docs/ folder that copy an input: docs path -> input path in the repository."""
    return {name: source for path in sorted(docs.rglob("*"))
            if path.is_file() and (source := duplicate_of(name := path.relative_to(docs).as_posix()))}


def golden_files() -> dict[str, bytes]:
    return stored_files(GOLDEN) if GOLDEN.is_dir() else {}


def refresh() -> int:
    with tempfile.TemporaryDirectory(prefix="microsite-golden-") as temp:
        files = stored_files(generate_seeds(Path(temp)) / "docs")
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for name, content in files.items():
        target = GOLDEN / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    size = sum(len(content) for content in files.values())
    print(f"golden: {len(files)} file(s), {size:,} bytes in {GOLDEN.relative_to(REPO)}/; "
          "review them with `git diff --stat tests/golden` and `git status tests/golden`")
    return 0


if __name__ == "__main__":
    sys.exit(refresh())
