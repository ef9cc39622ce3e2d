"""Analysis reads language, dates, outlet and summary from the text by general rules."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import REPO, corpus_text

from generator.model.document import SourceFile
from generator.model.settings import load_settings
from generator.stages.analyse import analyse, detect_language, direction
from generator.stages.clean import clean
from generator.stages.dates import find_date

SETTINGS = load_settings(REPO)


def analysed(text: str, metadata: dict | None = None):
    source = SourceFile(path=Path("x.txt"), doc_id="x", raw=text.encode(), text=text, first_line=1,
                        encoding="utf-8", format="txt", metadata=metadata or {})
    cleaned = clean(text)
    return cleaned, analyse(source, cleaned, SETTINGS)


@pytest.mark.parametrize("text, expected", [
    ("تاريخ النشر: 1st, March 2024 GMT", "2024-03-01"),
    ("في طرابلس - 2020/07/03", "2020-07-03"),
    ("نشر في ٣ يوليو ٢٠٢٠", "2020-07-03"),
    ("الجمعة 3 تموز/يوليو 2020", "2020-07-03"),
    ("1 إبريل 2021", "2021-04-01"),
    ("۱۲ تیر ۱۳۹۹", "2020-07-02"),              # Solar Hijri, Persian digits
    ("تاریخ انتشار: ۱۴۰۳/۰۹/۰۳", "2024-11-23"),   # Solar Hijri, numeric
    ("Published July 3, 2020 10:15 GMT", "2020-07-03"),
    ("03/07/2020", "2020-07-03"),                # day first, as Arabic and European pages write it
    ("07/23/2020", "2020-07-23"),                # month first when the day cannot be a month
    ("3 Temmuz 2020 Cuma", "2020-07-03"),
    ("3 juillet 2020", "2020-07-03"),
])
def test_dates_in_common_forms(text, expected):
    assert find_date(text) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("text", ["5 يونيو/ حزيران", "عام 2011", "2020/13/45", "في الثالث من أكتوبر", "۲ سال دیگر",
                                  "phone 0912 345 6789"])
def test_incomplete_or_impossible_dates_are_not_dates(text):
    assert find_date(text) is None


def test_a_date_inside_the_story_is_not_the_publication_date():
    _, analysis = analysed(corpus_text("000_99d85874a1d33ffe.txt"))
    assert analysis.date is None


def test_dateline_in_first_words_is_a_publication_date():
    text = ("طرابلس في 3 يوليو 2020 (رويترز) - وصل وزير الدفاع التركي إلى مدينة طرابلس يوم الجمعة للقاء ممثلين عن الحكومة.\n"
            "وأفادت تقارير بأن اللقاء يهدف إلى تحسين العلاقات الثنائية وزيادة التعاون بين البلدين.\n")
    _, analysis = analysed(text)
    assert analysis.date == "2020-07-03" and analysis.date_evidence.line == 1


@pytest.mark.parametrize("text, language", [
    ("Turkish Defence Minister Hulusi Akar arrived in Tripoli on Friday for talks with officials.", "en"),
    ("Milli Savunma Bakanı Hulusi Akar, Trablus'ta Libya hükümeti yetkilileriyle bir araya geldi.", "tr"),
    ("Le ministre turc de la Défense est arrivé vendredi à Tripoli pour des entretiens.", "fr"),
    ("وصل وزير الدفاع التركي إلى طرابلس", "ar"),
    ("وزیر دفاع ترکیه به طرابلس رفت", "fa"),
    ("نماینده ترکیه در لیبی با یکی از جناحهای قدرتمند این کشور دیدار کرد.", "fa"),
])
def test_language_identification(text, language):
    assert detect_language(text) == language


def test_direction_follows_language():
    assert direction("ar") == direction("fa") == "rtl"
    assert direction("en") == direction("tr") == "ltr"


@pytest.mark.parametrize("line, outlet", [
    ("المصدر: وكالة الأناضول", "وكالة الأناضول"),
    ("بقلم: يورونيوز", "يورونيوز"),
    ("Source: Reuters", "Reuters"),
    ("Kaynak: Anadolu Ajansı", "Anadolu Ajansı"),
])
def test_outlet_from_labelled_lines(line, outlet):
    text = ("وصل وزير الدفاع التركي إلى مدينة طرابلس يوم الجمعة للقاء ممثلين عن الحكومة وتفتيش المنشآت.\n"
            f"{line}\n")
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
    assert not any("المرعاش" in s.text for s in analysis.summary)   # the appended article is removed text
    keys = [(s.paragraph, s.index) for s in analysis.summary]
    assert keys == sorted(keys, key=lambda k: (int(k[0][1:]), k[1])) and len(set(keys)) == len(keys)


def test_title_falls_back_to_first_words_when_the_source_has_no_headline():
    _, analysis = analysed(corpus_text("000_99d85874a1d33ffe.txt"))
    assert analysis.title_evidence.source == "first_sentence"
    assert analysis.title.startswith("وصل وزير الدفاع التركي خلوصي آكار") and analysis.title.endswith("…")
