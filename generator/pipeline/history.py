"""When each file of site_src/ changed, from git: one `git log` per question for the whole build."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

from generator.model.settings import SOURCE_FOLDER

GIT_TIMEOUT_SECONDS = 120  # a long history on a slow disk; a build without dates is better than none


def last_changed(root: Path) -> dict[str, str]:
    """Path relative to `root` (posix) -> date (YYYY-MM-DD) of the last commit changing it.
    Empty outside a git checkout or when git is missing: pages then show no such date."""
    dates: dict[str, str] = {}
    for date, path in _commits_and_files(root, "%cs", SOURCE_FOLDER):
        dates.setdefault(path, date)  # newest commit first: keep the first date seen
    return dates


def first_added(root: Path, folder: str) -> dict[str, str]:
    """File name -> time (YYYY-MM-DD HH:MM:SS) of the commit that first added it, for the files
    of `folder` (relative to `root`). Empty outside git; files never committed are absent."""
    added: dict[str, str] = {}
    for time, path in _commits_and_files(root, "%ci", folder, "--diff-filter=A"):
        added[Path(path).name] = time  # oldest commit last: it wins
    return added


def _commits_and_files(root: Path, stamp: str, folder: str, *options: str) -> Iterator[tuple[str, str]]:
    """(commit stamp, file path) for every file each commit touched below `folder`, newest first."""
    command = ["git", "-c", "core.quotepath=off", "log", *options, f"--format=%x00{stamp}", "--name-only",
               "--relative", "--", folder]  # fmt: skip
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=GIT_TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return
    if result.returncode != 0:
        return
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            current = line[1:]
        elif line and current:
            yield current, line
