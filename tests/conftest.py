"""Shared fixtures: throwaway projects built from the repository's configuration."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main as microsite
from generator.model.report import Report
from generator.model.settings import load_settings
from generator.pipeline.build import generate

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "site_src" / "documents"

# The five seed documents, by id.
IDS = [
    "000_99d85874a1d33ffe",
    "001_68d0712cb814f501",
    "002_de244ad36c17fbc9",
    "003_e8a0a6e2dc4f0eda",
    "004_5d81250088eb90cf",
]


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` by its path, with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@dataclass
class Project:
    root: Path

    @property
    def documents(self) -> Path:
        return self.root / "site_src" / "documents"

    def add(self, name: str, content: str | bytes) -> Path:
        path = self.documents / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def generate(self) -> Report:
        return generate(load_settings(self.root))

    def build(self) -> int:
        """`microsite build` (generate + mkdocs build --strict) into <root>/site."""
        return microsite(["--root", str(self.root), "build"])

    def corpus(self, where: str = "docs") -> dict:
        return json.loads((self.root / where / "data" / "corpus.json").read_text(encoding="utf-8"))

    def record(self, doc_id: str, where: str = "docs") -> dict:
        return next(d for d in self.corpus(where)["documents"] if d["id"] == doc_id)


def make_project(root: Path, with_corpus: bool = True) -> Project:
    """A copy of the repository's site configuration, pages and (optionally) the five documents."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    for folder in ("overrides", "schemas"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "generator").symlink_to(REPO / "generator")  # mkdocs.yml names the hooks file by path
    shutil.copytree(REPO / "site_src" / "pages", root / "site_src" / "pages")
    (root / "site_src" / "documents").mkdir(parents=True)
    if with_corpus:
        for path in CORPUS.iterdir():
            shutil.copy(path, root / "site_src" / "documents" / path.name)
        shutil.copytree(REPO / "site_src" / "translations", root / "site_src" / "translations")
        shutil.copytree(REPO / "site_src" / "knowledge", root / "site_src" / "knowledge")
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project")


@pytest.fixture
def empty_project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project", with_corpus=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The five documents, built once with `microsite build` (MkDocs --strict) for the session."""
    built = make_project(tmp_path_factory.mktemp("built") / "project")
    assert built.build() == 0
    return built


def dump_front_matter(data: dict) -> str:
    """A knowledge-base entry's front matter, in the layout editors write."""
    import yaml

    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


# Markers (registered in pyproject.toml): `make test-fast` runs `-m "not browser and not slow"` for the
# edit-test loop; `make test` runs everything. They are given here, by file and by what a test does,
# so that test files need no decorators and a new test is marked by the same rules.
BROWSER_FILES = {"test_accessibility.py"}  # and every test_*_browser.py: Playwright in Chromium
SLOW_FILES = {
    "test_bench.py": "bench/run.py end to end on synthetic corpora",
    "test_reproducible.py": "whole builds compared byte for byte",
    "test_site_swap.py": "builds MkDocs rejects or that are killed",
    "test_cache.py": "cold, incremental and multi-process builds compared",
    "test_properties.py": "hypothesis: hundreds of generated inputs through the pipeline",
}
# Tests that build a site but stay in `make test-fast`, so that it still runs every module of generator/.
KEEP_FAST = {"test_add_imports_a_saved_html_page": "the only test of generator/importer.py (`microsite add`)"}


def _builds_a_site(function) -> bool:
    """The test itself runs `microsite build` or `serve` (MkDocs) rather than using the shared `built_site`."""
    import inspect
    import re

    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return re.search(r"\.build\(|[\"'](build|serve)[\"']", source) is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    builds: dict[object, bool] = {}
    for item in items:
        name = item.path.name
        module = getattr(item, "module", None)
        if name in BROWSER_FILES or name.endswith("_browser.py") or hasattr(module, "browser_page"):
            item.add_marker(pytest.mark.browser)
        function = getattr(item, "function", None)
        if function is not None and function not in builds:
            builds[function] = _builds_a_site(function)
        if name in SLOW_FILES or (builds.get(function, False) and item.originalname not in KEEP_FAST):
            item.add_marker(pytest.mark.slow)
