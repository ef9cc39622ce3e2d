"""Bad input: each file is skipped with a one-line reason naming it, or published safely as
text; the rest of the site always builds (MkDocs --strict)."""

from __future__ import annotations

import html

import pytest
from conftest import corpus_text

from generator.text.normalise import ascii_digits

ARTICLE = corpus_text("000_99d85874a1d33ffe.txt").splitlines()[:6]
ARABIC = "\n".join(ARTICLE) + "\n"


def _skipped(report, name: str) -> str:
    matches = [s for s in report.skipped if s.path.name == name]
    assert len(matches) == 1, report.summary()
    message = str(matches[0])
    assert "\n" not in message and name in message
    return matches[0].reason


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 64, "binary"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x01" * 500, "binary"),
        (
            "furniture.txt",
            "Loader\nFind Us\nاعلان\nشارك هذا المقال\nApple store\nزر الذهاب إلى الأعلى\n",
            "no article text",
        ),
        ("bad front matter.txt", ARABIC, "page address"),
        ("broken-yaml.txt", "---\ntitle: [unclosed\n---\n" + ARABIC, "front matter is not valid YAML"),
    ],
)
def test_unpublishable_files_are_skipped_with_one_line_reason(empty_project, name, content, reason):
    empty_project.add(name, content)
    empty_project.add("good.txt", ARABIC)
    report = empty_project.generate()
    assert reason in _skipped(report, name)
    assert [d.doc_id for d in report.documents] == ["good"]
    assert report.summary().count(name) == 1


def test_huge_file_is_skipped_and_site_still_builds(empty_project):
    empty_project.add("huge.txt", ("كلمة " * 1_000_000).encode("utf-8"))  # 10 MB
    empty_project.add("five-mb.txt", ("word " * 1_050_000).encode("utf-8"))  # just over 5 MB
    empty_project.add("good.txt", ARABIC)
    report = empty_project.generate()
    assert "too large" in _skipped(report, "huge.txt")
    assert "too large" in _skipped(report, "five-mb.txt")
    assert empty_project.build() == 0
    assert (empty_project.root / "site" / "documents" / "good" / "index.html").is_file()


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-16-le", "utf-8-sig"])
def test_legacy_and_unicode_encodings_are_decoded(empty_project, encoding):
    empty_project.add("encoded.txt", ARABIC.encode(encoding))
    report = empty_project.generate()
    assert not report.skipped
    record = empty_project.record("encoded")
    assert record["text"]["original"] == ARTICLE
    assert record["language"] == "ar"


def test_windows_1256_persian_is_decoded_and_reported(empty_project):
    # cp1256 has no ی, ک or Persian digits: legacy Persian pages used ي, ك and ASCII digits.
    persian = ascii_digits(corpus_text("004_5d81250088eb90cf.txt").replace("ی", "ي").replace("ک", "ك"))
    empty_project.add("legacy.txt", persian.encode("cp1256", errors="strict"))
    report = empty_project.generate()
    assert any(
        "legacy.txt: decoded as cp1256" in w or "legacy.txt: decoded as windows-1256" in w for w in report.warnings
    ), report.warnings
    assert empty_project.record("legacy")["language"] == "fa"


HOSTILE = {
    "html": '<script>alert("x")</script> <img src=x onerror="alert(1)"> <b>bold</b> & <a href="javascript:alert(2)">link</a>',
    "markdown": "# Heading\n\n**bold** _it_ [link](http://example.com) ![img](x.png) | a | b |\n\n    code\n> quote",
    "jinja": "{{ config.extra }} {% for x in range(3) %}{{ x }}{% endfor %} {# comment #}",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_markup_in_text_is_published_as_text(empty_project, kind):
    hostile = HOSTILE[kind]
    # The hostile text is the headline and inside a paragraph, around real prose.
    text = f"{hostile.splitlines()[0]} وزير الدفاع\n{ARTICLE[0]}\n{ARTICLE[1]} {hostile.replace(chr(10), ' ')}\n{ARTICLE[2]}\n"
    empty_project.add("hostile.txt", text)
    assert empty_project.build() == 0
    page = (empty_project.root / "site" / "documents" / "hostile" / "index.html").read_text(encoding="utf-8")
    body = page[page.index("ms-text") :]
    flat = hostile.replace("\n", " ")
    assert html.escape(flat, quote=False) in body.replace("&#34;", '"').replace("&quot;", '"').replace("&#39;", "'")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold</b>" not in page
    assert "<strong>bold</strong>" not in page and '<h1 id="heading"' not in page
    record = empty_project.record("hostile", "site")
    assert any(flat in p for p in record["text"]["original"])


def test_bidi_controls_are_removed_and_recorded(empty_project):
    override = "\u202e" + "تجربة" + "\u202c"
    empty_project.add("bidi.txt", f"{ARTICLE[0]}\n{ARTICLE[1]} {override}\n{ARTICLE[2]}\u2067\n")
    assert empty_project.build() == 0
    record = empty_project.record("bidi", "site")
    text = "\n".join(record["text"]["original"])
    assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "تجربة" in text
    bidi = [r for r in record["removed"] if r["kind"] == "bidi"]
    assert [r["line"] for r in bidi] == [2, 3]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in bidi[0]["text"]
    page = (empty_project.root / "site" / "documents" / "bidi" / "index.html").read_text(encoding="utf-8")
    assert "\u202e" not in page and "\u2067" not in page


def test_front_matter_overrides_and_bad_fields_warn(empty_project):
    empty_project.add(
        "edited.txt",
        "---\ntitle: عنوان المحرر\noutlet: Outlet\ndate: 2021-02-03\n"
        "url: javascript:alert(1)\ncolour: red\n---\n" + ARABIC,
    )
    report = empty_project.generate()
    record = empty_project.record("edited")
    assert (record["title"]["original"], record["outlet"], record["date"]) == ("عنوان المحرر", "Outlet", "2021-02-03")
    assert record["date_source"] == "front_matter" and record["outlet_source"] == "front_matter"
    assert record["original_url"] is None
    assert any("'url'" in w for w in report.warnings) and any("'colour'" in w for w in report.warnings)
    # The article text starts after the front matter; line numbers still count from the file's top.
    assert record["paragraphs"][0]["lines"] == [8, 8]


def test_sidecar_metadata(empty_project):
    empty_project.add("side.txt", ARABIC)
    (empty_project.documents / "side.yml").write_text("outlet: Sidecar Outlet\n", encoding="utf-8")
    empty_project.generate()
    assert empty_project.record("side")["outlet"] == "Sidecar Outlet"


def test_saved_html_page_main_text_is_extracted(empty_project):
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE)
    page = (
        f"<html><head><title>عنوان الصفحة</title><script>var tracking = 1;</script></head><body>"
        f"<nav><a href='/'>الرئيسية</a> <a href='/x'>أخبار</a></nav><article><h1>عنوان المقال</h1>{paragraphs}</article>"
        f"<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    empty_project.add("saved.html", page)
    report = empty_project.generate()
    assert not report.skipped
    record = empty_project.record("saved")
    text = "\n".join(record["text"]["original"])
    assert ARTICLE[0] in text and ARTICLE[5] in text
    assert "tracking" not in text and "جميع الحقوق محفوظة" not in text
    assert record["raw_file"] == "sources/saved.html.txt"


def test_headline_cannot_break_out_of_the_title_element(empty_project):
    headline = "</title><script>alert(1)</script> عاجل وزير الدفاع التركي يصل"
    empty_project.add("title.txt", f"{headline}\n{ARTICLE[0]}\n{ARTICLE[1]}\n")
    assert empty_project.build() == 0
    for page in (empty_project.root / "site").rglob("*.html"):
        content = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in content, page
    assert empty_project.record("title", "site")["title"]["original"] == headline


@pytest.mark.parametrize("written, date", [("2021-04", "2021-04"), ("2021", "2021"), ('"2021"', "2021")])
def test_front_matter_dates_may_be_a_month_or_a_year(empty_project, written, date):
    empty_project.add("partial.txt", f"---\ndate: {written}\n---\n" + ARABIC)
    report = empty_project.generate()
    assert not any("partial.txt" in w for w in report.warnings), report.warnings
    assert empty_project.record("partial")["date"] == date


def test_an_editors_file_at_a_generated_address_is_left_out_with_one_line_error(empty_project):
    """An editor's page where the site makes its own (the timeline) or a file where a source download
    goes: the generated one is published, the editor's file is named in one error line, nothing else
    changes; the next build with nothing changed repeats the error."""
    empty_project.add("article.txt", ARABIC)
    pages = empty_project.root / "site_src" / "pages"
    (pages / "timeline.md").write_text("# My timeline\n\nEDITORS-OWN-TIMELINE\n", encoding="utf-8")
    (pages / "sources").mkdir()
    (pages / "sources" / "article.txt").write_text("EDITORS-OWN-SOURCE\n", encoding="utf-8")
    (pages / "notes.md").write_text("# Notes\n\nEDITORS-NOTES\n", encoding="utf-8")
    for build in range(2):
        report = empty_project.generate()
        taken = {str(d.file): str(d) for d in report.of("error")}
        assert set(taken) == {"site_src/pages/timeline.md", "site_src/pages/sources/article.txt"}, report.summary()
        assert all("\n" not in line and "left out of the site" in line for line in taken.values())
        assert report.unchanged == (build == 1) and not report.fatal
    docs = empty_project.root / "docs"
    assert "EDITORS-OWN-TIMELINE" not in (docs / "timeline.md").read_text(encoding="utf-8")
    assert (docs / "sources" / "article.txt").read_bytes() == (empty_project.documents / "article.txt").read_bytes()
    assert "EDITORS-NOTES" in (docs / "notes.md").read_text(encoding="utf-8")
