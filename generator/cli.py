"""Command line: `microsite generate | build | serve | inspect`."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .config import Settings, load_settings
from .model import Skipped
from .pipeline import generate, print_progress, process


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="microsite", description="Build the research microsite from site_src/.")
    parser.add_argument("--root", default=".", help="project folder (holding mkdocs.yml); default: current folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="write docs/ from site_src/ (no MkDocs)")
    commands.add_parser("build", help="generate, then build the site into site/ with `mkdocs build --strict`")
    serve = commands.add_parser("serve", help="generate, then live preview that regenerates when site_src/ changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    inspect = commands.add_parser("inspect", help="show what the cleaner keeps and removes in one document file")
    inspect.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    settings = load_settings(args.root)
    if args.command == "inspect":
        return _inspect(args.file, settings)
    report = generate(settings, progress=print_progress)
    print(report.summary(), file=sys.stderr)
    if args.command == "build":
        return _mkdocs(settings, ["build", "--strict"])
    if args.command == "serve":
        return _mkdocs(settings, ["serve", "--dev-addr", args.dev_addr])
    return 0


def _mkdocs(settings: Settings, arguments: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(settings.root))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return subprocess.call([sys.executable, "-m", "mkdocs", *arguments], cwd=settings.root, env=env)


def source_date_epoch(root: Path) -> str:
    """Time of the last commit that touched site_src/ (0 outside git), so that MkDocs' sitemap
    dates and gzip headers depend on the content, not on when the build ran."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "site_src"], cwd=root,
                             capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out if out.isdigit() else "0"


def _inspect(path: Path, settings: Settings) -> int:
    result = process(path, settings)
    if isinstance(result, Skipped):
        print(f"skipped: {result}")
        return 1
    a, cleaned = result.analysis, result.cleaned
    print(f"{path}: language {a.language}, date {a.date}, outlet {a.outlet}")
    print(f"title: {a.title}")
    for paragraph in cleaned.paragraphs:
        print(f"  keep    {paragraph.lines[0]:>4}  {paragraph.text[:100]}")
    for removal in cleaned.removed:
        print(f"  remove  {removal.line:>4}  [{removal.reason}]  {removal.text[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
