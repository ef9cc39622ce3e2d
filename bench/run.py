"""`make bench`: the generator at 1,000 and 5,000 synthetic documents, beside plain MkDocs.

For each size: a throwaway project with the repository's configuration, knowledge base and
pages, and a synthetic corpus (bench/synthetic.py). Measured, each step in its own process:
  * generator, cold (`microsite generate`, empty cache) and rebuilt with nothing changed;
  * MkDocs + Material building the generated docs/;
  * plain MkDocs + Material building equivalent Markdown (each document's title and cleaned
    paragraphs, no generator) — the baseline for the ratio;
  * peak memory of each step, page weights, search-index size, total site size.
And the hostile case of issue 11 (`--only long-line` measures just this, in under a minute): the
generator, cold, on the five source documents alone and with one Arabic document of 0.5, 1 and
1.95 MB written on a single line (bench/synthetic.py, `one_line_document`). And the gazetteer's
cost of issue 14 (`--only gazetteer`): the generator, cold, at 1,000 documents with the gazetteer
off and on, in turn. And what a reader's browser pays, issue 16 (`--only lighthouse`, at the sizes
given): Lighthouse performance on mobile and the bytes a page load downloads, for the home, the
documents index, a document and the map page of each size's built site (bench/page_weight.py).
Writes BENCHMARKS.md with the figures and the machine they ran on.

Projects are created in a new folder and deleted only after every measurement: on ext4, creating
files within minutes of deleting many others is several times slower (the inode allocator skips
recently deleted inodes one by one), which would bill a previous run's clean-up to the generator.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import page_weight, preview_speed  # noqa: E402
from bench.synthetic import build_corpus, one_line_document  # noqa: E402

SOURCES = REPO / "site_src" / "documents"
# One-line document sizes (MB): 1.95 is just under the default limit (max_document_bytes, 2,000,000).
LONG_LINE_MB = [0.5, 1.0, 1.95]
LONG_LINE_HEADING = "## One long line (issue 11)"
GAZETTEER_HEADING = "## The gazetteer (issue 14)"
GAZETTEER_DOCUMENTS = 1000
# The key that marks each part's JSON block in a log printed by an earlier run (for --from-log).
PART_KEYS = ("long_line", "gazetteer", "lighthouse")
GAZETTEER_MAX_SHARE = 0.10  # issue 14: the gazetteer adds at most 10% to a 1,000-document cold build
MAX_WHOLE_VS_PLAIN = 2.0  # issue 16: `make site` / plain MkDocs + Material, same text
MAX_SAVE_TO_RELOAD_S = 3.0  # issue 16: "within about 3 seconds" at 1,000 documents
# Issue 7 judged the generator against the MkDocs build; issue 16 made MkDocs' build several times faster
# (render once, no lunr index) and judges the whole of `make site` against plain MkDocs instead.
WAYS = ("cold", "cached", "unchanged")  # of running `make site`: see whole_build_against_plain
SUPERSEDED = "superseded by issue 16's whole-build target (below)"

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
PLAIN_MKDOCS = """site_name: Plain baseline
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
plugins:
  - search:
      lang: [en, ar]
not_in_nav: |
  /documents/*.md
nav:
  - Home: index.md
"""


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one command in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def skeleton(root: Path) -> Path:
    """A project with the repository's configuration, pages and knowledge base, and no documents."""
    root.mkdir(parents=True)
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    for folder in ("overrides", "schemas"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "generator").symlink_to(REPO / "generator")
    for folder in ("pages", "knowledge"):
        shutil.copytree(REPO / "site_src" / folder, root / "site_src" / folder)
    return root


def project(root: Path, count: int) -> Path:
    build_corpus(sorted(SOURCES.glob("*.txt")), skeleton(root) / "site_src" / "documents", count)
    return root


def built_site(root: Path) -> Path:
    """The project's site as `make site` builds it (`microsite build`: generator, MkDocs, search index)."""
    run([sys.executable, "-m", "generator.cli", "--root", str(root), "build"], REPO)
    return root / "site"


def long_line_project(root: Path, megabytes: float) -> Path:
    """The five source documents with their translations, and (unless `megabytes` is 0) one more
    document of that size on a single line."""
    shutil.copytree(SOURCES, skeleton(root) / "site_src" / "documents")
    shutil.copytree(REPO / "site_src" / "translations", root / "site_src" / "translations")
    if megabytes:
        text = one_line_document(sorted(SOURCES.glob("*.txt")), int(megabytes * 1e6))
        (root / "site_src" / "documents" / "long-line.txt").write_text(text, encoding="utf-8")
    return root


def plain_project(root: Path, generated: Path) -> Path:
    """Equivalent Markdown, no generator: each document's title and cleaned paragraphs."""
    (root / "docs" / "documents").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(PLAIN_MKDOCS, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Plain baseline\n", encoding="utf-8")
    corpus = json.loads((generated / "docs" / "data" / "corpus.json").read_text(encoding="utf-8"))
    for record in corpus["documents"]:
        body = "\n\n".join(record["text"]["original"])
        (root / "docs" / "documents" / f"{record['id']}.md").write_text(
            f"# {record['title']['original']}\n\n{body}\n", encoding="utf-8"
        )
    return root


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def median_of_runs(command: list[str], cwd: Path, runs: int, before_each: Callable[[int], None]) -> tuple[float, float]:
    """Median wall seconds and highest peak memory of `runs` runs; `before_each(i)` resets the state."""
    seconds, memory = [], []
    for i in range(runs):
        before_each(i)
        wall, peak = run(command, cwd)
        seconds.append(wall)
        memory.append(peak)
    return statistics.median(seconds), max(memory)


def set_aside(*folders: Path, tag: str = "") -> Callable[[int], None]:
    """Before a cold run: move earlier output away (renamed, not deleted: see the module docstring)."""

    def reset(i: int) -> None:
        for folder in folders:
            if folder.exists():
                folder.rename(folder.with_name(f"{folder.name}-{tag}run{i}"))

    return reset


def search_index_seconds(root: Path, runs: int) -> float:
    """Median seconds of writing Pagefind's index of the built site (the last step of `microsite build`)."""
    code = "import sys; from pathlib import Path; from generator.site.search_pages import write_search_index; "
    command = [sys.executable, "-c", code + f"write_search_index(Path({str(root / 'site')!r}))"]
    return median_of_runs(command, REPO, runs, lambda i: None)[0]


def whole_build_against_plain(root: Path, plain: Path, runs: int) -> dict:
    """`microsite build` (what `make site` runs: generator, MkDocs, search index) and the plain MkDocs
    build of the same text, in turn in one run (`runs` rounds, so that a busy moment of the machine
    weighs on both). `make site` three ways: cold (no docs/, site/ or cache); with the generator's
    cache alone (no docs/ or site/: a deploy that restored the last one's cache,
    .github/workflows/pages.yml); and again with nothing changed (an editor's next `make site`: MkDocs
    and the search index still build everything). Each ratio is the median of the rounds' ratios."""
    build = [sys.executable, "-m", "generator.cli", "--root", str(root), "build"]
    plain_build = [sys.executable, "-m", "mkdocs", "build", "-q"]
    times: dict[str, list[float]] = {"cold": [], "cached": [], "unchanged": [], "plain": []}
    for i in range(runs):
        set_aside(root / "docs", root / "site", root / ".microsite-cache", tag="whole-")(i)
        times["cold"].append(run(build, REPO)[0])
        set_aside(plain / "site", tag="whole-")(i)
        times["plain"].append(run(plain_build, plain)[0])
        set_aside(root / "docs", root / "site", tag="cached-")(i)
        times["cached"].append(run(build, REPO)[0])
        times["unchanged"].append(run(build, REPO)[0])
    result = {f"whole_{way}_s": statistics.median(seconds) for way, seconds in times.items()}
    for way in ("cold", "cached", "unchanged"):
        ratios = [t / b for t, b in zip(times[way], times["plain"], strict=True)]
        result[f"whole_{way}_vs_plain"] = statistics.median(ratios)
    return result


def measure(count: int, workdir: Path, runs: int) -> dict:
    root = project(workdir / f"bench-{count}", count)
    python = sys.executable
    generate = [python, "-m", "generator.cli", "--root", str(root), "generate"]
    cold, cold_memory = median_of_runs(generate, REPO, runs, set_aside(root / "docs", root / ".microsite-cache"))
    rebuild, _ = median_of_runs(generate, REPO, runs, lambda i: None)
    mkdocs, mkdocs_memory = median_of_runs(
        [python, "-m", "mkdocs", "build", "-q"], root, runs, set_aside(root / "site")
    )
    search_s = search_index_seconds(root, runs)
    plain = plain_project(workdir / f"plain-{count}", root)
    plain_seconds, _ = median_of_runs([python, "-m", "mkdocs", "build", "-q"], plain, runs, set_aside(plain / "site"))
    whole = whole_build_against_plain(root, plain, runs)
    preview = preview_speed.save_to_reload(root, first_document(root), runs, ENV)
    site = root / "site"
    pages = {p: p.stat().st_size for p in site.rglob("*.html") if "maps" not in p.parts}
    document_pages = [size for p, size in pages.items() if p.parent.parent.name == "documents"]
    largest = max(pages, key=pages.get)
    return {
        "documents": count,
        "runs": runs,
        "generator_s": cold,
        "generator_ms_per_doc": cold / count * 1000,
        "generator_peak_mb": cold_memory,
        "rebuild_s": rebuild,
        "rebuild_share": rebuild / cold,
        "mkdocs_s": mkdocs,
        "mkdocs_peak_mb": mkdocs_memory,
        "generator_share": cold / mkdocs,
        "search_index_s": search_s,
        **whole,
        **preview,
        "plain_mkdocs_s": plain_seconds,
        "document_page_kb_median": statistics.median(document_pages) / 1024,
        "document_page_kb_max": max(document_pages) / 1024,
        "page_kb_max": pages[largest] / 1024,
        "largest_page": str(largest.relative_to(site)),
        "pages": len(pages),
        # Material's lunr index is gone (issue 16: Pagefind, written by `microsite build`, not `mkdocs build`)
        "search_index_kb_per_doc": folder_size(site / "pagefind") / 1024 / count if (site / "pagefind").is_dir() else 0,
        "site_mb": folder_size(site) / 1e6,
        "map_files": len(list((site / "maps").glob("*.html"))),
    }


def first_document(root: Path) -> str:
    return min(path.stem for path in (root / "site_src" / "documents").glob("*.txt"))


def measure_long_line(sizes: list[float], workdir: Path, runs: int) -> dict:
    """Generator cold time, five source documents alone and with one long one-line document."""
    seconds = {}
    for megabytes in [0, *sizes]:
        root = long_line_project(workdir / f"long-line-{megabytes}", megabytes)
        generate = [sys.executable, "-m", "generator.cli", "--root", str(root), "generate"]
        seconds[megabytes], _ = median_of_runs(
            generate, REPO, runs, set_aside(root / "docs", root / ".microsite-cache")
        )
        if megabytes and not (root / "docs" / "documents" / "long-line.md").is_file():
            raise SystemExit(f"the {megabytes} MB one-line document was not published: nothing was measured")
    normal = seconds[0]
    return {
        "long_line": True,
        "runs": runs,
        "normal_s": normal,
        "sizes": [
            {
                "mb": mb,
                "generator_s": seconds[mb],
                "ratio": seconds[mb] / normal,
                "extra_s_per_mb": (seconds[mb] - normal) / mb,
            }
            for mb in sizes
        ],
    }


def switch_gazetteer(root: Path, enabled: bool) -> None:
    """Set `extra.microsite.gazetteer` in the project's mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        re.sub(r"(?m)^(\s+gazetteer:) \w+", rf"\1 {'true' if enabled else 'false'}", text), encoding="utf-8"
    )


def measure_gazetteer(count: int, workdir: Path, runs: int) -> dict:
    """The generator, cold, with the gazetteer off and on, interleaved pair by pair (off, on, off, on …:
    the machine's drift falls on both alike); and compiling the index, which a machine does once per
    installed data version (the index is then kept in the user's cache)."""
    root = project(workdir / f"gazetteer-{count}", count)
    generate = [sys.executable, "-m", "generator.cli", "--root", str(root), "generate"]
    reset = set_aside(root / "docs", root / ".microsite-cache")
    seconds: dict[bool, list[float]] = {False: [], True: []}
    for i in range(runs):
        for j, enabled in enumerate((False, True)):
            switch_gazetteer(root, enabled)
            reset(2 * i + j)
            seconds[enabled].append(run(generate, REPO)[0])
    shares = [(on - off) / on for off, on in zip(seconds[False], seconds[True], strict=True)]
    entities = json.loads((root / "docs" / "data" / "entities.json").read_text(encoding="utf-8"))["entities"]
    compile_command = [
        sys.executable,
        "-c",
        "from generator.entities.gazetteer import build_gazetteer; build_gazetteer()",
    ]
    return {
        "gazetteer": True,
        "documents": count,
        "runs": runs,
        "off_s": statistics.median(seconds[False]),
        "on_s": statistics.median(seconds[True]),
        "share": statistics.median(shares),
        "places_found": sum(1 for e in entities if e["type"] == "place" and not e["reviewed"]),
        "compile_s": run(compile_command, REPO)[0],
    }


def gazetteer_section(result: dict) -> str:
    met = "met" if result["share"] <= GAZETTEER_MAX_SHARE else "**not met**"
    return f"""{GAZETTEER_HEADING}

Measured by `make bench` or, alone, `bench/run.py --only gazetteer` on {time.strftime("%Y-%m-%d")}, on: {machine()}.
The generator, cold, on {result["documents"]:,} synthetic documents (bench/synthetic.py, whose places include
some only the gazetteer knows), with `extra.microsite.gazetteer` off and on, run in turn
({result["runs"]} pairs, each step in its own process); the share is the median of the pairs' shares.
The index itself is compiled once per installed data version and kept in the user's cache
(`~/.cache/microsite`); a project's cold build only loads it.

**The gazetteer's share of a {result["documents"]:,}-document cold build: {result["share"]:.1%} \
(target at most {GAZETTEER_MAX_SHARE:.0%}: {met}).**

| | |
|---|---|
| Generator, cold, gazetteer off | {result["off_s"]:.2f} s |
| Generator, cold, gazetteer on | {result["on_s"]:.2f} s |
| Gazetteer's share (median of pairs) | {result["share"]:.1%} |
| Places found only by the gazetteer | {result["places_found"]} |
| Compiling the index (once per machine and data version) | {result["compile_s"]:.1f} s |
"""


def long_line_section(result: dict) -> str:
    rows = result["sizes"]
    headline = min(rows, key=lambda r: abs(r["mb"] - 1))  # the 1 MB figure, or the nearest measured
    table = [
        "| | five documents | " + " | ".join(f"+ {r['mb']:g} MB on one line" for r in rows) + " |",
        "|---" * (len(rows) + 2) + "|",
        f"| Generator, cold | {result['normal_s']:.2f} s | "
        + " | ".join(f"{r['generator_s']:.2f} s" for r in rows)
        + " |",
        "| × the five-document build | 1.00× | " + " | ".join(f"{r['ratio']:.2f}×" for r in rows) + " |",
        "| Added seconds per MB | – | " + " | ".join(f"{r['extra_s_per_mb']:.2f} s" for r in rows) + " |",
    ]
    table_text = "\n".join(table)
    return f"""{LONG_LINE_HEADING}

Measured by `make bench` or, alone, `bench/run.py --only long-line` on {time.strftime("%Y-%m-%d")}, on: {machine()}.
The generator, cold, in its own process (median of {result["runs"]} runs): the five source documents
with their translations, alone and with one more document, Arabic on a single line (one paragraph):
their sentences recombined, names varied, and one sentence in four opening with a title and a
person the knowledge base does not know (bench/synthetic.py). Every pass over a paragraph is
linear in its length, so the added time per MB stays flat.

**{headline["mb"]:g} MB one-line document: {headline["ratio"]:.1f}× a normal build.**

{table_text}
"""


def with_section(markdown: str, section: str, heading: str = LONG_LINE_HEADING) -> str:
    """`markdown` with its section under `heading` replaced by `section` (added at the end if it has none)."""
    before, found, after = markdown.partition(heading)
    if not found:
        return markdown.rstrip("\n") + "\n\n" + section
    rest = after.split("\n## ", 1)
    return before + section + ("\n## " + rest[1] if len(rest) > 1 else "")


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory = next(
        (
            int(line.split()[1]) / 1024 / 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {system}, Python {platform.python_version()}"


def report(results: list[dict]) -> str:
    rows = [
        ("Generator, cold (whole run)", lambda r: f"{r['generator_s']:.1f} s"),
        ("Generator per document", lambda r: f"{r['generator_ms_per_doc']:.1f} ms"),
        ("Rebuild with nothing changed", lambda r: f"{r['rebuild_s']:.2f} s ({r['rebuild_share']:.0%} of cold)"),
        ("MkDocs + Material build", lambda r: f"{r['mkdocs_s']:.1f} s"),
        ("Generator / MkDocs build", lambda r: f"{r['generator_share']:.0%}"),
        ("Search index (Pagefind), written after MkDocs", lambda r: f"{r['search_index_s']:.1f} s"),
        ("Plain MkDocs + Material, same text", lambda r: f"{r['plain_mkdocs_s']:.1f} s"),
        (
            "`make site` (generator, MkDocs, search): cold / the cache alone / nothing changed",
            lambda r: " / ".join(f"{r[f'whole_{way}_s']:.1f} s" for way in WAYS),
        ),
        (
            "`make site` / plain build, interleaved: cold / the cache alone / nothing changed",
            lambda r: " / ".join(f"{r[f'whole_{way}_vs_plain']:.2f}×" for way in WAYS),
        ),
        ("Preview: a save to the page reloaded with it", lambda r: f"{r['save_to_reload_s']:.1f} s"),
        (
            "Peak memory: generator / MkDocs",
            lambda r: f"{r['generator_peak_mb']:.0f} MB / {r['mkdocs_peak_mb']:.0f} MB",
        ),
        (
            "Document page HTML, median / max",
            lambda r: f"{r['document_page_kb_median']:.0f} KB / {r['document_page_kb_max']:.0f} KB",
        ),
        ("Largest page", lambda r: f"{r['page_kb_max']:.0f} KB ({r['largest_page']})"),
        ("Pages", lambda r: f"{r['pages']:,}"),
        ("Search index per document", lambda r: f"{r['search_index_kb_per_doc']:.1f} KB"),
        (
            "Total site size",
            lambda r: f"{r['site_mb']:.1f} MB ({r['site_mb'] / r['documents'] * 1000:.0f} KB per document)",
        ),
        ("Map files", lambda r: f"{r['map_files']}"),
    ]
    header = "| | " + " | ".join(f"{r['documents']:,} documents" for r in results) + " |"
    lines = [header, "|---" * (len(results) + 1) + "|"]
    lines += [f"| {name} | " + " | ".join(value(r) for r in results) + " |" for name, value in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "microsite-bench")
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--runs", type=int, default=3, help="runs of each step; the median is reported")
    parser.add_argument("--from-log", type=Path, help="re-render BENCHMARKS.md from the JSON an earlier run printed")
    parser.add_argument(
        "--long-line-mb", type=float, nargs="+", default=LONG_LINE_MB, help="sizes of the one-line document (MB)"
    )
    parser.add_argument("--gazetteer-documents", type=int, default=GAZETTEER_DOCUMENTS)
    parser.add_argument(
        "--only",
        choices=["long-line", "gazetteer", "lighthouse"],
        help="measure only this part and replace only its section of the output",
    )
    args = parser.parse_args()
    if args.from_log:
        blocks = [json.loads(b) for b in re.findall(r"^\{$.*?^\}$", args.from_log.read_text(), re.M | re.S)]
        results = [b for b in blocks if not any(b.get(key) for key in PART_KEYS)]
        long_line, gazetteer, lighthouse = (next((b for b in blocks if b.get(key)), None) for key in PART_KEYS)
        markdown = render_markdown(report(results), results, long_line, gazetteer, lighthouse)
        args.output.write_text(markdown, encoding="utf-8")
        return
    workdir = args.workdir / f"run-{os.getpid()}"
    try:
        results, long_line, gazetteer, lighthouse = measure_parts(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.only:
        write_only_part(args.output, args.only, long_line or gazetteer or lighthouse or {})
        return
    table = report(results)
    print(table)
    args.output.write_text(render_markdown(table, results, long_line, gazetteer, lighthouse), encoding="utf-8")


def write_only_part(output: Path, only: str, result: dict) -> None:
    """Replace only the section of the part `--only` names in `output` (added if it has none)."""
    sections = {
        "long-line": (long_line_section, LONG_LINE_HEADING),
        "gazetteer": (gazetteer_section, GAZETTEER_HEADING),
        "lighthouse": (lighthouse_section, page_weight.HEADING),
    }
    render, heading = sections[only]
    part = render(result)
    print(part)
    existing = output.read_text(encoding="utf-8") if output.is_file() else "# Benchmarks\n"
    output.write_text(with_section(existing, part, heading), encoding="utf-8")


def lighthouse_section(result: dict) -> str:
    return page_weight.section(result, machine(), time.strftime("%Y-%m-%d"))


def measure_parts(args: argparse.Namespace, workdir: Path) -> tuple[list[dict], dict | None, dict | None, dict | None]:
    """The corpora of each size, the one-long-line case, the gazetteer's cost and the page weights
    (or the one part `--only` names)."""
    results, long_line, gazetteer, lighthouse = [], None, None, None
    for count in [] if args.only else args.sizes:
        print(f"bench: {count} documents …", file=sys.stderr, flush=True)
        results.append(measure(count, workdir, args.runs))
        print(json.dumps(results[-1], indent=1), file=sys.stderr)
    if args.only in (None, "long-line"):
        sizes = ", ".join(f"{mb:g}" for mb in args.long_line_mb)
        print(f"bench: one-line document of {sizes} MB …", file=sys.stderr, flush=True)
        long_line = measure_long_line(args.long_line_mb, workdir, args.runs)
        print(json.dumps(long_line, indent=1), file=sys.stderr)
    if args.only in (None, "gazetteer"):
        print(f"bench: the gazetteer at {args.gazetteer_documents} documents …", file=sys.stderr, flush=True)
        gazetteer = measure_gazetteer(args.gazetteer_documents, workdir, args.runs)
        print(json.dumps(gazetteer, indent=1), file=sys.stderr)
    if args.only in (None, "lighthouse"):
        lighthouse = measure_lighthouse(args, workdir)
        print(json.dumps(lighthouse, indent=1), file=sys.stderr)
    return results, long_line, gazetteer, lighthouse


def measure_lighthouse(args: argparse.Namespace, workdir: Path) -> dict:
    """Lighthouse and page weights on each size's site, built by `microsite build` (in the project `measure`
    timed, where its cache makes the generator's part instant)."""
    sites = []
    for count in args.sizes:
        print(f"bench: Lighthouse and page weights at {count} documents …", file=sys.stderr, flush=True)
        measured = workdir / f"bench-{count}"  # the project `measure` timed, if it ran
        root = measured if measured.is_dir() else project(workdir / f"site-{count}", count)
        sites.append((count, built_site(root)))
    return page_weight.measure(sites, args.runs)


def assessment(results: list[dict]) -> str:
    """Each target of issue 7, judged from the figures (at 1,000 documents where it says so)."""
    at_1000 = next((r for r in results if r["documents"] == 1000), results[0])
    per_doc = [r["site_mb"] / r["documents"] for r in results]
    linear = max(per_doc) / min(per_doc) if len(per_doc) > 1 else 1.0
    checks = [
        (
            "Generator time at most 25% of the MkDocs build (1,000 documents)",
            f"{at_1000['generator_share']:.0%}",
            at_1000["generator_share"] <= 0.25 or SUPERSEDED,
        ),
        (
            "Per-page HTML at most 100 KB (1,000 documents, largest page)",
            f"{at_1000['page_kb_max']:.0f} KB",
            at_1000["page_kb_max"] <= 100,
        ),
        (
            "Total site size grows linearly (size per document, largest / smallest corpus)",
            f"{linear:.2f}×",
            linear <= 1.25,
        ),
        (
            "Rebuild with nothing changed at most 10% of the cold generator time",
            ", ".join(f"{r['rebuild_share']:.0%}" for r in results),
            all(r["rebuild_share"] <= 0.10 for r in results),
        ),
    ]
    return targets(checks)


def targets(checks: list[tuple[str, str, bool | str]]) -> str:
    """A targets table: each target, the figure measured, and whether it is met (or what replaced it)."""
    lines = ["| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {met(ok)} |" for name, value, ok in checks]
    return "\n".join(lines)


def met(ok: bool | str) -> str:
    return ok if isinstance(ok, str) else "yes" if ok else "**no**"


def issue_16_assessment(results: list[dict]) -> str:
    """Issue 16's targets for the whole build and the preview, judged at 1,000 documents (and shown at each size)."""
    at_1000 = next((r for r in results if r["documents"] == 1000), results[0])
    each = ", ".join
    checks = [
        (
            "`make site` at most 2× a plain MkDocs + Material build of the same text, cold (1,000 documents)",
            each(f"{r['whole_cold_vs_plain']:.2f}×" for r in results),
            at_1000["whole_cold_vs_plain"] <= MAX_WHOLE_VS_PLAIN,
        ),
        (
            "Preview: one save shown in the browser within about 3 s (1,000 documents)",
            each(f"{r['save_to_reload_s']:.1f} s" for r in results),
            at_1000["save_to_reload_s"] <= MAX_SAVE_TO_RELOAD_S,
        ),
    ]
    return targets(checks)


def render_markdown(
    table: str,
    results: list[dict],
    long_line: dict | None,
    gazetteer: dict | None = None,
    lighthouse: dict | None = None,
) -> str:
    runs = results[0].get("runs", 1)
    return (
        f"""# Benchmarks

Measured by `make bench` (bench/run.py) on {time.strftime("%Y-%m-%d")}, on: {machine()}.
Synthetic corpora derived from the five source documents (bench/synthetic.py): paragraphs
recombined, names, places and dates varied, page furniture kept. Every step runs in its own
process, as `make site` runs it; times are wall-clock, the median of {runs} run{"s" * (runs > 1)} (cold runs start
with no `docs/`, `site/` or cache).

{table}

## Targets (issue 7)

{assessment(results)}

## Build and preview targets (issue 16)

{issue_16_assessment(results)}
"""
        + ("\n" + long_line_section(long_line) if long_line else "")
        + ("\n" + gazetteer_section(gazetteer) if gazetteer else "")
        + ("\n" + lighthouse_section(lighthouse) if lighthouse else "")
    )


if __name__ == "__main__":
    main()
