"""The same site_src/ gives byte-identical docs/ and site/."""

from __future__ import annotations

from conftest import make_project, tree_digest


def test_two_builds_in_different_folders_are_byte_identical(built_site, tmp_path):
    """The session's shared build is one of the two; the other is built here, in another folder."""
    first, second = built_site, make_project(tmp_path / "b")
    assert second.build() == 0
    for generated in ("docs", "site"):
        one, two = tree_digest(first.root / generated), tree_digest(second.root / generated)
        assert one == two, {k for k in one.keys() | two.keys() if one.get(k) != two.get(k)}


def test_rebuilding_in_place_changes_nothing(project):
    assert project.build() == 0
    before = tree_digest(project.root / "docs"), tree_digest(project.root / "site")
    report = project.generate()
    assert report.written == 0 and report.deleted == 0
    assert project.build() == 0
    assert (tree_digest(project.root / "docs"), tree_digest(project.root / "site")) == before
