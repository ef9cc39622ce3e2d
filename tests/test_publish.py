"""Publish (site/publish.py): docs/ holds exactly the planned files, written by several threads at once
(issue 16: creating a file waits on the disk, so writing them one by one left the CPU idle)."""

from __future__ import annotations

import pytest

from generator.site.publish import write_outputs


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_every_file_is_written_once_in_new_folders_and_only_changes_are_rewritten(tmp_path):
    batches = [{f"documents/d{i:04d}/index.md": f"page {i}".encode() for i in range(b, b + 100)} for b in (0, 100, 200)]
    planned = {path: content for batch in batches for path, content in batch.items()}
    assert write_outputs(tmp_path / "docs", batches) == (300, 0)
    assert tree(tmp_path / "docs") == planned
    planned["documents/d0007/index.md"] = b"changed"
    del planned["documents/d0299/index.md"]
    assert write_outputs(tmp_path / "docs", [planned]) == (1, 1)
    assert tree(tmp_path / "docs") == planned


def test_a_failed_write_fails_the_build(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "blocked").write_text("a file where a folder should be")
    with pytest.raises(OSError):
        write_outputs(tmp_path / "docs", [{"blocked/index.md": b"x", "fine.md": b"y"}])
