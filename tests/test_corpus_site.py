"""Issue 2 'Done when' on the five real documents, through a full `microsite build` (MkDocs --strict)."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import IDS, REPO, corpus_text

# Boilerplate the issue names, as it is written in the sources; none may survive in any text.
BOILERPLATE = [
    "Loader",
    "Find Us",
    "Flipboard",
    "Apple store",
    "Google Play",
    "اعلان",
    "Copyright",
    "شارك هذا المقال",
    "Copy to clipboard",
    "viber",
    "مواضيع إضافية",
    "الصين تعتزم",
    "#قناة",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك",
    "زر الذهاب إلى الأعلى",
    "إغلاق",
    "مقالات ذات صلة",
    "كلمات دلالية",
    "إقرأ أيضاً",
    "المرعاش",
    "بيلاروسيا",
    "نظر شما",
    "سفارت واشنگتن",
    "عراقچی",
    "المصدر:",
    "بقلم:",
]


def test_site_builds_strictly_and_publishes_dataset(built_site):
    site = built_site.root / "site"
    assert (site / "index.html").is_file()
    assert (site / "documents" / "index.html").is_file()
    for doc_id in IDS:
        assert (site / "documents" / doc_id / "index.html").is_file()
    corpus = built_site.corpus("site")
    schema = json.loads((REPO / "schemas" / "corpus.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(corpus, schema)
    assert [d["id"] for d in corpus["documents"]] == IDS
    assert (site / "data" / "documents.csv").read_text(encoding="utf-8-sig").count("\n") == 6


@pytest.mark.parametrize(
    "doc_id, language", [(IDS[0], "ar"), (IDS[1], "ar"), (IDS[2], "ar"), (IDS[3], "ar"), (IDS[4], "fa")]
)
def test_language_and_direction(built_site, doc_id, language):
    record = built_site.record(doc_id, "site")
    assert record["language"] == language
    assert record["direction"] == "rtl"


def test_text_repeated_three_times_appears_once(built_site):
    text = built_site.record(IDS[0], "site")["text"]["original"]
    first_paragraph = corpus_text(f"{IDS[0]}.txt").splitlines()[0]
    assert len(text) == 6
    assert "\n".join(text).count(first_paragraph) == 1
    assert sum(r["kind"] == "repeated" for r in built_site.record(IDS[0], "site")["removed"]) == 12


def test_no_boilerplate_survives_in_any_text(built_site):
    for record in built_site.corpus("site")["documents"]:
        text = "\n".join(record["text"]["original"] + [record["title"]["original"]] + record["summary"]["original"])
        for phrase in BOILERPLATE:
            assert phrase not in text, (record["id"], phrase)


def test_every_removed_line_is_kept_with_a_reason(built_site):
    for record in built_site.corpus("site")["documents"]:
        source_lines = corpus_text(f"{record['id']}.txt").splitlines()
        kept = {n for p in record["paragraphs"] for n in range(p["lines"][0], p["lines"][1] + 1)}
        removed = {r["line"] for r in record["removed"]}
        for number, line in enumerate(source_lines, 1):
            if line.strip():
                assert (number in kept) != (number in removed), (record["id"], number)
        assert all(r["reason"] for r in record["removed"])


def test_dates_found_in_the_text(built_site):
    assert built_site.record(IDS[1], "site")["date"] == "2020-07-03"
    assert built_site.record(IDS[1], "site")["date_source"] == "text"
    assert "2020/07/03" in built_site.record(IDS[1], "site")["date_evidence"]["text"]
    assert built_site.record(IDS[3], "site")["date"] == "2024-03-01"
    assert built_site.record(IDS[3], "site")["date_evidence"]["line"] == 2
    # 000 mentions "5 June" inside a sentence: an event, not its publication date.
    assert built_site.record(IDS[0], "site")["date"] is None


def test_outlets_found_in_the_text(built_site):
    assert built_site.record(IDS[1], "site")["outlet"] == "يورونيوز مع أ ف ب"
    assert built_site.record(IDS[3], "site")["outlet"] == "بوابة الفجر"
    assert built_site.record(IDS[4], "site")["outlet"] == "نگاه نو"


def test_titles_without_hashtags(built_site):
    title = built_site.record(IDS[2], "site")["title"]["original"]
    assert title.startswith("النمروش:") and "#" not in title
    assert built_site.record(IDS[4], "site")["title"]["original"] == "افزایش همکاری نظامی نیروهای خلیفه حفتر با ترکیه"


def test_summaries_are_extractive_and_short(built_site):
    for record in built_site.corpus("site")["documents"]:
        summary = record["summary"]["original"]
        assert 2 <= len(summary) <= 4, record["id"]
        assert len(set(summary)) == len(summary)
        body = "\n".join(record["text"]["original"])
        assert all(sentence in body for sentence in summary)


def test_document_page_shows_text_provenance_and_download(built_site):
    page = (built_site.root / "site" / "documents" / IDS[1] / "index.html").read_text(encoding="utf-8")
    assert 'class="ms-orig ms-original" lang="ar" dir="rtl"' in page
    assert "Removed from the source" in page and "<details" in page
    assert 'href="../../sources/001_68d0712cb814f501.txt" download' in page
    raw = built_site.root / "site" / "sources" / f"{IDS[1]}.txt"
    assert raw.read_bytes() == (REPO / "site_src" / "documents" / f"{IDS[1]}.txt").read_bytes()


def test_documents_index_newest_first_undated_last(built_site):
    index = (built_site.root / "site" / "documents" / "index.html").read_text(encoding="utf-8")
    positions = [index.index(f'href="../documents/{doc_id}/"') for doc_id in (IDS[3], IDS[1], IDS[0], IDS[2], IDS[4])]
    assert positions == sorted(positions)
