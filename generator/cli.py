"""Command line: `microsite generate | build | serve | check | translate | add | accept | inspect`.

Each command imports what it needs when it runs: `generate` with nothing changed should start
(and finish) at once, without loading the pipeline's stages.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.model.document import Skipped
from generator.model.metadata import METADATA_FIELDS
from generator.model.settings import Settings, load_settings
from generator.pipeline.build import generate, print_progress

if TYPE_CHECKING:
    from generator.machine_translation import Translator


OPTION_HELP = {
    "title": "headline in the original language, if the text's own is wrong or missing",
    "outlet": "the outlet that published the article",
    "url": "address of the original article (http or https)",
    "date": "publication date, YYYY-MM-DD, if the text does not state it",
    "language": "ISO 639-1 code of the article's language (ar, fa, tr, en …), if detection is wrong",
}


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="microsite", description="Build the research microsite from site_src/.")
    parser.add_argument("--root", default=".", help="project folder (holding mkdocs.yml); default: current folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="write docs/ from site_src/ (no MkDocs)")
    commands.add_parser("build", help="generate, then build the site into site/ with `mkdocs build --strict`")
    serve = commands.add_parser("serve", help="generate, then live preview that regenerates when site_src/ changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address and port to serve on")
    inspect = commands.add_parser("inspect", help="show what the cleaner keeps and removes in one document file")
    inspect.add_argument("file", type=Path, help="a document file in site_src/documents/")
    commands.add_parser("check", help="list untranslated, stale and orphan translations; exit 1 if any")
    translate = commands.add_parser("translate", help="write a machine draft translation (Argos Translate) for review")
    translate.add_argument("doc_id", help="document id (file name without extension)")
    add = commands.add_parser("add", help="import a .txt, .md or saved .html article into site_src/documents/")
    add.add_argument("file", type=Path, help="the article to import (never overwrites a file)")
    for option in METADATA_FIELDS:
        add.add_argument(f"--{option}", help=OPTION_HELP[option])
    accept = commands.add_parser(
        "accept", help="write a knowledge-base entry for a new name: site_src/knowledge/<id>.md (never overwrites)"
    )
    accept.add_argument("name", help="the name as the New names page or `microsite check` shows it (any spelling)")
    accept.add_argument(
        "--type",
        default="person",
        choices=("person", "organisation", "place"),
        help="the entry's type (default: person)",
    )
    accept.add_argument("--id", help="the entry's id and file name (default: made from the name's Latin spelling)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = load_settings(args.root)
    if args.command == "inspect":
        return _inspect(args.file, settings)
    if args.command == "check":
        from generator.check import FAILING, format_findings, run_check

        documents, findings = run_check(settings)
        print(format_findings(documents, findings))
        return 1 if any(f.kind in FAILING for f in findings) else 0
    if args.command == "translate":
        from generator.machine_translation import ArgosTranslator

        return _translate(args.doc_id, settings, ArgosTranslator)
    if args.command == "accept":
        from generator.accept import accept_command

        return accept_command(args.name, args.type, args.id, settings)
    if args.command == "add":
        overrides = {k: v for k in METADATA_FIELDS if (v := getattr(args, k))}
        return _add(args.file, overrides, settings)
    return _generate_then(args.command, settings, getattr(args, "dev_addr", None))


def _generate_then(command: str, settings: Settings, dev_addr: str | None) -> int:
    """Generate docs/, then, for `build`, the site, for `serve`, the live preview."""
    report = generate(settings, progress=print_progress)
    print(report.summary(), file=sys.stderr)
    if report.fatal:
        print(f"microsite: stopped: fix the {len(report.fatal)} error(s) marked FATAL above", file=sys.stderr)
        return 1
    if command == "build":
        return _build_site(settings)
    if command == "serve":
        # Become the MkDocs server (exec, not a child process): stopping `microsite serve` stops it.
        env = _mkdocs_env(settings, {"MICROSITE_DOCS_FRESH": "1"})
        os.chdir(settings.root)
        os.execve(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", str(dev_addr)], env)
    return 0


def _build_site(settings: Settings) -> int:
    """`mkdocs build --strict` into a sibling of the site folder, swapped in only when MkDocs
    succeeds: a rejected or killed build leaves the previous site as it was."""
    site = settings.site_dir
    _clear_stale_builds(site)
    building = _sibling(site, "building", os.getpid())
    try:
        code = _mkdocs(settings, ["build", "--strict", "--site-dir", str(building)])
        if code == 0:
            _swap_in(building, site)
        else:
            print(
                f"microsite: MkDocs rejected the build; {_shown(site, settings.root)} left as it was", file=sys.stderr
            )
        return code
    finally:
        shutil.rmtree(building, ignore_errors=True)  # after a swap there is nothing left to remove


def _sibling(site: Path, kind: str, pid: int) -> Path:
    """Next to the site folder, so that renaming it into place stays on one file system (atomic)."""
    return site.with_name(f"{site.name}.{kind}-{pid}")


def _swap_in(new: Path, site: Path) -> None:
    old = _sibling(site, "replaced", os.getpid())
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def _clear_stale_builds(site: Path) -> None:
    """Remove what killed builds left next to the site folder. A build killed between the two
    renames of its swap left the previous site aside with no site in place: that goes back."""
    for leftover in sorted(site.parent.glob(f"{glob.escape(site.name)}.*-*")):
        kind, _, pid = leftover.name[len(site.name) + 1 :].rpartition("-")
        if kind not in ("building", "replaced") or not pid.isdigit() or _still_running(int(pid)):
            continue
        if kind == "replaced" and not site.exists():
            leftover.rename(site)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _still_running(pid: int) -> bool:
    """Whether the build that owns a leftover folder still runs (another build in the same checkout)."""
    if pid == os.getpid():  # a pid reused from a killed build: that build is over
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _shown(path: Path, root: Path) -> str:
    return f"{path.relative_to(root)}/" if path.is_relative_to(root) else str(path)


def _mkdocs(settings: Settings, arguments: list[str]) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *arguments], cwd=settings.root, env=_mkdocs_env(settings))


def _mkdocs_env(settings: Settings, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {})}
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(settings.root))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return env


def source_date_epoch(root: Path) -> str:
    """Time of the last commit that touched site_src/ (0 outside git), so that MkDocs' sitemap
    dates and gzip headers depend on the content, not on when the build ran."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "site_src"], cwd=root, capture_output=True, text=True, timeout=20
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out if out.isdigit() else "0"


def _translate(doc_id: str, settings: Settings, backend: Callable[[str], Translator]) -> int:
    from generator.machine_translation import TranslatorUnavailable, write_draft
    from generator.pipeline.run import load_context, process
    from generator.stages.ingest import discover

    path = next((p for p in discover(settings.documents_dir) if p.stem == doc_id), None)
    if path is None:
        print(f"translate: no document {doc_id!r} in {settings.documents_dir}", file=sys.stderr)
        return 2
    document = process(path, load_context(settings))
    if isinstance(document, Skipped):
        print(f"translate: {document}", file=sys.stderr)
        return 2
    if document.analysis.language == "en":
        print(f"translate: {doc_id} is already in English; nothing to translate")
        return 0
    try:
        written = write_draft(document, settings.translations_dir, backend, date.today())
    except (TranslatorUnavailable, FileExistsError) as error:
        print(f"translate: {error}", file=sys.stderr)
        return 2
    print(f"translate: wrote {written} (status: machine) — review it, then set status: reviewed")
    return 0


def _add(source: Path, overrides: dict[str, str], settings: Settings) -> int:
    from generator.importer import import_file
    from generator.pipeline.run import load_context, process
    from generator.stages.ingest import IngestError

    if not source.is_file():
        print(f"add: {source}: no such file", file=sys.stderr)
        return 2
    try:
        written = import_file(source, settings.documents_dir, overrides, date.today())
    except (FileExistsError, IngestError) as error:
        print(f"add: {error}", file=sys.stderr)
        return 2
    document = process(written[0], load_context(settings))
    for path in written:
        print(f"add: wrote {path}")
    if isinstance(document, Skipped):
        print(f"add: but the build will skip it: {document.reason}")
        return 1
    a = document.analysis
    print(f"  language  {a.language} ({a.direction})")
    print(f"  title     {a.title}  [{a.title_evidence.source}]")
    print(
        f"  date      {a.date or 'not found'}"
        + (
            f"  [{a.date_evidence.source}, line {a.date_evidence.line}]"
            if a.date_evidence and a.date_evidence.line
            else ""
        )
    )
    print(f"  outlet    {a.outlet or 'not found'}")
    print(
        f"  text      {len(document.cleaned.paragraphs)} paragraph(s) kept, "
        f"{len(document.cleaned.removed)} line(s) removed"
    )
    people = ", ".join(f"{item.entity.name} ({' / '.join(item.names_written)})" for item in document.entities)
    print(f"  entities  {people or 'none'}")
    for name in document.new_names:
        print(f"  new name  {name.name}  (after «{name.title}»; add it to site_src/knowledge/ if it is a person)")
    return 0


def _inspect(path: Path, settings: Settings) -> int:
    from generator.pipeline.run import load_context, process

    result = process(path, load_context(settings))
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
