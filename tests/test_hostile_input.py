"""Hostile and careless input (issue 11): nothing outside site_src/ is published, no input file
ends a build with a traceback, nothing is silently lost, nothing spoofs a reader."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import corpus_text, dump_front_matter

from generator.text.inputs import InputError, decode_mostly_utf8, read_input

ARTICLE = corpus_text("000_99d85874a1d33ffe.txt").splitlines()[:6]
ARABIC = "\n".join(ARTICLE) + "\n"
SECRET = "TOP-SECRET-0451-outside-the-repository"


def _site_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((root / "site").rglob("*")) if p.is_file())


def _docs_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file())


def _one_line(report_text: str, name: str) -> str:
    lines = [line for line in report_text.splitlines() if name in line]
    assert len(lines) == 1, report_text
    return lines[0]


# 1. Files outside the repository ----------------------------------------------------------


@pytest.fixture
def outside_file(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "passwords.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\n" + ARABIC, encoding="utf-8")
    return secret


def test_links_out_of_site_src_are_refused_everywhere_and_the_rest_builds(empty_project, outside_file):
    root = empty_project.root
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"[remote]\n  token = {SECRET}\n", encoding="utf-8")
    documents = empty_project.documents
    empty_project.add("good.txt", ARABIC)
    (documents / "absolute.txt").symlink_to(outside_file)
    (documents / "relative.txt").symlink_to(Path("../../.git/config"))
    (documents / "proc.txt").symlink_to("/proc/self/environ")
    (documents / "dangling.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(documents / "pipe.txt")  # reading it would block the build forever
    empty_project.add("side.txt", ARABIC)
    (documents / "side.yml").symlink_to(outside_file)  # a sidecar that is a link out
    for folder, name in (
        ("commentary", "good.md"),
        ("translations", "good.en.md"),
        ("knowledge", "leak.md"),
        ("pages", "leak.md"),
    ):
        (root / "site_src" / folder).mkdir(exist_ok=True)
        (root / "site_src" / folder / name).symlink_to(outside_file)
    assert empty_project.build() == 0
    assert SECRET.encode() not in _site_bytes(root) and SECRET.encode() not in _docs_bytes(root)
    assert b"root:x:0:0" not in _site_bytes(root)
    report = empty_project.generate()
    skipped = {s.path.name: s.reason for s in report.skipped}
    for name in ("absolute.txt", "relative.txt", "proc.txt", "pipe.txt", "dangling.txt"):
        assert name in skipped, report.summary()
        assert "\n" not in skipped[name]
    assert "outside site_src" in skipped["absolute.txt"] and "outside site_src" in skipped["relative.txt"]
    assert "not a regular file" in skipped["pipe.txt"]
    text = report.summary()
    for name in ("commentary/good.md", "knowledge/leak.md", "pages/leak.md", "translations/good.en.md", "side.yml"):
        assert "outside site_src" in _one_line(text, name)
    assert report.published == 1  # good.txt; side.txt's sidecar is a link out, so it is refused whole


def test_a_link_inside_site_src_is_read(empty_project):
    empty_project.add("good.txt", ARABIC)
    (empty_project.documents / "alias.txt").symlink_to("good.txt")
    report = empty_project.generate()
    assert sorted(d.doc_id for d in report.documents) == ["alias", "good"]


def test_read_input_never_reads_past_the_limit(tmp_path):
    source = tmp_path / "site_src"
    source.mkdir()
    big = source / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(InputError, match="too large"):
        read_input(big, source, 100)
    assert read_input(big, source, 101) == b"x" * 101


# 3. No traceback, one line naming the file ---------------------------------------------------

IMPOSSIBLE_DATES = ["2020-02-30", "2021-13-01"]


@pytest.mark.parametrize("date", IMPOSSIBLE_DATES)
def test_impossible_dates_in_any_front_matter_give_one_line_naming_the_file(project, date):
    root = project.root
    project.add("dated.txt", f"---\ndate: {date}\n---\n" + ARABIC)
    project.add("sidecar.txt", ARABIC)
    (project.documents / "sidecar.yml").write_text(f"date: {date}\n", encoding="utf-8")
    knowledge = root / "site_src" / "knowledge" / "bad-date.md"
    knowledge.write_text(
        dump_front_matter({"id": "bad-date", "type": "person", "name": "Bad Date"}).replace(
            "---\n", f"---\ndate: {date}\n", 1
        )
        + "Note.\n",
        encoding="utf-8",
    )
    translation = root / "site_src" / "translations" / "001_68d0712cb814f501.en.md"
    translation.write_text(
        translation.read_text(encoding="utf-8").replace("---\n", f"---\nreviewed: {date}\n", 1), encoding="utf-8"
    )
    report = project.generate()  # no exception
    text = report.summary()
    assert "dated.txt" in _one_line(text, "dated.txt") and "not valid YAML" in _one_line(text, "dated.txt")
    assert "not valid YAML" in _one_line(text, "sidecar.txt")
    assert "not valid YAML" in _one_line(text, "bad-date.md")
    assert "not valid YAML" in _one_line(text, "001_68d0712cb814f501.en.md")
    assert report.published == 5  # the seeds still build

    (root / "site_src" / "commentary").mkdir()
    (root / "site_src" / "commentary" / "000_99d85874a1d33ffe.md").write_text(
        f"---\nauthor: A\ndate: {date}\n---\nText.\n", encoding="utf-8"
    )
    report = project.generate()
    assert any("000_99d85874a1d33ffe.md:" in line and "not valid YAML" in line for line in report.fatal), report.fatal


def test_a_translation_with_a_latin1_byte_is_an_error_naming_the_file(project):
    translation = project.root / "site_src" / "translations" / "003_e8a0a6e2dc4f0eda.en.md"
    translation.write_bytes(translation.read_bytes().replace(b"Turkish", b"Turkish caf\xe9", 1))
    report = project.generate()
    line = _one_line(report.summary(), "003_e8a0a6e2dc4f0eda.en.md")
    assert "not UTF-8" in line and "byte" in line
    assert report.published == 5


def test_a_very_long_file_name_is_skipped_with_a_reason(empty_project):
    long_name = "a" * 246 + ".txt"
    empty_project.add(long_name, ARABIC)
    empty_project.add("good.txt", ARABIC)
    report = empty_project.generate()
    assert [s.reason for s in report.skipped if s.path.name == long_name] == [
        "file name is 250 bytes long; use at most 200"
    ]
    assert [d.doc_id for d in report.documents] == ["good"]
    assert empty_project.build() == 0


# 4. Nothing silently lost ---------------------------------------------------------------------


def test_two_files_with_one_id_are_both_reported_and_neither_published(empty_project):
    empty_project.add("twin.txt", ARABIC)
    empty_project.add("twin.md", ARABIC.replace(ARTICLE[1], ARTICLE[2]))
    empty_project.add("Other.txt", ARABIC)
    empty_project.add("other.txt", ARABIC)
    empty_project.add("good.txt", ARABIC)
    report = empty_project.generate()
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert "twin.txt" in reasons["twin.md"] and "twin.md" in reasons["twin.txt"]
    assert "other.txt" in reasons["Other.txt"] and "Other.txt" in reasons["other.txt"]
    assert [d.doc_id for d in report.documents] == ["good"]
    ids = [record["id"] for record in empty_project.corpus()["documents"]]
    assert ids == ["good"]


def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.parametrize("commit_newcomer", [False, True])
def test_a_newer_entry_reusing_a_name_is_blamed_and_the_established_one_keeps_its_documents(project, commit_newcomer):
    root = project.root
    _git(root, "init", "-q")
    _git(root, "add", "site_src")
    _git(root, "commit", "-qm", "seed", date="2026-01-01T00:00:00")
    # "aaa-…" sorts before "hulusi-akar": the file name alone would make it win.
    impostor = root / "site_src" / "knowledge" / "aaa-impostor.md"
    impostor.write_text(
        dump_front_matter({"id": "aaa-impostor", "type": "person", "name": "Impostor", "names": {"ar": ["خلوصي أكار"]}})
        + "Note.\n",
        encoding="utf-8",
    )
    if commit_newcomer:
        _git(root, "add", "site_src")
        _git(root, "commit", "-qm", "newcomer", date="2026-02-01T00:00:00")
    report = project.generate()
    line = _one_line("\n".join(report.errors), "خلوصي أكار")
    assert line.startswith(str(impostor)) and "hulusi-akar" in line and "left out" in line
    entities = project.corpus()
    named = {d["id"] for d in entities["documents"] for e in d.get("entities", []) if e["id"] == "hulusi-akar"}
    assert {"000_99d85874a1d33ffe", "001_68d0712cb814f501", "002_de244ad36c17fbc9"} <= named
    assert not any(e["id"] == "aaa-impostor" for d in entities["documents"] for e in d.get("entities", []))


def test_a_few_bad_bytes_are_replaced_and_reported_with_their_offsets(empty_project):
    data = ARABIC.encode("utf-8")
    first, second = data.index(b"\n"), data.index(b"\n", data.index(b"\n") + 1)  # between characters
    damaged = data[:first] + b"\xff" + data[first:second] + b"\xc3\x28" + data[second:]
    empty_project.add("damaged.txt", damaged)
    report = empty_project.generate()
    assert not report.skipped
    warning = _one_line("\n".join(report.warnings), "damaged.txt")
    assert f"2 byte sequences not in UTF-8 replaced by U+FFFD (at byte offsets {first}, {second + 1})" in warning
    text = "\n".join(empty_project.record("damaged")["text"]["original"])
    assert "\ufffd" in text


def test_legacy_encodings_are_not_mistaken_for_damaged_utf8():
    arabic = ARABIC.encode("cp1256")
    assert decode_mostly_utf8(arabic) is None
    assert decode_mostly_utf8(b"plain ascii") == ("plain ascii", [])


# 7. Spoofing and junk -------------------------------------------------------------------------


def test_bidi_controls_and_invisible_titles_never_reach_a_page(empty_project):
    empty_project.add("spoof.txt", '---\ntitle: "\u202eevil\u202c title"\noutlet: "\u2067Outlet\u2069"\n---\n' + ARABIC)
    empty_project.add("blank.txt", '---\ntitle: "\u200b\u200b"\n---\n' + ARABIC)
    report = empty_project.generate()
    assert empty_project.build() == 0
    assert empty_project.record("spoof")["title"]["original"] == "evil title"
    assert empty_project.record("spoof")["outlet"] == "Outlet"
    assert "empty" in _one_line("\n".join(report.warnings), "blank.txt")
    assert empty_project.record("blank")["title"]["original"].strip("\u200b")  # taken from the text instead
    for page in (empty_project.root / "site").rglob("*"):
        if page.suffix in (".html", ".xml", ".json", ".csv"):
            content = page.read_text(encoding="utf-8")
            assert not any(ch in content for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), page


@pytest.mark.parametrize("language", ["../../etc", "xx", "arabic"])
def test_unknown_language_codes_are_refused(empty_project, language):
    empty_project.add("lang.txt", f'---\nlanguage: "{language}"\n---\n' + ARABIC)
    report = empty_project.generate()
    assert "ISO 639-1" in _one_line("\n".join(report.warnings), "lang.txt")
    record = empty_project.record("lang")
    assert (record["language"], record["direction"]) == ("ar", "rtl")


@pytest.mark.parametrize("date", ["0001-01-01", "1899-12-31", "2999-01-01"])
def test_implausible_dates_are_warned_and_not_used(project, date):
    # 000's text has no date of its own; an editor's absurd date must not date it or its event.
    path = project.documents / "000_99d85874a1d33ffe.txt"
    path.write_text(f"---\ndate: {date}\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    report = project.generate()
    assert "after tomorrow" in _one_line("\n".join(report.warnings), "000_99d85874a1d33ffe.txt")
    dates = {r["id"]: r["date"] for r in project.corpus()["documents"]}
    assert date not in dates.values()


@pytest.mark.parametrize("name, problem", [("في", "stop word"), ("x", "fewer than 2 letters"), ("the", "stop word")])
def test_knowledge_names_must_be_real_names(project, name, problem):
    path = project.root / "site_src" / "knowledge" / "junk.md"
    path.write_text(
        dump_front_matter({"id": "junk", "type": "organisation", "subtype": "other", "name": "Junk", "aliases": [name]})
        + "Note.\n",
        encoding="utf-8",
    )
    report = project.generate()
    assert problem in _one_line("\n".join(report.errors), "junk.md")
    assert not any(e["id"] == "junk" for d in project.corpus()["documents"] for e in d.get("entities", []))


def test_a_malformed_translation_marker_is_reported_and_not_merged(project):
    path = project.root / "site_src" / "translations" / "003_e8a0a6e2dc4f0eda.en.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    marker = next(i for i, line in enumerate(lines) if line.startswith("<!-- p2 "))
    lines[marker] = "<!-- p2 XYZ -->"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = project.generate()
    line = _one_line("\n".join(report.warnings), "<!-- p2 XYZ -->")
    assert f"003_e8a0a6e2dc4f0eda.en.md:{marker + 1}:" in line and "not a paragraph marker" in line
    paragraphs = project.record("003_e8a0a6e2dc4f0eda")
    english = {p["key"]: p for p in paragraphs["paragraphs"]}
    assert "XYZ" not in (english["p1"].get("english") or "")


def test_a_link_to_a_missing_page_stops_the_build_before_docs_changes(project):
    """Caught by the generator, not only by MkDocs: docs/ keeps the last good pages, which is what
    the live preview serves."""
    assert not project.generate().fatal
    before = _docs_bytes(project.root)
    about = project.root / "site_src" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the methods](methods.md).\n", encoding="utf-8")
    report = project.generate()
    line = _one_line("\n".join(report.fatal), "methods.md")
    assert f"{about}:" in line and "is not a page or file of the site" in line
    assert _docs_bytes(project.root) == before


def test_an_original_title_in_an_english_sentence_is_isolated(empty_project):
    """A link whose text is an Arabic title sits in English pages (timeline, related coverage,
    entity pages): it is isolated in <bdi> with its language and direction, so it cannot reorder
    the English around it."""
    empty_project.add("untranslated.txt", ARABIC)
    assert empty_project.build() == 0
    timeline = (empty_project.root / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    title = empty_project.record("untranslated", "site")["title"]["original"]
    assert f'<bdi lang="ar" dir="rtl">{title}</bdi></a>' in timeline


def test_a_commentary_file_name_that_is_no_document_id_is_an_error_not_a_traceback(project):
    folder = project.root / "site_src" / "commentary"
    folder.mkdir()
    (folder / "my notes.md").write_text("---\nauthor: A\ndate: 2024-01-01\n---\nText.\n", encoding="utf-8")
    report = project.generate()
    assert "<document id>.md" in _one_line("\n".join(report.fatal), "my notes.md")
