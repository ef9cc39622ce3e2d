"""Publish (site/publish.py): docs/ holds exactly the planned files, written by several threads at once
(issue 16: creating a file waits on the disk, so writing them one by one left the CPU idle)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.publish import BackgroundWrites, write_outputs


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


def test_background_writes_keep_each_paths_order_and_report_the_first_failure(tmp_path):
    """MkDocs' own writes and copies go through BackgroundWrites during a build (mkdocs_hooks.py): a later
    write of a path wins, as when MkDocs writes a theme file over a static one; a copy onto itself is
    nothing to do, as in MkDocs; a failed write surfaces when the build finishes."""
    writes = BackgroundWrites()
    target = str(tmp_path / "site" / "a" / "index.html")
    for n in range(50):
        writes.write(f"version {n}".encode(), target)
    source = tmp_path / "source.txt"
    source.write_text("source")
    writes.copy(str(source), str(tmp_path / "site"))  # into a folder: keeps its name
    writes.copy(str(source), str(source))
    writes.finish()
    assert (tmp_path / "site" / "a" / "index.html").read_text() == "version 49"
    assert (tmp_path / "site" / "source.txt").read_text() == "source"
    (tmp_path / "site" / "blocked").write_text("a file where a folder should be")
    writes.write(b"x", str(tmp_path / "site" / "blocked" / "index.html"))
    with pytest.raises(OSError):
        writes.finish()


def test_mkdocs_build_hands_its_writes_to_threads_and_then_writes_its_own_way_again(project, tmp_path, monkeypatch):
    """From on_env to the end of the build, MkDocs' writes and copies go to BackgroundWrites (the hooks);
    after the build, and after a failed one, MkDocs' own functions are back."""
    import mkdocs.utils
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    handed: list[str] = []
    real_write, real_copy = BackgroundWrites.write, BackgroundWrites.copy
    monkeypatch.setattr(
        BackgroundWrites, "write", lambda self, c, path: handed.append(path) or real_write(self, c, path)
    )
    monkeypatch.setattr(BackgroundWrites, "copy", lambda self, s, path: handed.append(path) or real_copy(self, s, path))
    own = mkdocs.utils.write_file, mkdocs.utils.copy_file
    project.generate()
    build(load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    assert (mkdocs.utils.write_file, mkdocs.utils.copy_file) == own
    written = {p.as_posix() for p in (tmp_path / "site").rglob("*") if p.is_file() and p.name != "sitemap.xml.gz"}
    assert written == {Path(p).as_posix() for p in handed}  # every file of the site but the sitemap's gzip copy
    (project.root / "docs" / "broken.md").write_text("[gone](nowhere.md)\n")
    with pytest.raises(Abort):
        build(load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "failed"), strict=True))
    assert (mkdocs.utils.write_file, mkdocs.utils.copy_file) == own


def test_a_path_made_twice_keeps_the_later_content_as_written_one_after_another(tmp_path):
    """An editor's page at a generated page's address (site_src/pages/timeline.md): the generated page,
    made later, wins, as before the writes went to threads; the build does not fail on it."""
    batches = [{"timeline.md": b"the editor's"}, {"other.md": b"x"}, {"timeline.md": b"generated"}]
    write_outputs(tmp_path / "docs", batches)
    assert tree(tmp_path / "docs") == {"timeline.md": b"generated", "other.md": b"x"}
