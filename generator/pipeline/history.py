"""When each file of site_src/ last changed, from git: one `git log` for the whole build."""
from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(root: Path) -> dict[str, str]:
    """Path relative to `root` (posix) -> date (YYYY-MM-DD) of the last commit changing it.
    Empty outside a git checkout or when git is missing: pages then show no such date."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", "log", "--format=%x00%cs", "--name-only", "--relative", "--", "site_src"],
            cwd=root, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            current = line[1:]
        elif line and current:
            dates.setdefault(line, current)          # newest commit first: keep the first date seen
    return dates


def first_added(root: Path, folder: str) -> dict[str, str]:
    """File name -> time (YYYY-MM-DD HH:MM:SS) of the commit that first added it, for the files
    of `folder` (relative to `root`). Empty outside git; files never committed are absent."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", "log", "--diff-filter=A", "--format=%x00%ci", "--name-only",
             "--relative", "--", folder], cwd=root, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    added: dict[str, str] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            current = line[1:]
        elif line and current:
            added[Path(line).name] = current          # oldest commit last: it wins
    return added
