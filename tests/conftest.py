"""Shared fixtures: throwaway projects built from the repository's configuration."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import Report, generate
from generator.cli import main as microsite
from generator.config import load_settings

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "site_src" / "documents"


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
    (root / "generator").symlink_to(REPO / "generator")     # mkdocs.yml names the hooks file by path
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
