"""Problems are Diagnostics (file, line, severity, message): the build report prints them, keeps
them for an unchanged build, `microsite check` and the live preview read them, and none of them
takes a problem apart from a printed line again."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from generator.check import run_check
from generator.mkdocs_hooks import log_diagnostics
from generator.model.document import Diagnostic, Skipped
from generator.model.report import Report
from generator.model.settings import load_settings
from generator.text.inputs import InputError

DOC = "000_99d85874a1d33ffe"


def a_report() -> Report:
    report = Report(published=3, skipped=[Skipped(Path("site_src/documents/empty.txt"), "no article text")])
    report.diagnostics += [
        Diagnostic(Path("site_src/translations/x.en.md"), 12, "warning", "block p2 is empty"),
        Diagnostic(Path("site_src/knowledge/bad.md"), None, "error", "field 'type' must be one of person"),
        Diagnostic(Path("site_src/commentary/x.md"), 6, "fatal", "link to unknown document 'nope'"),
        Diagnostic(None, None, "warning", "a problem of no one file"),
    ]
    return report


def test_a_diagnostic_is_printed_as_file_line_message():
    assert str(Diagnostic(Path("a/b.md"), 3, "error", "bad")) == "a/b.md:3: bad"
    assert str(Diagnostic(Path("a/b.md"), None, "error", "bad")) == "a/b.md: bad"
    assert str(Diagnostic(None, None, "warning", "bad")) == "bad"
    error = InputError(Path("a/b.md"), "front matter is not valid YAML", 2)
    assert Diagnostic.from_error(error, "fatal", "; left out") == Diagnostic(
        Path("a/b.md"), 2, "fatal", "front matter is not valid YAML; left out"
    )
    assert str(Diagnostic.from_error(error, "fatal")) == str(error)  # as the error always read


def test_the_summary_lists_every_problem_on_its_own_line_worst_first():
    lines = a_report().summary().splitlines()
    assert lines[0].startswith("microsite: 3 documents published, 1 file skipped, 2 errors, 2 warnings;")
    assert lines[1:] == [
        "  FATAL    site_src/commentary/x.md:6: link to unknown document 'nope'",
        "  error    site_src/knowledge/bad.md: field 'type' must be one of person",
        "  skipped  site_src/documents/empty.txt: no article text",
        "  warning  site_src/translations/x.en.md:12: block p2 is empty",
        "  warning  a problem of no one file",
    ]


def test_the_severities_are_kept_apart():
    report = a_report()
    assert [d.message for d in report.of("fatal")] == ["link to unknown document 'nope'"]
    assert report.fatal == ["site_src/commentary/x.md:6: link to unknown document 'nope'"]
    assert report.errors == ["site_src/knowledge/bad.md: field 'type' must be one of person"]
    assert len(report.warnings) == 2 and [d.severity for d in report.listed()] == [
        "fatal",
        "error",
        "skipped",
        "warning",
        "warning",
    ]


def test_an_unchanged_build_repeats_the_report_as_it_was():
    report = a_report()
    again = Report.repeated(json.loads(json.dumps(report.summary_data())))  # as the manifest keeps it
    assert again.unchanged and again.published == report.published
    assert again.diagnostics == report.diagnostics and again.skipped == report.skipped
    repeated = "microsite: nothing changed since the last build; "
    assert again.summary() == report.summary().replace("microsite: ", repeated, 1)


def test_the_build_report_holds_each_problem_with_its_file_and_line(project):
    commentary = project.root / "site_src" / "commentary" / f"{DOC}.md"
    commentary.parent.mkdir()
    commentary.write_text("---\nauthor: A\ndate: 2024-01-01\n---\nText.\nSee [[doc:nope]].\n", encoding="utf-8")
    (project.root / "site_src" / "knowledge" / "bad-entry.md").write_text("Just a note.\n", encoding="utf-8")
    report = project.generate()
    assert report.of("fatal") == [Diagnostic(commentary, 6, "fatal", "link to unknown document 'nope' in [[doc:nope]]")]
    [error] = report.of("error")
    assert (error.file.name, error.line, error.message) == (
        "bad-entry.md",
        None,
        "no YAML front matter (the entity's data goes between --- lines)",
    )


def test_check_reads_where_a_problem_is_from_the_diagnostic(project, capsys):
    translation = project.root / "site_src" / "translations" / f"{DOC}.en.md"
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text + "<!-- p2 XYZ -->\n", encoding="utf-8")
    line = text.count("\n") + 1
    (project.root / "site_src" / "knowledge" / "bad-entry.md").write_text("Just a note.\n", encoding="utf-8")
    _, findings = run_check(load_settings(project.root))
    invalid = {(f.where, f.message) for f in findings if f.kind == "invalid"}
    assert (
        f"site_src/translations/{DOC}.en.md:{line}",
        "'<!-- p2 XYZ -->' is not a paragraph marker (expected `<!-- p2 1a2b3c4d -->`); the line is ignored",
    ) in invalid
    assert (
        "site_src/knowledge/bad-entry.md",
        "no YAML front matter (the entity's data goes between --- lines)",
    ) in invalid


def test_the_preview_logs_every_problem_and_fails_only_on_fatal_ones(caplog):
    report = a_report()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.microsite"):
        log_diagnostics(report)
    records = [(r.levelno, r.getMessage()) for r in caplog.records]
    # mkdocs.yml is strict: a warning in the log would stop the preview, so only fatal problems are errors
    assert records[0] == (
        logging.ERROR,
        "site_src/commentary/x.md:6: link to unknown document 'nope' (docs/ left as it was)",
    )
    assert records[1:] == [(logging.INFO, f"{d.severity}: {d}") for d in report.listed()[1:]]
    caplog.clear()
    report.unchanged = True  # repeated: logged already when it was new
    report.diagnostics = [d for d in report.diagnostics if d.severity != "fatal"]
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.microsite"):
        log_diagnostics(report)
    assert caplog.records == []
