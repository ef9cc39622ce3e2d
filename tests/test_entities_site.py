"""Issue 4 on the real corpus: sidebars, corpus.json, entity pages, new names, knowledge base."""

from __future__ import annotations

import json
import re

from conftest import IDS, REPO, dump_front_matter

from generator.cli import main as microsite
from generator.entities.knowledge import load_knowledge

# Read off each document's body by hand: every person and place it names.
PEOPLE = {
    IDS[0]: {
        "hulusi-akar",
        "yasar-guler",
        "salah-al-din-al-namroush",
        "mohammed-al-sharif",
        "abdul-hakim-abu-haliya",
        "serhat-aksen",
        "fayez-al-sarraj",
        "khalifa-haftar",
    },
    IDS[1]: {
        "fayez-al-sarraj",
        "hulusi-akar",
        "yasar-guler",
        "salah-al-din-al-namroush",
        "khalifa-haftar",
        "muammar-gaddafi",
    },
    IDS[2]: {
        "salah-al-din-al-namroush",
        "hulusi-akar",
        "yasar-guler",
        "khalifa-haftar",
        "recep-tayyip-erdogan",
        "fathi-bashagha",
        "mohammed-al-sharif",
        "osama-al-juwaili",
    },
    IDS[3]: {"abdul-hamid-dbeibah", "yasar-guler"},
    IDS[4]: {"khalifa-haftar", "khairi-al-tamimi", "fathi-bashagha", "abdul-hamid-dbeibah"},
}
PLACES = {
    IDS[0]: {"tripoli", "mitiga-international-airport", "greater-tripoli"},
    IDS[1]: {"tripoli", "libya", "ankara", "sirte", "eastern-libya", "western-libya"},
    IDS[2]: {"tarhuna", "libya", "tripoli", "turkey"},
    IDS[3]: {"libya", "antalya", "turkey", "ankara"},
    IDS[4]: {"turkey", "libya", "africa", "benghazi", "eastern-libya", "al-watiya-air-base", "tripoli"},
}
ORGANISATIONS = {
    IDS[0]: {
        "government-of-national-accord",
        "turkish-general-staff",
        "libyan-navy",
        "libyan-national-army",
        "defence-security-cooperation-and-training-assistance-advisory-command",
    },
    IDS[2]: {
        "government-of-national-accord",
        "ministry-of-defence-libya",
        "operation-volcano-of-rage",
        "awj",
        "trt",
        "presidential-council-libya",
        "joint-operations-room",
        "turkish-general-staff",
        "defence-security-cooperation-and-training-assistance-advisory-command",
    },
    IDS[3]: {
        "government-of-national-unity",
        "ministry-of-national-defence-turkey",
        "facebook",
        "hukumetna",
        "libyan-general-staff",
        "directorate-of-communications-turkey",
    },
    IDS[4]: {"negah-e-no", "libya-observer", "facebook", "grand-national-assembly-of-turkey"},
}


def entity_ids(record: dict, kind: str) -> set[str]:
    return {e["id"] for e in record["entities"] if e["type"] == kind}


def test_knowledge_base_is_valid_and_holds_the_five_sites():
    entities, errors = load_knowledge(REPO / "site_src" / "knowledge")
    assert errors == []
    by_id = {e.id: e for e in entities}
    for site, subtype in (
        ("tripoli", "city"),
        ("mitiga-international-airport", "airport"),
        ("antalya", "city"),
        ("benghazi", "city"),
        ("al-watiya-air-base", "air_base"),
    ):
        assert by_id[site].subtype == subtype and by_id[site].lat is not None


def test_each_document_lists_every_person_place_and_organisation_of_its_body(built_site):
    for record in built_site.corpus("site")["documents"]:
        assert entity_ids(record, "person") == PEOPLE[record["id"]], record["id"]
        assert entity_ids(record, "place") == PLACES[record["id"]], record["id"]
        assert ORGANISATIONS.get(record["id"], set()) <= entity_ids(record, "organisation"), record["id"]
        assert {p["id"] for p in record["places"]} == PLACES[record["id"]]


def test_names_are_recorded_as_written_in_each_document(built_site):
    names = {e["id"]: e["names"] for e in built_site.record(IDS[0], "site")["entities"]}
    assert names["hulusi-akar"] == ["خلوصي آكار", "آكار"]
    assert names["salah-al-din-al-namroush"] == ["صلاح الدين عبد الله النمروس"]
    names = {e["id"]: e["names"] for e in built_site.record(IDS[1], "site")["entities"]}
    assert names["fayez-al-sarraj"] == ["فائز السراج"] and names["yasar-guler"] == ["ياشار غولار"]
    names = {e["id"]: e["names"] for e in built_site.record(IDS[4], "site")["entities"]}
    assert names["al-watiya-air-base"] == ["پایگاه هوایی الوطیه"]


def test_names_only_in_boilerplate_or_appended_articles_are_never_linked(project):
    """Give the knowledge base people and places that the five files name only in removed
    lines (bylines, related headlines, the article appended to 003): none may be linked."""
    removed_only = {
        "kamel-al-marash": ("person", None, "Kamel al-Marash", ["كامل المرعاش", "المرعاش"]),  # 003, appended article
        "osama-hammad": ("person", None, "Osama Hammad", ["أسامة حماد"]),  # 003, appended article
        "belarus": ("place", "country", "Belarus", ["بيلاروسيا"]),  # 003, appended article
        "euronews": ("organisation", "media", "Euronews", ["يورونيوز"]),  # 001, byline
        "abdel-fattah-el-sisi": ("person", None, "Abdel Fattah el-Sisi", ["السيسي"]),  # 001, related headline
        "ras-ajdir": ("place", "city", "Ras Ajdir", ["رأس جدير"]),  # 001, related headline
        "donald-trump": ("person", None, "Donald Trump", ["ترامپ"]),  # 004, headline list
        "bawabat-al-fajr": ("organisation", "media", "Bawabat al-Fajr", ["بوابة الفجر"]),  # 003, source line
    }
    folder = project.root / "site_src" / "knowledge"
    shutil_copy_knowledge(folder)
    for entity_id, (kind, subtype, name, arabic) in removed_only.items():
        data = {"id": entity_id, "type": kind, "name": name, "names": {"ar": arabic}}
        if subtype:
            data["subtype"] = subtype
        if kind == "place":
            data.update(lat=30.0, lon=20.0)
        (folder / f"{entity_id}.md").write_text(dump_front_matter(data), encoding="utf-8")
    report = project.generate()
    assert report.errors == []
    for record in project.corpus()["documents"]:
        assert not {e["id"] for e in record["entities"]} & set(removed_only), record["id"]
        page = (project.root / "docs" / "documents" / f"{record['id']}.md").read_text(encoding="utf-8")
        assert not any(f"entities/{entity_id}/" in page for entity_id in removed_only)


def shutil_copy_knowledge(folder) -> None:
    import shutil

    if not folder.exists():
        shutil.copytree(REPO / "site_src" / "knowledge", folder)


def test_sidebar_lists_english_and_original_names_with_links(built_site):
    html = (built_site.root / "site" / "documents" / IDS[4] / "index.html").read_text(encoding="utf-8")
    sidebar = html[html.index('<aside class="ms-entities"') : html.index("</aside>")]
    assert "People" in sidebar and "Organisations" in sidebar and "Places" in sidebar
    assert '<a href="../../entities/al-watiya-air-base/">al-Watiya Air Base</a>' in sidebar
    assert 'lang="fa" dir="rtl">پایگاه هوایی الوطیه</span>' in sidebar
    for entity_id in re.findall(r'href="\.\./\.\./entities/([^/]+)/"', sidebar):
        assert (built_site.root / "site" / "entities" / entity_id / "index.html").is_file()
    # places link to the map too, to their row on the map page
    map_page = (built_site.root / "site" / "map" / "index.html").read_text(encoding="utf-8")
    for place in PLACES[IDS[4]]:
        assert f'href="../../map/#{place}"' in sidebar and f'<tr id="{place}">' in map_page


def test_entity_page_shows_note_spellings_documents_in_context_and_co_mentions(built_site):
    html = (built_site.root / "site" / "entities" / "yasar-guler" / "index.html").read_text(encoding="utf-8")
    assert "Editor&rsquo;s note" in html or "Editor's note" in html
    for written in ("ياشار غولر", "ياشار غولار", "يشار غولار"):
        assert written in html
    for doc_id in IDS[:4]:
        assert f'href="../../documents/{doc_id}/"' in html
    # the sentence, in the original and in English, for 003
    assert "وقع رئيس حكومة الوحدة الوطنية في ليبيا عبد الفتاح الدبيبة ووزير الدفاع التركي ياشار غولر" in html
    assert "Turkish Defence Minister Yaşar Güler signed a memorandum" in html
    co = html[html.index('id="most-often-named-with"') :]
    assert '<a href="../hulusi-akar/">Hulusi Akar</a> <span class="ms-count">3 documents</span>' in co
    index = (built_site.root / "site" / "entities" / "index.html").read_text(encoding="utf-8")
    assert all(heading in index for heading in ("People", "Organisations", "Places"))


def test_entities_json_lists_the_knowledge_base_with_documents(built_site):
    data = json.loads((built_site.root / "site" / "data" / "entities.json").read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in data["entities"]}
    assert len(by_id) == len(load_knowledge(REPO / "site_src" / "knowledge")[0])
    assert [d["id"] for d in by_id["al-watiya-air-base"]["documents"]] == [IDS[4]]
    assert {d["id"] for d in by_id["hulusi-akar"]["documents"]} == {IDS[0], IDS[1], IDS[2]}


NEW_ARTICLE = """وزیر دفاع ترکیه در طرابلس
به گزارش خبرگزاری آناتولی، خلوصی آکار وزیر دفاع ترکیه و یاشار گولر روز جمعه وارد طرابلس شدند و با فائز السراج دیدار کردند.
آکار در این دیدار گفت همکاری نظامی با دولت وفاق ادامه خواهد یافت و وزیر خارجه ترکیه مولود چاووش اوغلو نیز به زودی به لیبی سفر می‌کند.
همچنین گفته شد که سامانه‌های دفاعی در پایگاه هوایی الوطیه مستقر شده‌اند.
"""


def test_new_spellings_link_and_an_unknown_minister_is_listed_for_editors(project, capsys):
    project.add("006_persian_new.txt", NEW_ARTICLE)
    assert project.build() == 0
    record = project.record("006_persian_new", "site")
    assert record["language"] == "fa"
    assert {"hulusi-akar", "yasar-guler", "fayez-al-sarraj", "tripoli", "al-watiya-air-base"} <= entity_ids(
        record, "person"
    ) | entity_ids(record, "place")
    names = {e["id"]: e["names"] for e in record["entities"]}
    assert names["hulusi-akar"] == ["خلوصی آکار", "آکار"]
    assert [n["name"] for n in record["new_names"]] == ["مولود چاووش اوغلو"]
    editors = (project.root / "site" / "editors" / "new-names" / "index.html").read_text(encoding="utf-8")
    assert "مولود چاووش اوغلو" in editors and 'href="../../documents/006_persian_new/#p2"' in editors
    microsite(["--root", str(project.root), "check"])
    out = capsys.readouterr().out
    assert "006_persian_new.txt:3: name: new name «مولود چاووش اوغلو» after «وزیر»" in out


def test_a_malformed_entry_is_reported_and_the_site_still_builds(project, capsys):
    (project.root / "site_src" / "knowledge" / "tripoli.md").write_text(
        "---\nid: tripoli\ntype: place\nsubtype: town\nname: Tripoli\n---\n", encoding="utf-8"
    )
    report = project.generate()
    assert any("tripoli.md: field 'subtype' must be one of" in e for e in report.errors)
    assert project.build() == 0
    assert microsite(["--root", str(project.root), "check"]) == 1
    assert "tripoli.md: invalid: field 'subtype'" in capsys.readouterr().out
