"""Command line: `microsite generate | build | serve | check | translate | add | accept | inspect`.

Each command imports what it needs when it runs: `generate` with nothing changed should start
(and finish) at once, without loading the pipeline's stages.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.commands import parser
from generator.model.document import Skipped
from generator.model.metadata import METADATA_FIELDS
from generator.model.plurals import count
from generator.model.settings import Settings, load_settings
from generator.pipeline.build import generate
from generator.preview import POLL_ENV, PROBLEMS_ENV, Problem, encode_problems, problems_of
from generator.progress import progress_for
from generator.site.search_pages import SEARCH_DIR, write_search_index

if TYPE_CHECKING:
    from generator.machine_translation import Translator


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = load_settings(args.root)
    if args.command == "inspect":
        return _inspect(args.file, settings)
    if args.command == "check":
        from generator.check import FAILING, format_findings, run_check

        documents, findings = run_check(settings, progress_for())
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
    return _generate_then(args.command, settings, getattr(args, "dev_addr", None), getattr(args, "poll", False))


def _generate_then(command: str, settings: Settings, dev_addr: str | None, poll: bool = False) -> int:
    """Generate docs/, then, for `build`, the site, for `serve`, the live preview."""
    report = generate(settings, progress=progress_for())
    print(report.summary(), file=sys.stderr)
    errors = count(len(report.fatal), "error")
    if report.fatal and command == "serve" and (settings.docs_dir / "index.md").is_file():
        print(f"microsite: serving the last good pages; the browser shows the {errors} until fixed", file=sys.stderr)
        _serve(settings, str(dev_addr), problems_of(report.of("fatal"), settings.root), poll)
    if report.fatal:
        print(f"microsite: stopped: fix the {errors} marked FATAL above", file=sys.stderr)
        return 1
    if command == "build":
        return _build_site(settings)
    if command == "serve":
        _serve(settings, str(dev_addr), [], poll)
    return 0


def _serve(settings: Settings, dev_addr: str, problems: list[Problem], poll: bool) -> None:
    """Become the MkDocs server (exec, not a child process: stopping `microsite serve` stops it), on
    docs/ as just generated, or as last generated with the problems found since (preview.py)."""
    preview = {PROBLEMS_ENV: encode_problems(problems), POLL_ENV: "1" if poll else ""}
    env = _mkdocs_env(settings, {"MICROSITE_DOCS_FRESH": "1", **preview})
    os.chdir(settings.root)
    os.execve(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", dev_addr], env)


def _build_site(settings: Settings) -> int:
    """`mkdocs build --strict` into a sibling of the site folder, swapped in only when MkDocs
    succeeds: a rejected or killed build leaves the previous site as it was."""
    site = settings.site_dir
    _clear_stale_builds(site)
    building, search = _sibling(site, "building", os.getpid()), _sibling(site, "search", os.getpid())
    try:
        with ThreadPoolExecutor(max_workers=1) as beside:
            # Pagefind indexes the generator's data (docs/data/, copied as is into the site), not MkDocs'
            # pages (site/search_pages.py): it runs while MkDocs builds, on the other core.
            indexed = beside.submit(write_search_index, settings.docs_dir, search)
            code = _mkdocs(settings, ["build", "--strict", "--site-dir", str(building)])
            indexed.result()
        if code == 0:
            search.rename(building / SEARCH_DIR)
            _swap_in(building, site)
        else:
            print(
                f"microsite: MkDocs rejected the build; {_shown(site, settings.root)} left as it was", file=sys.stderr
            )
        return code
    finally:
        for scratch in (building, search):  # after a swap there is nothing left to remove
            shutil.rmtree(scratch, ignore_errors=True)


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
        if kind not in ("building", "replaced", "search") or not pid.isdigit() or _still_running(int(pid)):
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
    print(f"  title     {_found(a.title)}  [{a.title_evidence.source}]")
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
        f"  text      {count(len(document.cleaned.paragraphs), 'paragraph')} kept, "
        f"{count(len(document.cleaned.removed), 'line')} removed"
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
    print(f"{path}: language {a.language}, date {_found(a.date)}, outlet {_found(a.outlet)}")
    print(f"title: {_found(a.title)}")
    for paragraph in cleaned.paragraphs:
        print(f"  keep    {paragraph.lines[0]:>4}  {paragraph.text[:100]}")
    for removal in cleaned.removed:
        print(f"  remove  {removal.line:>4}  [{removal.reason}]  {removal.text[:80]}")
    return 0


def _found(value: object) -> str:
    """A value the text may not give: "not found" rather than None."""
    return "not found" if value is None or value == "" else str(value)


def run() -> None:
    """The `microsite` command: `main`, then exit without tearing the interpreter down. A build leaves
    hundreds of MB of small objects (documents, the preview's in-memory results); freeing them one by
    one at exit took 0.7 s at 1,000 documents, and the operating system reclaims them at once."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
