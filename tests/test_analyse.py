"""Analysis reads language, dates, outlet and summary from the text by general rules."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import CORPUS, REPO, corpus_text

from generator.model.document import SourceFile
from generator.model.settings import load_settings
from generator.stages import clean as clean_stage
from generator.stages.analyse import analyse, detect_language, direction
from generator.stages.clean import clean
from generator.stages.dates import find_date
from generator.stages.lexicon import lexicon

SETTINGS = load_settings(REPO)


def analysed(text: str, metadata: dict | None = None, embedded: dict | None = None):
    source = SourceFile(
        path=Path("x.txt"),
        doc_id="x",
        raw=text.encode(),
        text=text,
        first_line=1,
        encoding="utf-8",
        format="txt",
        metadata=metadata or {},
        embedded=embedded or {},
    )
    cleaned = clean(text)
    return cleaned, analyse(source, cleaned, SETTINGS)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تاريخ النشر: 1st, March 2024 GMT", "2024-03-01"),
        ("في طرابلس - 2020/07/03", "2020-07-03"),
        ("نشر في ٣ يوليو ٢٠٢٠", "2020-07-03"),
        ("الجمعة 3 تموز/يوليو 2020", "2020-07-03"),
        ("1 إبريل 2021", "2021-04-01"),
        ("۱۲ تیر ۱۳۹۹", "2020-07-02"),  # Solar Hijri, Persian digits
        ("تاریخ انتشار: ۱۴۰۳/۰۹/۰۳", "2024-11-23"),  # Solar Hijri, numeric
        ("Published July 3, 2020 10:15 GMT", "2020-07-03"),
        ("03/07/2020", "2020-07-03"),  # day first, as Arabic and European pages write it
        ("07/23/2020", "2020-07-23"),  # month first when the day cannot be a month
        ("3 Temmuz 2020 Cuma", "2020-07-03"),
        ("3 juillet 2020", "2020-07-03"),
    ],
)
def test_dates_in_common_forms(text, expected):
    assert find_date(text) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    "text", ["5 يونيو/ حزيران", "عام 2011", "2020/13/45", "في الثالث من أكتوبر", "۲ سال دیگر", "phone 0912 345 6789"]
)
def test_incomplete_or_impossible_dates_are_not_dates(text):
    assert find_date(text) is None


def test_a_date_inside_the_story_is_not_the_publication_date():
    _, analysis = analysed(corpus_text("000_99d85874a1d33ffe.txt"))
    assert analysis.date is None


def test_dateline_in_first_words_is_a_publication_date():
    text = (
        "طرابلس في 3 يوليو 2020 (رويترز) - وصل وزير الدفاع التركي إلى مدينة طرابلس يوم الجمعة للقاء ممثلين عن الحكومة.\n"
        "وأفادت تقارير بأن اللقاء يهدف إلى تحسين العلاقات الثنائية وزيادة التعاون بين البلدين.\n"
    )
    _, analysis = analysed(text)
    assert analysis.date == "2020-07-03" and analysis.date_evidence.line == 1


@pytest.mark.parametrize(
    "text, language",
    [
        ("Turkish Defence Minister Hulusi Akar arrived in Tripoli on Friday for talks with officials.", "en"),
        ("Milli Savunma Bakanı Hulusi Akar, Trablus'ta Libya hükümeti yetkilileriyle bir araya geldi.", "tr"),
        ("Le ministre turc de la Défense est arrivé vendredi à Tripoli pour des entretiens.", "fr"),
        ("وصل وزير الدفاع التركي إلى طرابلس", "ar"),
        ("وزیر دفاع ترکیه به طرابلس رفت", "fa"),
        ("نماینده ترکیه در لیبی با یکی از جناحهای قدرتمند این کشور دیدار کرد.", "fa"),
    ],
)
def test_language_identification(text, language):
    assert detect_language(text) == language


def test_direction_follows_language():
    assert direction("ar") == direction("fa") == "rtl"
    assert direction("en") == direction("tr") == "ltr"


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("المصدر: وكالة الأناضول", "وكالة الأناضول"),
        ("بقلم: يورونيوز", "يورونيوز"),
        ("Source: Reuters", "Reuters"),
        ("Kaynak: Anadolu Ajansı", "Anadolu Ajansı"),
    ],
)
def test_outlet_from_labelled_lines(line, outlet):
    text = f"وصل وزير الدفاع التركي إلى مدينة طرابلس يوم الجمعة للقاء ممثلين عن الحكومة وتفتيش المنشآت.\n{line}\n"
    assert analysed(text)[1].outlet == outlet


def test_outlet_from_persian_reported_by():
    text = "به گزارش خبرگزاری ایرنا، وزیر دفاع ترکیه روز جمعه برای دیدار با مقامات لیبی وارد طرابلس شد.\n"
    assert analysed(text)[1].outlet == "خبرگزاری ایرنا"


def test_front_matter_overrides_text():
    _, analysis = analysed(corpus_text("003_e8a0a6e2dc4f0eda.txt"), {"date": "2024-03-02", "outlet": "X"})
    assert (analysis.date, analysis.date_evidence.source) == ("2024-03-02", "front_matter")
    assert analysis.outlet == "X"


def test_summary_sentences_come_from_kept_text_without_repeats():
    cleaned, analysis = analysed(corpus_text("003_e8a0a6e2dc4f0eda.txt"))
    body = " ".join(p.text for p in cleaned.paragraphs)
    assert 2 <= len(analysis.summary) <= 4
    assert all(s.text in body for s in analysis.summary)
    assert not any("المرعاش" in s.text for s in analysis.summary)  # the appended article is removed text
    keys = [(s.paragraph, s.index) for s in analysis.summary]
    assert keys == sorted(keys, key=lambda k: (int(k[0][1:]), k[1])) and len(set(keys)) == len(keys)


def test_title_falls_back_to_first_words_when_the_source_has_no_headline():
    _, analysis = analysed(corpus_text("000_99d85874a1d33ffe.txt"))
    assert analysis.title_evidence.source == "first_sentence"
    assert analysis.title.startswith("وصل وزير الدفاع التركي خلوصي آكار") and analysis.title.endswith("…")


# Where a value came from is labelled by the source's name (issue 12: a date from a saved page's own
# metadata was labelled "set by an editor (front matter)", because labels were given by position).


def test_values_from_a_web_pages_own_metadata_are_labelled_as_such():
    text = corpus_text("000_99d85874a1d33ffe.txt")  # states no publication date
    page = {"date": "2020-07-03", "title": "عنوان الصفحة", "outlet": "Page Outlet"}
    _, analysis = analysed(text, embedded=page)
    assert (analysis.date, analysis.date_evidence.source) == ("2020-07-03", "html_metadata")
    assert (analysis.title, analysis.title_evidence.source) == ("عنوان الصفحة", "html_metadata")
    assert (analysis.outlet, analysis.outlet_evidence.source) == ("Page Outlet", "html_metadata")
    _, analysis = analysed(text, {"date": "2020-07-04", "outlet": "Editor's"}, page)  # an editor's value wins
    assert (analysis.date, analysis.date_evidence.source) == ("2020-07-04", "front_matter")
    assert (analysis.outlet, analysis.outlet_evidence.source) == ("Editor's", "front_matter")


def test_a_date_the_text_states_wins_over_the_pages_metadata():
    text = "تاريخ النشر: 1 إبريل 2021\n" + corpus_text("000_99d85874a1d33ffe.txt")
    _, analysis = analysed(text, embedded={"date": "2020-07-03"})
    assert (analysis.date, analysis.date_evidence.source) == ("2021-04-01", "text")


def test_a_saved_web_pages_date_is_published_as_from_its_metadata(empty_project):
    paragraphs = "".join(f"<p>{line}</p>" for line in corpus_text("000_99d85874a1d33ffe.txt").splitlines()[:6])
    empty_project.add(
        "saved.html",
        '<html><head><title>عنوان الصفحة</title><meta property="article:published_time" '
        f'content="2020-07-03T10:00:00+00:00"></head><body><article><h1>عنوان المقال</h1>{paragraphs}'
        "</article></body></html>",
    )
    assert not empty_project.generate().fatal
    record = empty_project.record("saved")
    assert (record["date"], record["date_source"]) == ("2020-07-03", "html_metadata")
    page = (empty_project.root / "docs" / "documents" / "saved.md").read_text(encoding="utf-8")
    date = html.unescape(next(line for line in page.splitlines() if "<dt>Date</dt>" in line))
    assert "from the web page's metadata" in date and "front matter" not in date


def test_removal_kinds_are_the_rules_and_the_vocabularys_groups(monkeypatch):
    vocabulary = lexicon()
    groups = {kind for kind, _, _ in vocabulary.labels} | {kind for kind, _, _ in vocabulary.furniture}
    assert set(clean_stage.LABEL_KINDS) <= groups
    kinds = {r.kind for path in sorted(CORPUS.glob("*.txt")) for r in clean(path.read_text(encoding="utf-8")).removed}
    assert kinds and kinds <= clean_stage.RULE_KINDS | groups
    # A vocabulary without a label the code reads by name is refused when it is loaded, not silently ignored.
    without_date = replace(vocabulary, labels=tuple(label for label in vocabulary.labels if label[0] != "date"))
    monkeypatch.setattr(clean_stage, "lexicon", lambda: without_date)
    clean_stage._vocabulary.cache_clear()
    try:
        with pytest.raises(ValueError, match="'date'"):
            clean("نص")
    finally:
        monkeypatch.undo()
        clean_stage._vocabulary.cache_clear()


# Dates written in the page header (issue 13): a weekday, day, month name, year and clock time with
# its AM/PM marker, in each language, are read as the publication date and say so; a month-only
# issue line keeps its precision; a date only in the story dates no document.

BODY_EN = (
    "The defence ministers of the two countries met in the capital on Monday to review the training\n"
    "programme agreed last year, officials said after the talks ended in the evening.\n"
)


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Tuesday, November 8, 2022 3:15 PM", "2022-11-08"),
        ("8 Kasım 2022 Salı ÖS 03:15", "2022-11-08"),
        ("الثلاثاء ٨ نوفمبر ٢٠٢٢ - ٠٣:١٥ م", "2022-11-08"),
        ("سه‌شنبه ۱۷ آبان ۱۴۰۱ - ۰۳:۱۵ ب.ظ", "2022-11-08"),  # Solar Hijri
    ],
)
def test_a_page_header_date_line_is_the_publication_date(header, expected):
    text = f"{header}\nMinisters review joint training programme\n\n{BODY_EN}"
    cleaned, analysis = analysed(text)
    assert (analysis.date, analysis.date_precision, analysis.date_role) == (expected, "day", "published")
    assert analysis.date_evidence.line == 1
    assert all(header not in p.text for p in cleaned.paragraphs)


def test_a_month_only_issue_date_keeps_its_precision():
    text = f"Regional Defence Bulletin | November 2022\nMinisters review joint training programme\n\n{BODY_EN}"
    _, analysis = analysed(text)
    assert (analysis.date, analysis.date_precision) == ("2022-11", "month")


def test_dates_only_in_the_story_date_no_document():
    text = (
        "Ministers review joint training programme\n\nThe ministers met on 7 November 2022, three years after\n"
        "the memorandum of November 2019 was signed in the capital, officials said after the talks.\n"
    )
    _, analysis = analysed(text)
    assert (analysis.date, analysis.date_precision, analysis.date_role) == (None, None, None)
