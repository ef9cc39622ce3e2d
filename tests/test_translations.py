"""Issue 3: the English side — alignment, staleness, missing translations, check, machine drafts."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
from conftest import IDS, corpus_text, dump_front_matter

from generator.check import run_check
from generator.cli import main as microsite
from generator.entities.english_names import names_in_block
from generator.machine_translation import (
    ArgosTranslator,
    TranslatorUnavailable,
    write_draft,
)
from generator.model.entity import Entity
from generator.model.settings import load_settings
from generator.pipeline.run import load_context, process
from generator.stages.clean import clean

ENGLISH_ARTICLE = """Turkey and Libya sign new training deal
Turkish Defence Minister Hulusi Akar signed a new training agreement with Libyan officials in Tripoli on Friday.
The deal covers officer training and advisory support for the Libyan army.
"""


def page(project, doc_id: str) -> str:
    return (project.root / "site" / "documents" / doc_id / "index.html").read_text(encoding="utf-8")


def test_all_five_documents_are_completely_translated_and_check_is_clean(project, capsys):
    assert microsite(["--root", str(project.root), "check"]) == 0
    assert "every paragraph has a current English translation" in capsys.readouterr().out
    project.generate()
    for record in project.corpus()["documents"]:
        assert record["translation"]["status"] == "reviewed"
        assert None not in record["text"]["en"] and len(record["text"]["en"]) == len(record["text"]["original"])
        assert record["title"]["en"]
        assert (
            len(record["summary"]["en"]) == len(record["summary"]["original"])
            and record["summary"]["en_source"] == "aligned"
        )


def test_english_summary_is_the_english_of_the_picked_sentences(built_site):
    for record in built_site.corpus("site")["documents"]:
        english_by_key = dict(zip((p["key"] for p in record["paragraphs"]), record["text"]["en"], strict=True))
        for sentence, key in zip(record["summary"]["en"], record["summary"]["from_paragraphs"], strict=True):
            assert sentence in english_by_key[key], (record["id"], key)


def test_document_page_is_bilingual_with_switch_anchors_title_and_summary(built_site):
    html = page(built_site, IDS[4])
    assert '<h1 class="ms-title" lang="en" dir="ltr" data-search-exclude>Increasing military cooperation' in html
    assert 'class="ms-title-original" lang="fa" dir="rtl"' in html
    assert 'data-ms-show="en"' in html and 'data-ms-show="original"' in html and 'data-ms-show="both"' in html
    pairs = re.findall(r'<div class="ms-pair" id="(p\d+)">', html)
    assert pairs == [f"p{i}" for i in range(1, 8)]
    assert html.count('class="ms-anchor" href="#p') == 7
    assert 'class="ms-en" lang="en" dir="ltr"' in html and 'class="ms-orig ms-original" lang="fa" dir="rtl"' in html
    record = built_site.record(IDS[4], "site")
    for sentence in record["summary"]["en"]:
        assert f"<p>{sentence}</p>" in html.replace("&#39;", "'")
    assert "assets/javascripts/microsite.js" in html
    assert "English incomplete" not in html and "Stale" not in html


def _edit_paragraph(project, doc_id: str, old: str, new: str) -> None:
    path = project.documents / f"{doc_id}.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_editing_one_paragraph_makes_exactly_that_translation_stale(project, capsys):
    # 003, paragraph 4: «من جانبه، أشاد غولر …» — change one word.
    _edit_paragraph(project, IDS[3], "أشاد غولر بالتعاون", "أشاد غولر كثيراً بالتعاون")
    assert microsite(["--root", str(project.root), "check"]) == 1
    out = [line for line in capsys.readouterr().out.strip().splitlines() if ": name: " not in line]
    assert len(out) == 2
    assert re.match(rf"site_src/translations/{IDS[3]}\.en\.md:\d+: stale: p4 stale", out[0])
    assert out[1].endswith("1 with problems: 1 stale")
    assert project.build() == 0
    html = page(project, IDS[3])
    assert "1 of 5 English paragraphs is stale: the original changed after it was translated." in html
    assert html.count("Stale: the original paragraph changed") == 1
    assert project.record(IDS[3], "site")["paragraphs"][3]["translation"] == "stale"


def test_inserting_a_paragraph_keeps_translations_attached_by_fingerprint(project):
    new_paragraph = "وأضاف البيان أن الجانبين اتفقا على مواصلة الاجتماعات الدورية بين اللجان العسكرية المشتركة."
    _edit_paragraph(project, IDS[0], "كما التقى الوفد التركي لاحقاً", f"{new_paragraph}\nكما التقى الوفد التركي لاحقاً")
    settings = load_settings(project.root)
    document = process(project.documents / f"{IDS[0]}.txt", load_context(settings))
    states = [p.state for p in document.english.paragraphs]
    assert states == ["translated"] * 3 + ["untranslated"] + ["translated"] * 3
    assert document.english.paragraphs[4].english.startswith("The Turkish delegation also later met")
    _, findings = run_check(settings)
    assert [(f.kind, f.message.split()[0]) for f in findings] == [("untranslated", "p4")]


def test_missing_translation_blocks_and_orphans_are_reported(project, capsys):
    path = project.root / "site_src" / "translations" / f"{IDS[1]}.en.md"
    text = path.read_text(encoding="utf-8")
    blocks = re.split(r"(?=<!-- p)", text)
    # drop the blocks of p2 and p5; add a block for a paragraph that does not exist
    kept = [b for b in blocks if not b.startswith(("<!-- p2 ", "<!-- p5 "))]
    path.write_text("".join(kept) + "<!-- p9 0123abcd -->\nA paragraph the original does not have.\n", encoding="utf-8")
    assert microsite(["--root", str(project.root), "check"]) == 1
    out = capsys.readouterr().out
    assert out.count(": untranslated: ") == 2 and ": orphan: p9 (0123abcd)" in out
    assert project.build() == 0
    html = page(project, IDS[1])
    paragraphs = len(project.record(IDS[1], "site")["paragraphs"])
    assert f"English incomplete: 2 of {paragraphs} paragraphs untranslated." in html
    assert html.count("Not yet translated.") == 2


def test_a_document_without_translation_file_is_listed_whole(project, capsys):
    project.add("005_turkish.txt", corpus_text(f"{IDS[0]}.txt").splitlines()[0] + "\n")
    (project.root / "site_src" / "translations" / f"{IDS[2]}.en.md").unlink()
    assert microsite(["--root", str(project.root), "check"]) == 1
    out = capsys.readouterr().out
    assert out.count(f"{IDS[2]}.txt:") == 8 and "(no translation file)" in out


def test_english_document_needs_no_translation_and_other_languages_get_one(project, capsys):
    project.add("en_article.txt", ENGLISH_ARTICLE)
    project.add(
        "tr_article.txt",
        "Bakan Akar ve Orgeneral Güler Libya'da\n"
        "Milli Savunma Bakanı Hulusi Akar ve Genelkurmay Başkanı Orgeneral Yaşar Güler, Trablus'ta Libya hükümeti yetkilileriyle bir araya geldi.\n"
        "Görüşmede iki ülke arasındaki askeri eğitim ve iş birliği ele alındı.\n",
    )
    assert project.build() == 0
    english = page(project, "en_article")
    assert "the original is in English; no translation needed" in english
    assert 'class="ms-pair" id=' not in english and "data-ms-show" not in english
    assert english.count("Turkish Defence Minister Hulusi Akar signed") == 2  # summary and text
    turkish = page(project, "tr_article")
    assert 'class="ms-orig ms-original" lang="tr" dir="ltr"' in turkish
    assert "English incomplete: 2 of 2 paragraphs untranslated." in turkish
    assert project.record("en_article", "site")["translation"]["status"] == "original"
    microsite(["--root", str(project.root), "check"])
    assert "en_article" not in capsys.readouterr().out


class FakeTranslator:
    """Test double for Argos: marks each text so the test can see what was translated."""

    name = "Fake MT"

    def __init__(self, source_language: str) -> None:
        self.source_language = source_language

    def translate(self, texts: list[str]) -> list[str]:
        return [f"[{self.source_language}→en] {len(text)} characters" for text in texts]


def test_machine_draft_is_written_for_review_and_never_overwrites(project):
    settings = load_settings(project.root)
    (project.root / "site_src" / "translations" / f"{IDS[3]}.en.md").unlink()
    document = process(project.documents / f"{IDS[3]}.txt", load_context(settings))
    path = write_draft(document, settings.translations_dir, FakeTranslator, dt.date(2026, 11, 24))
    text = path.read_text(encoding="utf-8")
    assert "status: machine" in text and 'translator: "Fake MT (machine translation)"' in text
    assert text.count("[ar→en]") == 6  # title and five paragraphs
    _, findings = run_check(settings)
    assert [f for f in findings if f.kind != "naming"] == []
    # the fake translation names no entity: a warning per name for the draft's reviewer, never failing
    assert {f.doc_id for f in findings if f.kind == "naming"} == {IDS[3]}
    assert project.build() == 0
    html = page(project, IDS[3])
    assert "Machine translation, not reviewed" in html and "machine translation, not reviewed" in html
    with pytest.raises(FileExistsError):
        write_draft(document, settings.translations_dir, FakeTranslator, dt.date(2026, 11, 24))
    assert path.read_text(encoding="utf-8") == text


def test_translate_command_says_what_to_install_without_argos(project, monkeypatch, capsys):
    (project.root / "site_src" / "translations" / f"{IDS[4]}.en.md").unlink()
    monkeypatch.setitem(sys.modules, "argostranslate", None)  # import fails as if not installed
    assert microsite(["--root", str(project.root), "translate", IDS[4]]) == 2
    err = capsys.readouterr().err
    assert "pip install -e '.[mt]'" in err and "argospm install translate-fa_en" in err
    assert not (project.root / "site_src" / "translations" / f"{IDS[4]}.en.md").exists()
    with pytest.raises(TranslatorUnavailable):
        ArgosTranslator("fa")


def test_malformed_translation_front_matter_names_file_and_field(project, capsys):
    path = project.root / "site_src" / "translations" / f"{IDS[0]}.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: reviewed", "status: finished"), encoding="utf-8")
    assert microsite(["--root", str(project.root), "check"]) == 1
    out = capsys.readouterr().out
    assert f"site_src/translations/{IDS[0]}.en.md: invalid: front matter field 'status' must be one of" in out


# Issue 13: a translation names each entity as the knowledge base does, or marks the source's error.


def entity(entity_id: str, kind: str, name: str, aliases=(), names=None, titles=()) -> Entity:
    return Entity(
        entity_id, kind, None, name, names or {}, tuple(aliases), tuple(titles), None, None, None, None, "",
        Path(f"{entity_id}.md"),
    )  # fmt: skip


KARIMI = entity("nadia-karimi", "person", "Nadia al-Karimi", ["الكريمي"], titles=["وزيرة النقل", "Transport Minister"])
AUTHORITY = entity("coastal-development-authority", "organisation", "Coastal Development Authority", ["CDA"])
NAVY = entity("eastern-fleet", "organisation", "Eastern Fleet", ["الأسطول"])
ADMIRAL = entity("omar-hadi", "person", "Omar Hadi", titles=["قائد الأسطول", "Commander of the Fleet"])
MISRATA = entity("misrata", "place", "Misrata")
OBSERVER = entity("observer-daily", "organisation", "The Observer Daily")


@pytest.mark.parametrize(
    "named, english, expected",
    [
        (KARIMI, "Nadia al-Karimi arrived on Monday.", True),
        (KARIMI, "Transport Minister al-Karimi's visit ended.", True),  # title, surname alone, possessive
        (KARIMI, "Minister Al Karimi and NADIA KARÍMI", True),  # case, hyphen and accents do not count
        (KARIMI, "Minister Nadia Karimy arrived.", False),
        (KARIMI, "Layla [sic: Nadia] Karimy arrived.", True),  # the source's error, marked
        (AUTHORITY, "The Coastal Development Authority's board met.", True),
        (AUTHORITY, "The CDA met.", True),  # an alias the knowledge base lists
        (AUTHORITY, "The Development Authority met.", False),
        (AUTHORITY, "The Coastal Authority [sic: Coastal Development Authority] met.", True),
        (OBSERVER, "As the Observer Daily reported.", True),  # the article is no part of the name
        (MISRATA, "Misratan brigades withdrew.", True),  # a place's adjective
        (MISRATA, "The brigades withdrew.", False),
    ],
)
def test_a_block_names_an_entity_as_the_knowledge_base_does(named, english, expected):
    assert names_in_block(named, english) is expected


ARTICLE = (
    "وقالت وزيرة النقل نادية الكريمي إن هيئة تنمية الساحل ستبدأ العمل في الميناء الجديد مطلع الشهر المقبل بعد "
    "اكتمال أعمال التجهيز والتدريب.\n\n"
    "وأضافت الكريمي أن الهيئة وقعت عقوداً مع شركات تركية لتوريد الرافعات وتدريب العاملين في الموانئ الشرقية.\n"
)


def _knowledge_and_translation(project, second_block: str) -> None:
    folder = project.root / "site_src" / "knowledge"
    folder.mkdir(parents=True, exist_ok=True)
    for data in (
        {"id": "nadia-al-karimi", "type": "person", "name": "Nadia al-Karimi", "names": {"ar": ["نادية الكريمي"]},
         "aliases": ["الكريمي"], "titles": ["وزيرة النقل", "Transport Minister"]},
        {"id": "coastal-development-authority", "type": "organisation", "subtype": "government",
         "name": "Coastal Development Authority", "names": {"ar": ["هيئة تنمية الساحل"]}, "aliases": ["CDA"]},
    ):  # fmt: skip
        (folder / f"{data['id']}.md").write_text(dump_front_matter(data), encoding="utf-8")
    project.add("port.txt", ARTICLE)
    first, second = clean(ARTICLE).paragraphs
    translations = project.root / "site_src" / "translations"
    translations.mkdir(parents=True, exist_ok=True)
    (translations / "port.en.md").write_text(
        "---\ntranslator: Test\nstatus: reviewed\n---\n"
        f"<!-- p1 {first.fingerprint} -->\nTransport Minister Nadia al-Karimi said the Coastal Authority would "
        "start work at the new port early next month, once fitting-out and training are complete.\n\n"
        f"<!-- p2 {second.fingerprint} -->\n{second_block}\n",
        encoding="utf-8",
    )


def test_check_and_build_warn_where_a_translation_names_an_entity_otherwise(empty_project, capsys):
    _knowledge_and_translation(
        empty_project, "Al-Karimi added that the authority had signed contracts with Turkish companies."
    )
    assert microsite(["--root", str(empty_project.root), "check"]) == 0  # a warning: nothing fails
    out = capsys.readouterr().out
    naming = [line for line in out.splitlines() if ": naming: " in line]
    assert len(naming) == 1 and naming[0].startswith("site_src/translations/port.en.md:5: naming: p1 ")
    assert "Coastal Development Authority" in naming[0] and "«هيئة تنمية الساحل»" in naming[0]
    report = empty_project.generate()
    assert any("port.en.md:5" in w and "names Coastal Development Authority" in w for w in report.warnings)


def test_seed_translations_name_entities_as_the_knowledge_base_does(project):
    _, findings = run_check(load_settings(project.root))
    assert [f for f in findings if f.kind == "naming"] == []
    english = (project.root / "site_src" / "translations" / f"{IDS[3]}.en.md").read_text(encoding="utf-8")
    assert "Abdul Fattah [sic: Abdul Hamid] Dbeibah" in english and '"Hukumetna" ("Our Government")' in english
    assert "Government of Unity" not in english
