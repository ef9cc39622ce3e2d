"""`make bench` runs end to end, and the committed BENCHMARKS.md meets every target of issue 7
and the one-long-line target of issue 11, and records issue 16's page weights and Lighthouse scores.

Speed itself is never asserted here (a timed test would fail on a busy machine): the script is
run on tiny corpora to prove it works and writes every figure; the targets are judged from the
figures `make bench` recorded.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO

ROWS = (
    "Generator, cold",
    "Generator per document",
    "Rebuild with nothing changed",
    "MkDocs + Material build",
    "Generator / MkDocs build",
    "Search index (Pagefind)",
    "Plain MkDocs + Material",
    "`make site` (generator, MkDocs, search): cold / the cache alone / nothing changed",
    "`make site` / plain build, interleaved",
    "Preview: a save to the page reloaded",
    "Peak memory",
    "Document page HTML",
    "Largest page",
    "Search index per document",
    "Total site size",
)
TARGETS = (
    "Generator time at most 25%",
    "Per-page HTML at most 100 KB",
    "Total site size grows linearly",
    "Rebuild with nothing changed at most 10%",
)
# Issue 16 replaced issue 7's generator-against-MkDocs target by the whole of `make site` against plain MkDocs.
SUPERSEDED = {"Generator time at most 25%": "superseded by issue 16's whole-build target (below)"}
ISSUE_16_HEADING = "## Build and preview targets (issue 16)"
ISSUE_16_TARGETS = ("`make site` at most 2× a plain MkDocs", "Preview: one save shown in the browser within about 3 s")
LONG_LINE_ROWS = ("Generator, cold", "× the five-document build", "Added seconds per MB")
# Issue 11: a 1 MB document on one line costs "no more than a few times a normal build".
LONG_LINE_MAX_RATIO = 3.0
GAZETTEER_HEADING = "## The gazetteer"
GAZETTEER_ROWS = ("Generator, cold, gazetteer off", "Generator, cold, gazetteer on", "Gazetteer's share",
                  "Places found only by the gazetteer", "Compiling the index")  # fmt: skip
GAZETTEER_RE = re.compile(r"^\*\*The gazetteer's share of a ([\d,]+)-document cold build: (-?[\d.]+)% ", re.M)
GAZETTEER_MAX_SHARE = 10.0  # issue 14: at most 10% of a 1,000-document cold build
LIGHTHOUSE_HEADING = "## Page weight and Lighthouse"
LIGHTHOUSE_PAGES = ("Home", "Documents index", "A document", "Map")
LIGHTHOUSE_TARGETS = (
    "Lighthouse performance at least 95 on mobile",
    "A document page downloads at most 400 KiB",
    "A reader's first search downloads at most 300 KB",
)
FIGURE_RE = re.compile(r"^\*\*([\d.]+) MB one-line document: ([\d.]+)× a normal build\.\*\*$", re.M)


def targets_table(markdown: str, heading: str = "## Targets") -> dict[str, str]:
    """target -> 'yes' / '**no**' (or what superseded it), from the report's targets table under `heading`."""
    return judged_rows(markdown.split(heading, 1)[1].split("\n## ", 1)[0])


def judged_rows(section: str) -> dict[str, str]:
    """target -> verdict, from each row of three cells of a section's tables (headers left out)."""
    return {
        cells[0]: cells[2]
        for line in section.splitlines()
        if (cells := [c.strip() for c in line.strip("|").split("|")])
        and len(cells) == 3
        and cells[0] not in ("target", "---")
    }


def run_bench(tmp_path: Path, output: Path, options: list[str], timeout: int) -> None:
    """bench/run.py with `options`, its projects in tmp_path/work, its report in `output`."""
    command = [sys.executable, "bench/run.py", *options, "--workdir", str(tmp_path / "work"), "--output", str(output)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, timeout=timeout)


def test_bench_script_builds_synthetic_corpora_and_reports_every_figure(tmp_path):
    output = tmp_path / "BENCHMARKS.md"
    options = ["--sizes", "20", "40", "--runs", "1", "--long-line-mb", "0.02", "--gazetteer-documents", "20"]
    run_bench(tmp_path, output, options, timeout=1200)
    report = output.read_text(encoding="utf-8")
    assert "| | 20 documents | 40 documents |" in report
    for row in ROWS:
        assert re.search(rf"^\| {re.escape(row)}[^|]* \| [^|]*\d[^|]* \| [^|]*\d[^|]* \|$", report, re.M), row
    judged = targets_table(report)
    assert len(judged) == len(TARGETS) and all(t.startswith(TARGETS) for t in judged)
    assert set(judged.values()) <= {"yes", "**no**", *SUPERSEDED.values()}
    judged = targets_table(report, ISSUE_16_HEADING)
    assert len(judged) == len(ISSUE_16_TARGETS) and all(t.startswith(ISSUE_16_TARGETS) for t in judged)
    assert set(judged.values()) <= {"yes", "**no**"}
    assert_long_line_section(long_line_section(report), ["0.02"])
    assert_gazetteer_section(section_of(report, GAZETTEER_HEADING), "20")
    assert_lighthouse_section(section_of(report, LIGHTHOUSE_HEADING), ["20", "40"])
    assert not list((tmp_path / "work").iterdir())  # its projects are removed after measuring


def long_line_section(markdown: str) -> str:
    return section_of(markdown, "## One long line")


def section_of(markdown: str, heading: str) -> str:
    return heading + markdown.split(heading, 1)[1].split("\n## ", 1)[0]


def assert_gazetteer_section(section: str, documents: str) -> None:
    figure = GAZETTEER_RE.search(section)
    assert figure and figure.group(1) == documents, section
    for row in GAZETTEER_ROWS:
        assert re.search(rf"^\| {re.escape(row)}[^|]* \| [^|]*\d[^|]* \|$", section, re.M), row


def assert_long_line_section(section: str, sizes: list[str]) -> None:
    """The headline figure and, for the five documents and each size, every row of the table."""
    figure = FIGURE_RE.search(section)
    assert figure and figure.group(1) in sizes and float(figure.group(2)) > 0
    assert "| | five documents | " + " | ".join(f"+ {mb} MB on one line" for mb in sizes) + " |" in section
    for row in LONG_LINE_ROWS:
        # the five documents' cell, then a figure for each size
        assert re.search(
            rf"^\| {re.escape(row)} \| [^|]+ \|" + r" [^|]*\d[^|]* \|" * len(sizes) + "$", section, re.M
        ), row


def test_long_line_part_runs_alone_and_replaces_only_its_section(tmp_path):
    output = tmp_path / "BENCHMARKS.md"
    committed = (REPO / "BENCHMARKS.md").read_text(encoding="utf-8")
    output.write_text(committed, encoding="utf-8")
    run_bench(tmp_path, output, ["--only", "long-line", "--long-line-mb", "0.01", "0.02", "--runs", "1"], timeout=300)
    report = output.read_text(encoding="utf-8")
    assert_long_line_section(long_line_section(report), ["0.01", "0.02"])
    assert report.replace(long_line_section(report), "") == committed.replace(long_line_section(committed), "")
    assert not list((tmp_path / "work").iterdir())


def test_committed_benchmarks_meet_every_target_at_1000_and_5000_documents():
    report = (REPO / "BENCHMARKS.md").read_text(encoding="utf-8")
    assert "| | 1,000 documents | 5,000 documents |" in report
    judged = targets_table(report)
    assert len(judged) == len(TARGETS) and all(t.startswith(TARGETS) for t in judged)
    for target, verdict in judged.items():  # met, or replaced by a later issue's target, which says so
        assert verdict == next((v for t, v in SUPERSEDED.items() if target.startswith(t)), "yes"), target


def issue_16_verdicts() -> dict[str, str]:
    judged = targets_table((REPO / "BENCHMARKS.md").read_text(encoding="utf-8"), ISSUE_16_HEADING)
    assert len(judged) == len(ISSUE_16_TARGETS) and all(t.startswith(ISSUE_16_TARGETS) for t in judged)
    return judged


@pytest.mark.xfail(
    strict=True,
    reason="issue 16: a cold `make site` is about 5× a plain MkDocs build at 1,000 documents (about 2× with "
    "nothing changed; the generator's analysis alone is over 3× the plain build on two cores); remove this mark "
    "once `make bench` shows it met",
)
def test_committed_benchmarks_meet_issue_16s_cold_build_target():
    verdicts = issue_16_verdicts()
    assert [v for t, v in verdicts.items() if t.startswith(ISSUE_16_TARGETS[0])] == ["yes"], verdicts


def test_committed_benchmarks_meet_issue_16s_preview_target():
    verdicts = issue_16_verdicts()
    assert [v for t, v in verdicts.items() if t.startswith(ISSUE_16_TARGETS[1])] == ["yes"], verdicts


def test_committed_benchmarks_measure_a_1_mb_one_line_document_at_a_few_times_a_normal_build():
    section = long_line_section((REPO / "BENCHMARKS.md").read_text(encoding="utf-8"))
    assert_long_line_section(section, ["0.5", "1", "1.95"])
    figure = FIGURE_RE.search(section)
    assert figure.group(1) == "1" and float(figure.group(2)) <= LONG_LINE_MAX_RATIO


def test_gazetteer_part_runs_alone_and_replaces_only_its_section(tmp_path):
    output = tmp_path / "BENCHMARKS.md"
    committed = (REPO / "BENCHMARKS.md").read_text(encoding="utf-8")
    output.write_text(committed, encoding="utf-8")
    run_bench(tmp_path, output, ["--only", "gazetteer", "--gazetteer-documents", "20", "--runs", "1"], timeout=300)
    report = output.read_text(encoding="utf-8")
    assert_gazetteer_section(section_of(report, GAZETTEER_HEADING), "20")
    unchanged = report.replace(section_of(report, GAZETTEER_HEADING), "")
    assert unchanged == committed.replace(section_of(committed, GAZETTEER_HEADING), "")
    assert not list((tmp_path / "work").iterdir())


def test_committed_benchmarks_put_the_gazetteers_cost_within_10_percent_of_a_1000_document_cold_build():
    section = section_of((REPO / "BENCHMARKS.md").read_text(encoding="utf-8"), GAZETTEER_HEADING)
    assert_gazetteer_section(section, "1,000")
    share = float(GAZETTEER_RE.search(section).group(2))
    assert share <= GAZETTEER_MAX_SHARE
    found = re.search(r"^\| Places found only by the gazetteer \| (\d+) \|$", section, re.M)
    assert found and int(found.group(1)) > 0  # the corpus measured names places beyond the knowledge base


def assert_lighthouse_section(section: str, sizes: list[str]) -> None:
    """A score and the bytes downloaded for each page at each size, and every target judged."""
    assert "| | " + " | ".join(f"{size} documents" for size in sizes) + " |" in section, section
    for page in LIGHTHOUSE_PAGES:
        score = rf"^\| {re.escape(page)}: Lighthouse performance \(mobile\)" + r" \| \d+(\.\d+)?" * len(sizes) + r" \|$"
        assert re.search(score, section, re.M), page
        weight = rf"^\| {re.escape(page)}: downloaded, decoded / gzip" + r" \| [\d,]+ KiB / [\d,]+ KiB" * len(sizes)
        assert re.search(weight + r" \|$", section, re.M), page
        assert f"- **{page}** (`/" in section  # what it loads and Lighthouse's opportunities
    judged = lighthouse_targets(section)
    assert len(judged) == len(sizes) + 2 and all(t.startswith(LIGHTHOUSE_TARGETS) for t in judged)
    assert set(judged.values()) <= {"yes", "**no**"}


def lighthouse_targets(section: str) -> dict[str, str]:
    """target -> 'yes' / '**no**', from the section's targets table."""
    return {
        target: verdict for target, verdict in judged_rows(section).items() if target.startswith(LIGHTHOUSE_TARGETS)
    }


def test_lighthouse_part_runs_alone_and_replaces_only_its_section(tmp_path):
    output = tmp_path / "BENCHMARKS.md"
    committed = (REPO / "BENCHMARKS.md").read_text(encoding="utf-8")
    output.write_text(committed, encoding="utf-8")
    run_bench(tmp_path, output, ["--only", "lighthouse", "--sizes", "3", "--runs", "1"], timeout=600)
    report = output.read_text(encoding="utf-8")
    assert_lighthouse_section(section_of(report, LIGHTHOUSE_HEADING), ["3"])
    unchanged = report.replace(section_of(report, LIGHTHOUSE_HEADING), "")
    assert unchanged == committed.replace(section_of(committed, LIGHTHOUSE_HEADING), "")
    assert not list((tmp_path / "work").iterdir())


def test_page_weight_server_compresses_text_as_github_pages_does(tmp_path):
    sys.path.insert(0, str(REPO))
    from bench.page_weight import served

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "مرحبا " * 1000 + "</p>", encoding="utf-8")
    with served(tmp_path) as base:
        request = urllib.request.Request(base + "page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == (tmp_path / "page" / "index.html").read_bytes()


def test_committed_benchmarks_record_page_weights_and_lighthouse_at_1000_and_5000_documents():
    section = section_of((REPO / "BENCHMARKS.md").read_text(encoding="utf-8"), LIGHTHOUSE_HEADING)
    assert_lighthouse_section(section, ["1,000", "5,000"])


def test_committed_benchmarks_meet_issue_16s_page_weight_and_lighthouse_targets():
    section = section_of((REPO / "BENCHMARKS.md").read_text(encoding="utf-8"), LIGHTHOUSE_HEADING)
    assert set(lighthouse_targets(section).values()) == {"yes"}
