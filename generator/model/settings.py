"""Project paths and generator settings.

Settings live in `mkdocs.yml` under `extra.microsite`, so a site has one configuration
file. Defaults here apply to anything the file leaves out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from generator.model.plurals import noun

# The folder of editors' files, beside mkdocs.yml; its subfolders are "documents", "translations",
# "knowledge", "commentary" and "pages".
SOURCE_FOLDER = "site_src"


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely: `!ENV` as MkDocs does, `!!python/...` tags as null."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the default."""
    if isinstance(node, yaml.SequenceNode):
        names = [str(name) for name in loader.construct_sequence(node)]
    elif isinstance(node, yaml.ScalarNode):
        names = [str(loader.construct_scalar(node))]
    else:
        return None
    variables, default = (names[:-1], names[-1]) if len(names) > 1 else (names, None)
    return next((os.environ[name] for name in variables if name in os.environ), default)


_MkDocsLoader.add_constructor("!ENV", _environment)
_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Settings:
    root: Path
    source_dir: Path  # site_src/
    docs_dir: Path  # docs/ (generated)
    site_dir: Path  # site/ (built by MkDocs)
    max_document_bytes: int = 2_000_000  # a news article is far smaller; larger files are skipped
    summary_sentences: tuple[int, int] = (2, 4)
    # The only host outside the site that a reader's browser may contact: map tiles, an optional layer
    # over the site's own basemap. `layer`: "optional" (offered, off until the reader switches it on),
    # "shown" (offered and on) or "none" (not offered: readers' browsers contact no third party).
    tiles: dict[str, str] = field(
        default_factory=lambda: {
            "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
            "layer": "optional",
        }
    )
    # Places beyond the knowledge base from the gazetteer (GeoNames, CLDR, data/regions.yml);
    # false: the knowledge base's places only (`make bench` measures the difference).
    gazetteer: bool = True
    site_url: str = ""
    site_name: str = ""
    branch: str = "main"  # where the edit links open files
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def documents_dir(self) -> Path:
        return self.source_dir / "documents"

    @property
    def commentary_dir(self) -> Path:
        return self.source_dir / "commentary"

    @property
    def knowledge_dir(self) -> Path:
        return self.source_dir / "knowledge"

    @property
    def translations_dir(self) -> Path:
        return self.source_dir / "translations"

    @property
    def pages_dir(self) -> Path:
        return self.source_dir / "pages"


def load_settings(root: Path | str = ".", docs_dir: Path | str | None = None) -> Settings:
    """Settings for the project at `root` (the folder holding mkdocs.yml)."""
    root = Path(root).resolve()
    config_path = root / "mkdocs.yml"
    config: dict[str, Any] = {}
    if config_path.exists():
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_MkDocsLoader) or {}
    options = dict((config.get("extra") or {}).get("microsite") or {})
    known = {f.name for f in fields(Settings)} - {
        "root",
        "source_dir",
        "docs_dir",
        "site_dir",
        "extra",
        "site_url",
        "site_name",
    }
    unknown = set(options) - known
    if unknown:
        names = ", ".join(sorted(unknown))
        raise ValueError(f"{config_path}: unknown {noun(len(unknown), 'setting')} under extra.microsite: {names}")
    if "summary_sentences" in options:
        options["summary_sentences"] = tuple(options["summary_sentences"])
    return Settings(
        root=root,
        source_dir=root / SOURCE_FOLDER,
        docs_dir=Path(docs_dir).resolve() if docs_dir else root / config.get("docs_dir", "docs"),
        site_dir=Path(os.path.abspath(root / (config.get("site_dir") or "site"))),
        site_url=config.get("site_url") or "",
        site_name=config.get("site_name") or "",
        extra=config.get("extra") or {},
        **options,
    )
