"""Issue 11.6: site/ is replaced only by a complete, successful build; a build that MkDocs
rejects, or that is killed while MkDocs runs, leaves the previous site as it was."""

from __future__ import annotations

import inspect
import os
import signal
import subprocess
import sys

from conftest import REPO, tree_digest

from generator.cli import _clear_stale_builds

# A link to a heading another page does not have: MkDocs --strict rejects it (the generator checks
# links to pages and files, and paragraph anchors of documents, but leaves headings to MkDocs).
BROKEN_LINK = "\nThe method is described in [a section not yet written](editors-guide.md#methods).\n"
FIXED = "\nA sentence written once the link was fixed.\n"

# An extra MkDocs hook for the test project only: once MkDocs has written every page, it kills
# `microsite build` (its parent) and then MkDocs itself, as a cancelled CI job or a closed
# terminal would, at the moment the old build would have left site/ half replaced.
KILL_HOOK = """
import os, signal

def on_post_build(config):
    os.kill(os.getppid(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def leftovers(project) -> list[str]:
    return sorted(p.name for p in project.root.glob("site.*"))


def page_text(project, site: str, page: str) -> str:
    return (project.root / site / page / "index.html").read_text(encoding="utf-8")


def append_to_about(project, text: str) -> None:
    about = project.root / "site_src" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + text, encoding="utf-8")


def add_kill_hook(project) -> str:
    """Adds the hook to the project's mkdocs.yml; returns the file as it was."""
    (project.root / "kill_build.py").write_text(KILL_HOOK, encoding="utf-8")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    hooks = "hooks:\n  - generator/mkdocs_hooks.py\n"
    assert hooks in text
    config.write_text(text.replace(hooks, hooks + "  - kill_build.py\n"), encoding="utf-8")
    return text


def test_a_build_mkdocs_rejects_leaves_site_as_it_was_and_a_good_one_replaces_it(project, capfd):
    assert project.build() == 0
    before = tree_digest(project.root / "site")
    capfd.readouterr()

    append_to_about(project, BROKEN_LINK)
    assert project.build() != 0
    assert tree_digest(project.root / "site") == before  # same files, same bytes
    err = capfd.readouterr().err
    assert "0 errors" in err and "FATAL" not in err  # the generator accepted it ...
    assert "editors-guide.md#methods" in (project.root / "docs" / "about.md").read_text(encoding="utf-8")
    assert "does not contain an anchor '#methods'" in err  # ... MkDocs --strict did not
    assert "microsite: MkDocs rejected the build; site/ left as it was" in err
    assert leftovers(project) == []

    about = project.root / "site_src" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace(BROKEN_LINK, FIXED), encoding="utf-8")
    assert project.build() == 0
    assert "A sentence written once the link was fixed." in page_text(project, "site", "about")
    assert tree_digest(project.root / "site") != before
    assert leftovers(project) == []


def test_a_build_killed_while_mkdocs_runs_leaves_site_as_it_was(project):
    assert project.build() == 0
    before = tree_digest(project.root / "site")
    append_to_about(project, "\nA sentence the killed build never publishes.\n")
    config = add_kill_hook(project)

    killed = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--root", str(project.root), "build"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert killed.wait(timeout=300) == -signal.SIGKILL
    assert tree_digest(project.root / "site") == before
    building = f"site.building-{killed.pid}"
    # the new site was written beside it, and (unless MkDocs was quicker) its search index beside that
    assert building in leftovers(project)
    assert set(leftovers(project)) <= {building, f"site.search-{killed.pid}"}
    assert "A sentence the killed build never publishes." in page_text(project, building, "about")

    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert project.build() == 0  # the next build clears the leftover
    assert leftovers(project) == []
    assert "A sentence the killed build never publishes." in page_text(project, "site", "about")


def finished_pid() -> int:
    """The pid of a process that has ended (a killed build's)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_build_killed_between_its_two_renames_gets_the_previous_site_back(tmp_path):
    dead = finished_pid()
    previous = tmp_path / f"site.replaced-{dead}"
    (previous / "about").mkdir(parents=True)
    (previous / "about" / "index.html").write_text("previous site", encoding="utf-8")
    (tmp_path / f"site.building-{dead}").mkdir()
    (tmp_path / f"site.search-{dead}").mkdir()  # the search index it wrote beside MkDocs' build
    _clear_stale_builds(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8") == "previous site"


def test_folders_of_a_build_still_running_are_left_alone(tmp_path):
    running = tmp_path / f"site.building-{os.getppid()}"  # pytest's parent: alive
    stale = tmp_path / f"site.replaced-{finished_pid()}"
    (tmp_path / "site").mkdir()
    running.mkdir()
    stale.mkdir()
    _clear_stale_builds(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", running.name])


def test_the_preview_rebuilds_only_changed_pages_and_mkdocs_warning_about_it_does_not_stop_strict_mode():
    """Issue 16, preview at scale: `microsite serve` runs MkDocs' dirty builds (a save rebuilds the pages
    whose docs/ file the generator rewrote), whose warning strict mode would otherwise turn into a failure.
    Only that warning is let through silently."""
    import logging

    from generator import cli, mkdocs_hooks

    assert '"serve", "--dirty"' in inspect.getsource(cli._serve)
    mkdocs_hooks.on_startup("serve", dirty=True)
    build_log = logging.getLogger("mkdocs.commands.build")
    try:
        counted: list[str] = []
        handler = logging.Handler(logging.WARNING)
        handler.emit = lambda record: counted.append(record.getMessage())  # type: ignore[method-assign]
        build_log.addHandler(handler)
        build_log.warning("A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
        build_log.warning("Doc file 'about.md' contains a link to 'missing.md', which is not found")
        assert counted == ["Doc file 'about.md' contains a link to 'missing.md', which is not found"]
    finally:
        build_log.removeHandler(handler)
        build_log.removeFilter(mkdocs_hooks._dirty_build_is_expected)
        mkdocs_hooks._serving = False
